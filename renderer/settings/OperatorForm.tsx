import { Button, Group, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { OperatorInfo } from '../../electron/bridge/contract';
import { OPERATOR_NAME_MAX } from '../../electron/rules/operator';
import { ledger } from '../bridge/client';
import { FormAlert } from '../common/FormAlert';
import { useBridgeForm } from '../common/useBridgeForm';

const FIELDS = ['displayName'] as const;

/** 经办人姓名: the name the audit log puts in front of this computer's account ("张三（zhangsan）"). */
export function OperatorForm({ operator, onSaved }: { operator: OperatorInfo; onSaved: () => void }) {
  const [name, setName] = useState(operator.displayName ?? '');
  const form = useBridgeForm(FIELDS);

  async function save(event: FormEvent) {
    event.preventDefault();
    const saved = await form.submit(() => ledger.operator.setName({ displayName: name }));
    if (!saved) return;
    notifications.show({ color: 'green', title: '经办人已保存', message: `此后的操作记为“${saved.actor}”。` });
    onSaved();
  }

  return (
    <form onSubmit={save} aria-label="经办人">
      <Group align="flex-start">
        <TextInput
          label="经办人姓名"
          description={`本机登录名 ${operator.account}；操作记录写作“姓名（登录名）”，留空则只记登录名`}
          placeholder="如：张三"
          maxLength={OPERATOR_NAME_MAX}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            form.clearError('displayName');
          }}
          error={form.errors.displayName}
          w={420}
        />
        <Button type="submit" mt={46} loading={form.submitting}>
          保存经办人
        </Button>
      </Group>
      <Text fz="sm" c="dimmed" mt="xs" aria-label="当前经办人">
        当前记为：{operator.actor}
      </Text>
      <FormAlert messages={form.alert} />
    </form>
  );
}
