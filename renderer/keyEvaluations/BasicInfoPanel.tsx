import { Button, Group, Paper, Radio, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { AGGREGATION, EVALUATOR, type Evaluator } from '../../electron/rules/keyEvaluationFrameworks';
import { fenToWanYuanInput } from '../../electron/rules/money';
import type { KeyEvaluationView } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { FormAlert } from '../common/FormAlert';
import { useBridgeForm } from '../common/useBridgeForm';
import type { Aggregation } from '../../electron/bridge/contract';

const FIELDS = ['name', 'selectionReason', 'evaluator', 'evaluatorName', 'covered', 'coveredFen', 'aggregation'] as const;

/** The evaluation's particulars, editable until 定稿. */
export function BasicInfoPanel({ view, onWritten }: { view: KeyEvaluationView; onWritten: (v: KeyEvaluationView) => void }) {
  const readOnly = view.status === 'final';
  const [name, setName] = useState(view.name);
  const [reason, setReason] = useState(view.selectionReason);
  const [evaluator, setEvaluator] = useState<Evaluator>(view.evaluator);
  const [evaluatorName, setEvaluatorName] = useState(view.evaluatorName ?? '');
  const [covered, setCovered] = useState(fenToWanYuanInput(view.coveredFen));
  const [aggregation, setAggregation] = useState<Aggregation>(view.aggregation);
  const form = useBridgeForm(FIELDS);

  async function save(event: FormEvent) {
    event.preventDefault();
    const saved = await form.submit(() =>
      ledger.keyEvaluations.update({
        id: view.id,
        name,
        selectionReason: reason,
        evaluator,
        evaluatorName: evaluatorName.trim() || null,
        covered,
        aggregation,
      }),
    );
    if (!saved) return;
    notifications.show({ color: 'green', title: '已保存基本信息', message: saved.name });
    onWritten(saved);
  }

  return (
    <Paper withBorder p="md" component="section" aria-label="基本信息">
      <form onSubmit={save}>
        <Stack gap="sm" maw={760}>
          <TextInput
            label="评价对象名称"
            value={name}
            readOnly={readOnly}
            onChange={(e) => setName(e.currentTarget.value)}
            error={form.errors.name}
          />
          <Textarea
            label="选题理由"
            autosize
            minRows={2}
            value={reason}
            readOnly={readOnly}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={form.errors.selectionReason}
          />
          <Radio.Group
            label="评价主体"
            value={evaluator}
            onChange={(v) => !readOnly && setEvaluator(v as Evaluator)}
            error={form.errors.evaluator}
          >
            <Group mt={4}>
              {Object.entries(EVALUATOR).map(([value, label]) => (
                <Radio key={value} value={value} label={label} disabled={readOnly} />
              ))}
            </Group>
          </Radio.Group>
          <TextInput
            label="评价机构"
            value={evaluatorName}
            readOnly={readOnly}
            onChange={(e) => setEvaluatorName(e.currentTarget.value)}
            error={form.errors.evaluatorName}
          />
          <Group grow align="flex-start">
            <TextInput
              label="涉及资金（万元）"
              value={covered}
              readOnly={readOnly}
              onChange={(e) => setCovered(e.currentTarget.value)}
              error={form.errors.covered ?? form.errors.coveredFen}
            />
            <Select
              label="专家评分汇总方式"
              allowDeselect={false}
              readOnly={readOnly}
              data={Object.entries(AGGREGATION).map(([value, label]) => ({ value, label }))}
              value={aggregation}
              onChange={(v) => v && setAggregation(v as Aggregation)}
              description="三位及以上专家时可去掉最高分和最低分"
            />
          </Group>
          <FormAlert messages={form.alert} />
          {!readOnly && (
            <Group>
              <Button type="submit" loading={form.submitting}>
                保存基本信息
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
