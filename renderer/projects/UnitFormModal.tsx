import { Checkbox, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { UnitRow } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { FormAlert } from '../common/FormAlert';
import { useBridgeForm } from '../common/useBridgeForm';
import { departmentOptions } from './unitOptions';
import { FormFooter } from '../common/FormFooter';

interface UnitFormModalProps {
  units: UnitRow[];
  /** The unit to edit; null adds a new one. */
  unit: UnitRow | null;
  onClose: () => void;
  onSaved: () => void;
}

const FIELDS = ['name', 'code', 'parentId', 'classified'] as const;

export function UnitFormModal({ units, unit, onClose, onSaved }: UnitFormModalProps) {
  const [name, setName] = useState(unit?.name ?? '');
  const [code, setCode] = useState(unit?.code ?? '');
  const [parentId, setParentId] = useState<string | null>(unit?.parentId == null ? null : String(unit.parentId));
  const [classified, setClassified] = useState(unit?.classified ?? false);
  const form = useBridgeForm(FIELDS);

  async function save(event: FormEvent) {
    event.preventDefault();
    const input = { name, code, parentId: parentId === null ? null : Number(parentId), classified };
    const saved = await form.submit(() => (unit ? ledger.units.update({ ...input, id: unit.id }) : ledger.units.create(input)));
    if (!saved) return;
    notifications.show({ color: 'green', title: unit ? '预算单位已修改' : '预算单位已新增', message: saved.name });
    onSaved();
  }

  return (
    <Modal opened onClose={onClose} title={unit ? `修改预算单位：${unit.name}` : '新增预算单位'}>
      <form onSubmit={save} aria-label={unit ? '修改预算单位' : '新增预算单位'}>
        <Stack gap="sm">
          <TextInput
            label="单位名称"
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              form.clearError('name');
            }}
            error={form.errors.name}
          />
          <TextInput
            label="单位代码"
            value={code}
            onChange={(e) => {
              setCode(e.currentTarget.value);
              form.clearError('code');
            }}
            error={form.errors.code}
          />
          <Select
            label="主管部门"
            description="所属单位选择其主管部门；主管部门本身留空"
            placeholder="（本身为主管部门）"
            clearable
            searchable
            data={departmentOptions(units, unit?.id ?? null)}
            value={parentId}
            onChange={(v) => {
              setParentId(v);
              form.clearError('parentId');
            }}
            error={form.errors.parentId}
          />
          <Checkbox
            label="涉密单位（绩效目标和评价结果不公开）"
            checked={classified}
            onChange={(e) => setClassified(e.currentTarget.checked)}
            error={form.errors.classified}
          />
          <FormAlert messages={form.alert} />
          <FormFooter onCancel={onClose} submitting={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}
