import { Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { RoundRow, Subject } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { FormAlert } from '../common/FormAlert';
import { useBridgeForm } from '../common/useBridgeForm';
import { SCOPE_LABELS } from './monitoringView';
import { FormFooter } from '../common/FormFooter';

const FIELDS = ['name', 'asOfMonth', 'scope', 'dueDate'] as const;
const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `${i + 1} 月` }));

interface RoundFormModalProps {
  year: number;
  /** Null: a new round. */
  round: RoundRow | null;
  onClose: () => void;
  onSaved: (round: RoundRow) => void;
}

/** 新增或修改监控轮次: name, 截止月份, 监控对象, 报送截止日期. */
export function RoundFormModal({ year, round, onClose, onSaved }: RoundFormModalProps) {
  const [name, setName] = useState(round?.name ?? '');
  const [month, setMonth] = useState<string | null>(round ? String(round.asOfMonth) : null);
  const [scope, setScope] = useState<Subject>(round?.scope ?? 'project');
  const [dueDate, setDueDate] = useState(round?.dueDate ?? '');
  const form = useBridgeForm(FIELDS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const saved = await form.submit(() =>
      ledger.monitoring.saveRound({
        id: round?.id ?? null,
        year,
        name,
        asOfMonth: month === null ? (undefined as unknown as number) : Number(month),
        scope,
        dueDate: dueDate.trim(),
      }),
    );
    if (saved) onSaved(saved);
  }

  return (
    <Modal opened onClose={onClose} title={round ? `修改监控轮次：${round.name}` : `新增监控轮次（${year} 年度）`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label="轮次名称"
            placeholder="如：5月项目监控"
            required
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              form.clearError('name');
            }}
            error={form.errors.name}
          />
          <Select
            label="截止月份"
            description="执行数据和完成值统计到该月底，序时进度 = 月份 / 12"
            required
            data={MONTHS}
            value={month}
            onChange={(v) => {
              setMonth(v);
              form.clearError('asOfMonth');
            }}
            error={form.errors.asOfMonth}
            allowDeselect={false}
          />
          <Select
            label="监控对象"
            required
            data={Object.entries(SCOPE_LABELS).map(([value, label]) => ({ value, label }))}
            value={scope}
            onChange={(v) => v && setScope(v as Subject)}
            error={form.errors.scope}
            allowDeselect={false}
          />
          <TextInput
            label="报送截止日期"
            placeholder={`${year}-06-15`}
            required
            value={dueDate}
            onChange={(e) => {
              setDueDate(e.currentTarget.value);
              form.clearError('dueDate');
            }}
            error={form.errors.dueDate}
          />
          <FormAlert messages={form.alert} />
          <FormFooter onCancel={onClose} submitting={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}
