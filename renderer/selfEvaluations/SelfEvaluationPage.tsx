import { Alert, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useMemo } from 'react';
import type { SelfEvaluationView } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { BackWithGuard } from '../common/BackWithGuard';
import { FormAlert } from '../common/FormAlert';
import { EvaluationActions, EvaluationHeading, Level1Scores, useEvaluationForm, whenLoaded } from './evaluationForm';
import { FundsTable } from './FundsTable';
import { IndicatorScoreTable } from './IndicatorScoreTable';
import { draftOf, FUND_ROWS, liveScore, saveInputOf, type SelfEvaluationDraft } from './selfEvaluationDraft';

interface SelfEvaluationPageProps {
  id: number;
  onBack: () => void;
  onChanged: () => void;
}

/** 项目支出绩效自评表 for one project, in the official layout, scored live by the year's rules. */
export function SelfEvaluationPage({ id, onBack, onChanged }: SelfEvaluationPageProps) {
  const loaded = useCall('selfEvaluations.get', { id });
  return whenLoaded(loaded, '正在读取自评表', (view) => <SelfEvaluationForm initial={view} onBack={onBack} onChanged={onChanged} />);
}

function fieldNames(view: SelfEvaluationView): string[] {
  return [
    ...FUND_ROWS.flatMap((r) => r.keys.map((k) => `funds.${k}`)),
    'executionChosenScore',
    'goalExpected',
    'goalActual',
    ...view.indicators.flatMap((_, k) => [`indicators.${k}.points`, `indicators.${k}.chosenScore`, `indicators.${k}.actual`]),
  ];
}

function SelfEvaluationForm({ initial, onBack, onChanged }: { initial: SelfEvaluationView; onBack: () => void; onChanged: () => void }) {
  const { view, draft, dirty, form, change, replaced, save } = useEvaluationForm<SelfEvaluationView, SelfEvaluationDraft>(
    initial,
    draftOf,
    fieldNames(initial),
    onChanged,
  );
  const score = useMemo(() => liveScore(view, draft), [view, draft]);

  return (
    <Stack gap="md">
      <BackWithGuard label="← 返回自评列表" dirty={dirty} what="自评表" onBack={onBack} />
      <EvaluationHeading
        view={view}
        title={`项目支出绩效自评表（${view.year} 年度）`}
        subtitle={
          <>
            {view.projectName}
            {view.projectCode ? `（${view.projectCode}）` : ''}　｜　{view.unitName}　｜　主管部门 {view.departmentName}　｜　
            {view.kindLabel}
          </>
        }
        total={score.total}
        grade={score.grade}
        ungraded={draft.graded ? '未评定' : '不评等级'}
      />

      <Paper withBorder p="md" component="section" aria-label="项目资金">
        <Stack gap="xs">
          <Text fw={500}>项目资金</Text>
          <FundsTable
            draft={draft}
            score={score}
            editable={view.editable}
            errors={form.errors}
            onFund={(key, value) => change((d) => ({ ...d, funds: { ...d.funds, [key]: value } }), `funds.${key}`)}
            onChosenScore={(value) => change((d) => ({ ...d, executionChosenScore: value }), 'executionChosenScore')}
          />
          {view.executionSource && (
            <Text fz="xs" c="dimmed">
              全年执行数{view.executionSource}。
            </Text>
          )}
        </Stack>
      </Paper>

      <Paper withBorder p="md" component="section" aria-label="年度总体目标">
        <SimpleGrid cols={2}>
          <Textarea
            label="年度总体目标（预期目标）"
            autosize
            minRows={2}
            value={draft.goalExpected}
            readOnly={!view.editable}
            error={form.errors.goalExpected}
            onChange={(e) => {
              const value = e.currentTarget.value;
              change((d) => ({ ...d, goalExpected: value }), 'goalExpected');
            }}
          />
          <Textarea
            label="实际完成情况"
            autosize
            minRows={2}
            value={draft.goalActual}
            readOnly={!view.editable}
            error={form.errors.goalActual}
            onChange={(e) => {
              const value = e.currentTarget.value;
              change((d) => ({ ...d, goalActual: value }), 'goalActual');
            }}
          />
        </SimpleGrid>
      </Paper>

      <Paper withBorder p="md" component="section" aria-label="绩效指标">
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={500}>绩效指标</Text>
            <Level1Scores level1={score.level1} />
          </Group>
          <IndicatorScoreTable
            indicators={view.indicators}
            drafts={draft.indicators}
            score={score}
            editable={view.editable}
            errors={form.errors}
            onChange={(k, patch) =>
              change((d) => ({ ...d, indicators: d.indicators.map((ind, n) => (n === k ? { ...ind, ...patch } : ind)) }))
            }
          />
        </Stack>
      </Paper>

      {score.problems.length > 0 && (
        <Alert color="yellow" title="尚不能评定等级" aria-label="尚不能评定等级">
          {score.problems.map((p) => (
            <div key={p}>{p}</div>
          ))}
        </Alert>
      )}
      {score.notices.length > 0 && (
        <Alert color="grape" title="需要单位说明" aria-label="需要单位说明">
          {score.notices.map((p) => (
            <div key={p}>{p}</div>
          ))}
        </Alert>
      )}

      <FormAlert messages={form.alert} />
      <Group justify="space-between">
        <Checkbox
          label="评定等级（不评等级时只计总分）"
          checked={draft.graded}
          disabled={!view.editable}
          onChange={(e) => {
            const graded = e.currentTarget.checked;
            change((d) => ({ ...d, graded }));
          }}
        />
        <EvaluationActions
          view={view}
          dirty={dirty}
          onDone={replaced}
          onSave={() =>
            void save(
              () => ledger.selfEvaluations.save(saveInputOf(view.id, draft)),
              '已保存自评表',
              (v) => v.projectName,
            )
          }
          saving={form.submitting}
        />
      </Group>
    </Stack>
  );
}
