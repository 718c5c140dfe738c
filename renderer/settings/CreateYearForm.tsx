import { Button, Group, NumberInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { CallInput } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { FormAlert } from '../common/FormAlert';
import { useBridgeForm } from '../common/useBridgeForm';
import { useYear } from '../shell/YearContext';

/** 新建预算年度: proposes the year after the newest one (or this calendar year in a new ledger). */
export function CreateYearForm({ onCreated }: { onCreated?: (year: number) => void }) {
  const { years, reloadYears } = useYear();
  const [value, setValue] = useState<number | string>(() => (years?.[0]?.year ?? new Date().getFullYear() - 1) + 1);
  const form = useBridgeForm(['year']);

  async function create(event: FormEvent) {
    event.preventDefault();
    // An empty box goes as null: the bridge answers with the field's message.
    const input = { year: value === '' ? null : Number(value) } as CallInput<'years.create'>;
    const created = await form.submit(() => ledger.years.create(input));
    if (!created) return;
    notifications.show({ color: 'green', title: '已新建预算年度', message: `${created.year} 年度已建立，沿用上一年度的评分规则。` });
    reloadYears();
    onCreated?.(created.year);
  }

  return (
    <form onSubmit={create} aria-label="新建预算年度">
      <Group align="flex-start" gap="sm">
        <NumberInput
          label="预算年度"
          w={160}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator={false}
          value={value}
          onChange={(v) => {
            setValue(v);
            form.clearError('year');
          }}
          error={form.errors.year}
        />
        <Button type="submit" mt={25} loading={form.submitting}>
          新建年度
        </Button>
      </Group>
      <FormAlert messages={form.alert} />
    </form>
  );
}
