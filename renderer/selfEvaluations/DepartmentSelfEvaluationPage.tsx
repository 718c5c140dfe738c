import { Group, Paper, Stack, Table, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { useMemo } from 'react';
import type { DepartmentSelfEvaluationView } from '../../electron/bridge/contract';
import { scoreDepartmentSelfEvaluation } from '../../electron/rules/departmentSelfEvaluationScore';
import { formatScore } from '../../electron/rules/numberFormat';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { BackWithGuard } from '../common/BackWithGuard';
import { FormAlert } from '../common/FormAlert';
import type { DecisionCalls } from './DecisionButtons';
import { EvaluationActions, EvaluationHeading, Level1Scores, useEvaluationForm, whenLoaded } from './evaluationForm';
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
  return whenLoaded(loaded, '正在读取部门整体自评', (view) => <DepartmentForm initial={view} onBack={onBack} onChanged={onChanged} />);
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
  const {
    view,
    draft: drafts,
    dirty,
    form,
    change,
    replaced,
    save,
  } = useEvaluationForm(
    initial,
    draftOf,
    initial.entries.map((_, k) => `entries.${k}.score`),
    onChanged,
  );
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

  const edit = (k: number, patch: Partial<EntryDraft>) =>
    change((ds) => ds.map((d, n) => (n === k ? { ...d, ...patch } : d)), 'score' in patch ? `entries.${k}.score` : undefined);

  return (
    <Stack gap="md">
      <BackWithGuard label="← 返回部门整体自评列表" dirty={dirty} what="部门整体自评" onBack={onBack} />
      <EvaluationHeading
        view={view}
        title={`部门整体支出绩效自评（${view.year} 年度）· ${view.unitName}`}
        subtitle={`指标体系：${view.templateName}（新建时复制，之后修改模板不影响本表）`}
        total={score.total}
        grade={score.grade}
        ungraded="未评定"
      />

      <Paper withBorder p="md" component="section" aria-label="部门整体自评指标">
        <Stack gap="xs">
          <Level1Scores level1={score.level1.map((l) => ({ ...l, points: l.weight }))} />
          <Table layout="fixed" withTableBorder withColumnBorders tabularNums aria-label="部门整体自评指标">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>一级 · 二级指标</Table.Th>
                <Table.Th w={150}>三级指标</Table.Th>
                <Table.Th w={56} ta="right">
                  分值
                </Table.Th>
                <Table.Th w={200}>评分标准</Table.Th>
                <Table.Th>实际完成情况</Table.Th>
                <Table.Th w={96} ta="right">
                  得分
                </Table.Th>
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
                    <Table.Td>
                      <Text fz="xs" c="dimmed" truncate="end" title={ind.level1}>
                        {ind.level1}
                      </Text>
                      <Text fz="sm" truncate="end" title={ind.level2}>
                        {ind.level2}
                      </Text>
                      <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} aria-label={`${ind.level2} 小计`}>
                        小计 {formatScore(l2.score)} / {formatScore(l2.points)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm">{ind.name}</Text>
                    </Table.Td>
                    <Table.Td ta="right">{formatScore(ind.points)}</Table.Td>
                    <Table.Td>
                      <Tooltip label={ind.rule} multiline w={360} openDelay={300} disabled={!ind.rule}>
                        <Text fz="xs" lineClamp={3}>
                          {ind.rule}
                        </Text>
                      </Tooltip>
                    </Table.Td>
                    <Table.Td>
                      <Textarea
                        size="xs"
                        autosize
                        aria-label={`${ind.name} 实际完成情况`}
                        value={d.actual}
                        readOnly={!view.editable}
                        onChange={(e) => edit(k, { actual: e.currentTarget.value })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        aria-label={`${ind.name} 得分`}
                        placeholder={`0–${formatScore(ind.points)}`}
                        styles={{ input: { textAlign: 'right' } }}
                        value={d.score}
                        readOnly={!view.editable}
                        error={form.errors[`entries.${k}.score`] ?? (ind.problem ? `不超过 ${formatScore(ind.points)} 分` : undefined)}
                        onChange={(e) => edit(k, { score: e.currentTarget.value })}
                      />
                    </Table.Td>
                    <Table.Td>
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
        </Stack>
      </Paper>

      <FormAlert messages={form.alert} />
      <Group justify="flex-end">
        <EvaluationActions
          view={view}
          dirty={dirty}
          onDone={replaced}
          calls={CALLS}
          onSave={() =>
            void save(
              () => ledger.selfEvaluations.departmentSave({ id: view.id, entries: inputOf(drafts) }),
              '已保存部门整体自评',
              (v) => v.unitName,
            )
          }
          saving={form.submitting}
        />
      </Group>
    </Stack>
  );
}
