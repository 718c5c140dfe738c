import { Alert, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { FrameworkTemplate } from '../../electron/rules/keyEvaluationFrameworks';
import type { KeyEvaluationView } from '../../electron/services/keyEvaluations';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { FormAlert } from '../common/FormAlert';
import { LoadError } from '../common/LoadError';
import { useBridgeForm } from '../common/useBridgeForm';
import { formatPoints } from './keyEvaluationLabels';

/** Default 一级 weights when the evaluation has no framework yet (决策/过程/产出/效益). */
const DEFAULT_WEIGHTS = [20, 20, 30, 30];

/** 指标体系: a template spread on the evaluation's 一级 weights, and the framework as a table. */
export function FrameworkPanel({ view, onWritten }: { view: KeyEvaluationView; onWritten: (v: KeyEvaluationView) => void }) {
  const templates = useCall('keyEvaluations.templates', {});
  const readOnly = view.status === 'final';
  const [templateId, setTemplateId] = useState<string | null>(view.templateId ?? (view.subject === 'department' ? 'department' : 'national10'));
  const [weights, setWeights] = useState<(number | string)[]>(view.framework.length ? view.framework.map((l) => l.weight) : DEFAULT_WEIGHTS);
  const form = useBridgeForm(['templateId']);

  if (templates.error) return <LoadError error={templates.error} onRetry={templates.reload} />;
  const template: FrameworkTemplate | undefined = templates.data?.find((t) => t.id === templateId);
  const levelNames = template?.framework.map((l) => l.name) ?? ['决策', '过程', '产出', '效益'];
  const shown = levelNames.map((_, k) => weights[k] ?? '');
  const sum = Math.round(shown.reduce<number>((s, w) => s + (typeof w === 'number' ? w * 100 : 0), 0)) / 100;

  async function apply() {
    const numbers = shown.map((w) => (typeof w === 'number' ? w : Number(w)));
    const saved = await form.submit(() => ledger.keyEvaluations.applyTemplate({ id: view.id, templateId: templateId ?? '', weights: numbers }));
    if (!saved) return;
    notifications.show({ color: 'green', title: '已建立评价指标体系', message: `一级指标权重 ${saved.framework.map((l) => formatPoints(l.weight)).join('/')}` });
    onWritten(saved);
  }

  return (
    <Stack gap="md">
      {!readOnly && (
        <Paper withBorder p="md" component="section" aria-label="选择指标体系模板">
          <Stack gap="sm">
            <Group align="flex-end" gap="md" wrap="wrap">
              <Select
                label="指标体系模板"
                w={420}
                allowDeselect={false}
                data={(templates.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
                value={templateId}
                onChange={setTemplateId}
                error={form.errors.templateId}
              />
              {levelNames.map((name, k) => (
                <NumberInput
                  key={name}
                  label={`${name}权重`}
                  w={92}
                  min={0}
                  max={100}
                  decimalScale={2}
                  clampBehavior="none"
                  hideControls
                  value={shown[k]}
                  onChange={(v) => setWeights((ws) => levelNames.map((_, j) => (j === k ? v : (ws[j] ?? ''))))}
                />
              ))}
              <Text fz="sm" c={sum === 100 ? 'dimmed' : 'red'} pb={8} aria-label="权重合计">
                合计 {formatPoints(sum)}
              </Text>
              <Button onClick={() => void apply()} loading={form.submitting} disabled={!templateId}>
                {view.framework.length ? '按模板重建指标体系' : '应用模板'}
              </Button>
            </Group>
            {template && (
              <Text fz="sm" c="dimmed">
                {template.description}。三级指标分值按一级权重等比例折算，尾差计入该一级的最后一项。
              </Text>
            )}
            {view.scores.length > 0 && (
              <Text fz="sm" c="orange">
                已有专家评分：重建指标体系后，不再存在的指标上的评分将被删除（审计记录中保留）。
              </Text>
            )}
            <FormAlert messages={form.alert} />
          </Stack>
        </Paper>
      )}
      {view.frameworkProblems.length > 0 && view.framework.length > 0 && (
        <Alert color="red" title="指标体系有问题" role="alert">
          {view.frameworkProblems.join('；')}
        </Alert>
      )}
      {view.framework.length === 0 ? (
        <Text c="dimmed">尚未设置评价指标体系。请选择模板并填写一级指标权重（默认 20/20/30/30），点击“应用模板”。</Text>
      ) : (
        <FrameworkTable view={view} />
      )}
    </Stack>
  );
}

function FrameworkTable({ view }: { view: KeyEvaluationView }) {
  return (
    <Stack gap="xs">
      <Title order={4}>评价指标体系（满分 {formatPoints(view.framework.reduce((s, l) => s + l.weight, 0))} 分）</Title>
      <Table withTableBorder withColumnBorders tabularNums aria-label="评价指标体系" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>一级指标</Table.Th>
            <Table.Th w={110}>二级指标</Table.Th>
            <Table.Th w={160}>三级指标</Table.Th>
            <Table.Th w={70} ta="right">
              分值
            </Table.Th>
            <Table.Th>评分标准</Table.Th>
            <Table.Th w={240}>计算公式</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.framework.map((l1) => {
            const rows1 = l1.level2.reduce((n, l2) => n + l2.indicators.length, 0);
            return l1.level2.map((l2, k2) =>
              l2.indicators.map((ind, k3) => (
                <Table.Tr key={ind.code} data-code={ind.code}>
                  {k2 === 0 && k3 === 0 && (
                    <Table.Td rowSpan={rows1} style={{ verticalAlign: 'top' }}>
                      <Text fw={600} fz="sm">
                        {l1.name}
                      </Text>
                      <Text fz="xs" c="dimmed" aria-label={`${l1.name}权重`}>
                        {formatPoints(l1.weight)} 分
                      </Text>
                    </Table.Td>
                  )}
                  {k3 === 0 && (
                    <Table.Td rowSpan={l2.indicators.length} style={{ verticalAlign: 'top' }}>
                      {l2.name}
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Text fz="sm" fw={500}>
                      {ind.name}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {ind.code}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{formatPoints(ind.points)}</Table.Td>
                  <Table.Td fz="xs">{ind.rule}</Table.Td>
                  <Table.Td fz="xs">{ind.formula ?? '—'}</Table.Td>
                </Table.Tr>
              )),
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
