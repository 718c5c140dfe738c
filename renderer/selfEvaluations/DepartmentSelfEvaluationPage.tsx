import { Alert, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import type { DepartmentSelfEvaluationView } from '../../electron/bridge/contract';
import { scoreDepartmentSelfEvaluation } from '../../electron/rules/departmentSelfEvaluationScore';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { BackWithGuard } from '../common/BackWithGuard';
import { FormAlert } from '../common/FormAlert';
import { LoadError } from '../common/LoadError';
import { useBridgeForm } from '../common/useBridgeForm';
import { formatPoints, formatScore, gradeColor } from '../keyEvaluations/keyEvaluationLabels';
import { DecisionButtons, type DecisionCalls } from './DecisionButtons';
import { typedNumber } from './selfEvaluationDraft';

interface EntryDraft {
  indicatorCode: string;
  actual: string;
  /** As typed; blank is "not yet scored". */
  score: string;
  explanation: string;
}

const CALLS: DecisionCalls<DepartmentSelfEvaluationView> = {
  subject: '部门整体自评',
  nameOf: (v) => v.unitName,
  submit: (i) => ledger.selfEvaluations.departmentSubmit(i),
  return: (i) => ledger.selfEvaluations.departmentReturn(i),
  accept: (i) => ledger.selfEvaluations.departmentAccept(i),
};

const draftOf = (v: DepartmentSelfEvaluationView): EntryDraft[] =>
  v.entries.map((e) => ({ ...e, score: e.score === null ? '' : String(e.score) }));

const inputOf = (drafts: EntryDraft[]) => drafts.map((d) => ({ ...d, score: typedNumber(d.score) }));

/** 部门整体自评 of one unit: its framework, the unit's 实际完成情况 and 得分, scored live by the year's rules. */
export function DepartmentSelfEvaluationPage({ id, onBack, onChanged }: { id: number; onBack: () => void; onChanged: () => void }) {
  const loaded = useCall('selfEvaluations.departmentGet', { id });
  if (loaded.error && !loaded.data) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loader aria-label="正在读取部门整体自评" />;
  return <DepartmentForm key={loaded.data.updatedAt} initial={loaded.data} onBack={onBack} onChanged={onChanged} />;
}

function DepartmentForm({
  initial,
  onBack,
  onChanged,
}: {
  initial: DepartmentSelfEvaluationView;
  onBack: () => void;
  onChanged: () => void;
}) {
  const [view, setView] = useState(initial);
  const [drafts, setDrafts] = useState(() => draftOf(initial));
  const [dirty, setDirty] = useState(false);
  const form = useBridgeForm(initial.entries.map((_, k) => `entries.${k}.score`));
  // Unparseable scores count as not scored here; the ledger names them on save.
  const score = useMemo(
    () =>
      scoreDepartmentSelfEvaluation(
        view.framework,
        inputOf(drafts).map((d) => ({ ...d, score: Number.isFinite(d.score) ? d.score : null })),
        view.rules,
      ),
    [view, drafts],
  );
  const byCode = new Map(drafts.map((d, k) => [d.indicatorCode, k]));
  const level2Of = new Map(score.level2.map((l) => [`${l.level1}\u0000${l.name}`, l]));

  function edit(k: number, patch: Partial<EntryDraft>) {
    setDrafts((ds) => ds.map((d, n) => (n === k ? { ...d, ...patch } : d)));
    setDirty(true);
    if ('score' in patch) form.clearError(`entries.${k}.score`);
  }

  function replaced(next: DepartmentSelfEvaluationView) {
    setView(next);
    setDrafts(draftOf(next));
    setDirty(false);
    onChanged();
  }

  async function save() {
    const saved = await form.submit(() => ledger.selfEvaluations.departmentSave({ id: view.id, entries: inputOf(drafts) }));
    if (!saved) return;
    notifications.show({
      color: 'green',
      title: '已保存部门整体自评',
      message: `${saved.unitName}：${formatScore(saved.total)} 分${saved.grade ? `，${saved.grade}` : ''}`,
    });
    replaced(saved);
  }

  return (
    <Stack gap="md">
      <BackWithGuard label="← 返回部门整体自评列表" dirty={dirty} what="部门整体自评" onBack={onBack} />
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>
            部门整体支出绩效自评（{view.year} 年度）· {view.unitName}
          </Title>
          <Text fz="sm" c="dimmed">
            指标体系：{view.templateName}（新建时复制，之后修改模板不影响本表）
          </Text>
        </Stack>
        <Group gap="sm" aria-label="总分与等级">
          <Badge variant="outline" color="gray" size="lg">
            {view.statusLabel}
          </Badge>
          <Text fz="xl" fw={700} aria-label="总分">
            {formatScore(score.total)} 分
          </Text>
          <Badge
            size="xl"
            variant={score.grade ? 'filled' : 'light'}
            color={score.grade ? gradeColor(score.grade) : 'gray'}
            aria-label="等级"
          >
            {score.grade ?? '未评定'}
          </Badge>
        </Group>
      </Group>

      {view.status === 'returned' && view.findings && (
        <Alert color="orange" title="退回意见" aria-label="退回意见">
          {view.findings}
        </Alert>
      )}

      <Paper withBorder p="md" component="section" aria-label="部门整体自评指标">
        <Stack gap="xs">
          <Group gap="md" aria-label="一级指标得分">
            {score.level1.map((l) => (
              <Text key={l.name} fz="sm" c="dimmed">
                {l.name} {formatScore(l.score)} / {formatPoints(l.weight)}
              </Text>
            ))}
          </Group>
          <Table.ScrollContainer minWidth={1200}>
            <Table withTableBorder withColumnBorders tabularNums aria-label="部门整体自评指标">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>一级指标</Table.Th>
                  <Table.Th>二级指标</Table.Th>
                  <Table.Th>三级指标</Table.Th>
                  <Table.Th ta="right">分值</Table.Th>
                  <Table.Th>评分标准</Table.Th>
                  <Table.Th>实际完成情况</Table.Th>
                  <Table.Th ta="right">得分</Table.Th>
                  <Table.Th>得分说明</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {score.indicators.map((ind) => {
                  const k = byCode.get(ind.code)!;
                  const d = drafts[k]!;
                  const l2 = level2Of.get(`${ind.level1}\u0000${ind.level2}`)!;
                  return (
                    <Table.Tr key={ind.code} data-indicator={ind.name}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{ind.level1}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text fz="sm">{ind.level2}</Text>
                        <Text fz="xs" c="dimmed" aria-label={`${ind.level2} 小计`}>
                          小计 {formatScore(l2.score)} / {formatPoints(l2.points)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{ind.name}</Table.Td>
                      <Table.Td ta="right">{formatPoints(ind.points)}</Table.Td>
                      <Table.Td maw={260}>
                        <Text fz="xs">{ind.rule}</Text>
                      </Table.Td>
                      <Table.Td miw={200}>
                        <Textarea
                          size="xs"
                          autosize
                          aria-label={`${ind.name} 实际完成情况`}
                          value={d.actual}
                          readOnly={!view.editable}
                          onChange={(e) => edit(k, { actual: e.currentTarget.value })}
                        />
                      </Table.Td>
                      <Table.Td w={100}>
                        <TextInput
                          size="xs"
                          aria-label={`${ind.name} 得分`}
                          placeholder={`0–${formatPoints(ind.points)}`}
                          styles={{ input: { textAlign: 'right' } }}
                          value={d.score}
                          readOnly={!view.editable}
                          error={form.errors[`entries.${k}.score`] ?? (ind.problem ? `不超过 ${formatPoints(ind.points)} 分` : undefined)}
                          onChange={(e) => edit(k, { score: e.currentTarget.value })}
                        />
                      </Table.Td>
                      <Table.Td miw={180}>
                        <Textarea
                          size="xs"
                          autosize
                          aria-label={`${ind.name} 得分说明`}
                          value={d.explanation}
                          readOnly={!view.editable}
                          onChange={(e) => edit(k, { explanation: e.currentTarget.value })}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      </Paper>

      <FormAlert messages={form.alert} />
      <Group justify="flex-end" gap="sm">
        <DecisionButtons view={view} dirty={dirty} onDone={replaced} calls={CALLS} />
        {view.editable && (
          <Button onClick={() => void save()} loading={form.submitting} disabled={!dirty}>
            保存
          </Button>
        )}
      </Group>
    </Stack>
  );
}
