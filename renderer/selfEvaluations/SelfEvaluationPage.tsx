import { Alert, Badge, Button, Checkbox, Group, Loader, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import type { SelfEvaluationView } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { BackWithGuard } from '../common/BackWithGuard';
import { FormAlert } from '../common/FormAlert';
import { LoadError } from '../common/LoadError';
import { useBridgeForm } from '../common/useBridgeForm';
import { formatPoints, formatScore, gradeColor } from '../keyEvaluations/keyEvaluationLabels';
import { DecisionButtons } from './DecisionButtons';
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
  if (loaded.error && !loaded.data) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loader aria-label="正在读取自评表" />;
  return <SelfEvaluationForm key={loaded.data.updatedAt} initial={loaded.data} onBack={onBack} onChanged={onChanged} />;
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
  const [view, setView] = useState(initial);
  const [draft, setDraft] = useState<SelfEvaluationDraft>(() => draftOf(initial));
  const [dirty, setDirty] = useState(false);
  const form = useBridgeForm(fieldNames(initial));
  const score = useMemo(() => liveScore(view, draft), [view, draft]);

  const change = (next: (d: SelfEvaluationDraft) => SelfEvaluationDraft, field?: string) => {
    setDraft(next);
    setDirty(true);
    if (field) form.clearError(field);
  };

  function replaced(next: SelfEvaluationView) {
    setView(next);
    setDraft(draftOf(next));
    setDirty(false);
    onChanged();
  }

  async function save() {
    const saved = await form.submit(() => ledger.selfEvaluations.save(saveInputOf(view.id, draft)));
    if (!saved) return;
    notifications.show({
      color: 'green',
      title: '已保存自评表',
      message: `${saved.projectName}：${formatScore(saved.total)} 分${saved.grade ? `，${saved.grade}` : ''}`,
    });
    replaced(saved);
  }

  return (
    <Stack gap="md">
      <BackWithGuard label="← 返回自评列表" dirty={dirty} what="自评表" onBack={onBack} />
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>项目支出绩效自评表（{view.year} 年度）</Title>
          <Text fz="sm" c="dimmed">
            {view.projectName}
            {view.projectCode ? `（${view.projectCode}）` : ''}　｜　{view.unitName}　｜　主管部门 {view.departmentName}　｜　
            {view.kindLabel}
          </Text>
        </Stack>
        <Group gap="sm" aria-label="总分与等级">
          <Badge variant="outline" color="gray" size="lg">
            {view.statusLabel}
          </Badge>
          <Text fz="xl" fw={700} aria-label="总分">
            {formatScore(score.total)} 分
          </Text>
          {score.grade ? (
            <Badge size="xl" variant="filled" color={gradeColor(score.grade)} aria-label="等级">
              {score.grade}
            </Badge>
          ) : (
            <Badge size="lg" variant="light" color="gray" aria-label="等级">
              {draft.graded ? '未评定' : '不评等级'}
            </Badge>
          )}
        </Group>
      </Group>

      {view.status === 'returned' && view.findings && (
        <Alert color="orange" title="退回意见" aria-label="退回意见">
          {view.findings}
        </Alert>
      )}

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
            <Group gap="md" aria-label="一级指标得分">
              {score.level1.map((l) => (
                <Text key={l.name} fz="sm" c="dimmed">
                  {l.name} {formatScore(l.score)} / {formatPoints(l.points)}
                </Text>
              ))}
            </Group>
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
        <Group gap="sm">
          <DecisionButtons view={view} dirty={dirty} onDone={replaced} />
          {view.editable && (
            <Button onClick={() => void save()} loading={form.submitting} disabled={!dirty}>
              保存
            </Button>
          )}
        </Group>
      </Group>
    </Stack>
  );
}
