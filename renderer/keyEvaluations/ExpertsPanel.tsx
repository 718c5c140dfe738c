import { Button, CloseButton, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { KeyEvaluationView } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { FormAlert } from '../common/FormAlert';
import { useBridgeForm } from '../common/useBridgeForm';

/** 评分专家: the panel's names, in order. An expert kept by name keeps their scores. */
export function ExpertsPanel({ view, onWritten }: { view: KeyEvaluationView; onWritten: (v: KeyEvaluationView) => void }) {
  const readOnly = view.status === 'final';
  const [names, setNames] = useState<string[]>(view.experts.length ? view.experts.map((e) => e.name) : ['', '']);
  const fields = ['names', ...names.map((_, k) => `names.${k}`)];
  const form = useBridgeForm(fields);
  const changed = names.join('\u0000') !== view.experts.map((e) => e.name).join('\u0000');
  const removed = view.experts.filter((e) => !names.map((n) => n.trim()).includes(e.name) && view.scores.some((s) => s.expertId === e.id));

  async function save() {
    const saved = await form.submit(() => ledger.keyEvaluations.setExperts({ id: view.id, names }));
    if (!saved) return;
    notifications.show({ color: 'green', title: '已保存评分专家', message: saved.experts.map((e) => e.name).join('、') });
    onWritten(saved);
  }

  if (readOnly) {
    return (
      <Text fz="sm" aria-label="评分专家">
        评分专家：{view.experts.map((e) => e.name).join('、') || '—'}
      </Text>
    );
  }
  return (
    <Paper withBorder p="md" component="section" aria-label="评分专家">
      <Stack gap="xs">
        <Group align="flex-start" gap="sm">
          {names.map((n, k) => (
            <TextInput
              key={k}
              label={`专家 ${k + 1}`}
              aria-label={`专家 ${k + 1} 姓名`}
              w={150}
              value={n}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setNames((ns) => ns.map((x, j) => (j === k ? value : x)));
                form.clearError(`names.${k}`);
              }}
              error={form.errors[`names.${k}`]}
              rightSection={
                names.length > 1 ? (
                  <CloseButton size="sm" aria-label={`删除专家 ${k + 1}`} onClick={() => setNames((ns) => ns.filter((_, j) => j !== k))} />
                ) : null
              }
            />
          ))}
          <Button variant="subtle" mt={25} onClick={() => setNames((ns) => [...ns, ''])} disabled={names.length >= 20}>
            + 添加专家
          </Button>
          <Button mt={25} onClick={() => void save()} loading={form.submitting} disabled={!changed}>
            保存专家名单
          </Button>
        </Group>
        {removed.length > 0 && (
          <Text fz="sm" c="orange">
            {removed.map((e) => e.name).join('、')}已有评分，移出名单后其评分将被删除（审计记录中保留）。
          </Text>
        )}
        {form.errors.names && (
          <Text fz="sm" c="red">
            {form.errors.names}
          </Text>
        )}
        <FormAlert messages={form.alert} />
      </Stack>
    </Paper>
  );
}
