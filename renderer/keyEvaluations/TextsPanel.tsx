import { Button, Group, Paper, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { KeyEvaluationView } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { FormAlert } from '../common/FormAlert';
import { useBridgeForm } from '../common/useBridgeForm';

const TEXTS = [
  { key: 'experience', label: '主要经验及做法' },
  { key: 'findings', label: '存在的问题及原因分析' },
  { key: 'recommendations', label: '有关建议' },
  { key: 'otherNotes', label: '其他需要说明的问题' },
] as const;
type TextKey = (typeof TEXTS)[number]['key'];

/** 评价报告内容: the outline's texts; 存在的问题 later becomes the 整改通知's findings. */
export function TextsPanel({
  view,
  onWritten,
  onDirtyChange,
}: {
  view: KeyEvaluationView;
  onWritten: (v: KeyEvaluationView) => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const readOnly = view.status === 'final';
  const initial = (v: KeyEvaluationView) => Object.fromEntries(TEXTS.map((t) => [t.key, v[t.key] ?? ''])) as Record<TextKey, string>;
  const [texts, setTexts] = useState(() => initial(view));
  const [base, setBase] = useState(() => initial(view));
  const form = useBridgeForm(TEXTS.map((t) => t.key));
  const dirty = TEXTS.some((t) => texts[t.key] !== base[t.key]);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  async function save() {
    const saved = await form.submit(() =>
      ledger.keyEvaluations.saveTexts({
        id: view.id,
        findings: texts.findings,
        recommendations: texts.recommendations,
        experience: texts.experience,
        otherNotes: texts.otherNotes,
      }),
    );
    if (!saved) return;
    setBase(initial(saved));
    setTexts(initial(saved));
    notifications.show({ color: 'green', title: '已保存评价报告内容', message: saved.name });
    onWritten(saved);
  }

  return (
    <Paper withBorder p="md" component="section" aria-label="评价报告内容">
      <Stack gap="sm" maw={900}>
        {TEXTS.map((t) => (
          <Textarea
            key={t.key}
            label={t.label}
            autosize
            minRows={3}
            maxRows={12}
            readOnly={readOnly}
            placeholder={readOnly ? '未填写' : undefined}
            value={texts[t.key]}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setTexts((x) => ({ ...x, [t.key]: value }));
              form.clearError(t.key);
            }}
            error={form.errors[t.key]}
          />
        ))}
        <FormAlert messages={form.alert} />
        {!readOnly && (
          <Group>
            <Button onClick={() => void save()} loading={form.submitting} disabled={!dirty}>
              保存报告内容
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
