import { Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { IndicatorClassRow } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { FormAlert } from '../common/FormAlert';
import { useBridgeForm } from '../common/useBridgeForm';
import type { DraftIndicator } from './targetDraft';
import { FormFooter } from '../common/FormFooter';

interface PromoteIndicatorModalProps {
  row: DraftIndicator;
  classes: readonly IndicatorClassRow[];
  defaultClassId: number | null;
  onClose: () => void;
  onDone: () => void;
}

/** 纳入指标库: a 个性 indicator becomes a common one of the chosen class; this target then uses it. */
export function PromoteIndicatorModal({ row, classes, defaultClassId, onClose, onDone }: PromoteIndicatorModalProps) {
  const [classId, setClassId] = useState<string | null>(defaultClassId === null ? null : String(defaultClassId));
  const form = useBridgeForm(['classId']);

  async function promote(event: FormEvent) {
    event.preventDefault();
    const created = await form.submit(() =>
      ledger.targets.promoteIndicator({ targetIndicatorId: row.id!, classId: classId === null ? 0 : Number(classId) }),
    );
    if (!created) return;
    notifications.show({ color: 'green', title: '已纳入指标库', message: `${created.className} · ${created.name}` });
    onDone();
  }

  return (
    <Modal opened onClose={onClose} title={`纳入指标库：${row.name}`}>
      <form onSubmit={promote} aria-label="纳入指标库">
        <Stack gap="sm">
          <Text fz="sm" c="dimmed">
            纳入后，“{row.name}”成为所选类别的共性指标，其他项目可以选用；本目标中的这一行随之改为共性指标。
          </Text>
          <Select
            label="指标类别"
            searchable
            allowDeselect={false}
            data={classes.map((c) => ({ value: String(c.id), label: c.name }))}
            value={classId}
            onChange={(v) => {
              setClassId(v);
              form.clearError('classId');
            }}
            error={form.errors.classId}
          />
          <FormAlert messages={form.alert} />
          <FormFooter onCancel={onClose} submitting={form.submitting} submitLabel="纳入指标库" />
        </Stack>
      </form>
    </Modal>
  );
}
