import { Button, Group, Popover, Stack, TextInput, UnstyledButton } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { SYNC_STEPS } from '../../electron/rules/jointReview';
import type { SyncStep, TargetDetail } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { TRACK_LABELS } from './syncBoardView';
import type { SyncTrack } from '../../electron/bridge/contract';

interface SyncDateCellProps {
  targetId: number;
  name: string;
  track: SyncTrack;
  step: SyncStep;
  date: string | null;
  lagging: boolean;
  onSaved: (detail: TargetDetail) => void;
}

/** One step's date on one track; click to set or clear it (the bridge checks the date's form). */
export function SyncDateCell({ targetId, name, track, step, date, lagging, onSaved }: SyncDateCellProps) {
  const [opened, setOpened] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const what = `${TRACK_LABELS[track]}${SYNC_STEPS[step]}日期`;

  async function save(next: string | null) {
    setBusy(true);
    const result = await ledger.targets.setSyncDate({ targetId, track, step, date: next });
    setBusy(false);
    if (!result.ok) return setError(result.error.fields?.date ?? result.error.message);
    setOpened(false);
    onSaved(result.value);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void save(value.trim() === '' ? null : value.trim());
  }

  return (
    <Popover opened={opened} onChange={setOpened} trapFocus position="bottom" withArrow shadow="md">
      <Popover.Target>
        <UnstyledButton
          aria-label={`${name} ${what}`}
          title={lagging ? '目标滞后于预算' : `点击修改${what}`}
          fz="sm"
          c={lagging ? 'red.9' : date ? undefined : 'dimmed'}
          fw={lagging ? 600 : 400}
          style={{ fontVariantNumeric: 'tabular-nums', width: '100%' }}
          onClick={() => {
            setValue(date ?? '');
            setError(null);
            setOpened((o) => !o);
          }}
        >
          {date ?? '—'}
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={submit} aria-label={`修改${what}`}>
          <Stack gap="xs" w={220}>
            <TextInput
              label={what}
              placeholder="2023-03-01"
              description="留空保存即清除"
              data-autofocus
              value={value}
              onChange={(e) => {
                setValue(e.currentTarget.value);
                setError(null);
              }}
              error={error}
            />
            <Group gap="xs" justify="flex-end">
              {date && (
                <Button size="xs" variant="subtle" color="red" onClick={() => void save(null)} disabled={busy}>
                  清除
                </Button>
              )}
              <Button size="xs" type="submit" loading={busy}>
                保存
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
