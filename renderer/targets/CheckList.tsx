import { Alert, Button, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { passesChecks, type CheckItem } from '../../electron/rules/targetChecks';
import type { TargetDetail } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';

interface CheckListProps {
  detail: TargetDetail;
  /** The form has unsaved changes: the checklist speaks of the saved version. */
  dirty: boolean;
  onSubmitted: () => void;
}

/** 机审清单: the saved target checked item by item; errors block 提交会审, warnings do not. */
export function CheckList({ detail, dirty, onSubmitted }: CheckListProps) {
  const [submitting, setSubmitting] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const failedErrors = detail.checks.filter((c) => !c.ok && c.severity === 'error').length;
  const failedWarnings = detail.checks.filter((c) => !c.ok && c.severity === 'warning').length;
  const passes = passesChecks(detail.checks);

  async function submit() {
    setSubmitting(true);
    setRefusal(null);
    const result = await ledger.review.submit({ targetId: detail.id });
    setSubmitting(false);
    if (!result.ok) return setRefusal(result.error.message);
    notifications.show({
      color: 'green',
      title: '已提交三方联合会审',
      message: result.value.projectName ?? `${result.value.unitName}部门整体`,
    });
    onSubmitted();
  }

  return (
    <Paper withBorder p="md" component="section" aria-label="机审清单">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>机审清单</Title>
          <Text fz="sm" fw={500} c={passes ? (failedWarnings ? 'orange.8' : 'green.8') : 'red'} role="status" aria-label="机审结果">
            {passes ? (failedWarnings ? `通过，${failedWarnings} 项提醒` : '全部通过') : `${failedErrors} 项未通过`}
          </Text>
        </Group>
        <Text fz="xs" c="dimmed">
          按已保存的内容检查{dirty ? '；表中有未保存的修改，保存后重新检查' : ''}。红色项须改正后才能提交会审，橙色项为提醒。
        </Text>
        <List spacing={6} listStyleType="none" aria-label="检查项">
          {detail.checks.map((c) => (
            <CheckRow key={c.id} item={c} />
          ))}
        </List>
        {detail.editable && (
          <>
            <Button onClick={() => void submit()} loading={submitting} disabled={dirty} title={dirty ? '请先保存修改' : undefined}>
              提交会审
            </Button>
            {dirty && (
              <Text fz="xs" c="orange.8">
                请先保存修改，再提交会审。
              </Text>
            )}
          </>
        )}
        {refusal && (
          <Alert color="red" title="未能提交会审" role="alert" withCloseButton onClose={() => setRefusal(null)}>
            {refusal}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function CheckRow({ item }: { item: CheckItem }) {
  const color = item.ok ? 'green' : item.severity === 'error' ? 'red' : 'orange';
  const mark = item.ok ? '✓' : item.severity === 'error' ? '✗' : '!';
  return (
    <List.Item
      aria-label={`${item.ok ? '通过' : item.severity === 'error' ? '未通过' : '提醒'}：${item.label}`}
      icon={
        <ThemeIcon size={20} radius="xl" color={color} variant={item.ok ? 'light' : 'filled'} aria-hidden>
          <Text span fz={12} fw={700} lh={1}>
            {mark}
          </Text>
        </ThemeIcon>
      }
    >
      <Text fz="sm" c={item.ok ? undefined : color === 'red' ? 'red.8' : 'orange.8'} fw={item.ok ? 400 : 500}>
        {item.label}
      </Text>
      {!item.ok && item.detail && (
        <Text fz="xs" c="dimmed">
          {item.detail}
        </Text>
      )}
    </List.Item>
  );
}
