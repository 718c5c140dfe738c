import { Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { IndicatorClassRow } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { FormAlert } from '../common/FormAlert';
import { useBridgeForm } from '../common/useBridgeForm';
import { FormFooter } from '../common/FormFooter';

/** 新增类别: a function area (行业领域) or project type the library does not have yet. */
export function ClassFormModal({ onClose, onSaved }: { onClose: () => void; onSaved: (row: IndicatorClassRow) => void }) {
  const [name, setName] = useState('');
  const form = useBridgeForm(['name']);

  async function save(event: FormEvent) {
    event.preventDefault();
    const saved = await form.submit(() => ledger.indicators.createClass({ name }));
    if (!saved) return;
    notifications.show({ color: 'green', title: '类别已新增', message: saved.name });
    onSaved(saved);
  }

  return (
    <Modal opened onClose={onClose} title="新增指标类别">
      <form onSubmit={save} aria-label="新增指标类别">
        <Stack gap="sm">
          <TextInput
            label="类别名称"
            description="按行业领域（如“农业农村”）或项目类型（如“培训”“购置”）命名"
            data-autofocus
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              form.clearError('name');
            }}
            error={form.errors.name}
          />
          <FormAlert messages={form.alert} />
          <FormFooter onCancel={onClose} submitting={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}
