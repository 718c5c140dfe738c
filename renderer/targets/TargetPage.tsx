import { Alert, Badge, Button, Grid, Group, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { TARGET_STATUS } from '../../electron/rules/jointReview';
import { formatWanYuan } from '../../electron/rules/money';
import type { TargetDetail, TargetSnapshot, TargetStatus } from '../../electron/bridge/contract';
import { BackWithGuard } from '../common/BackWithGuard';
import { useCall } from '../bridge/useCall';
import { LoadError } from '../common/LoadError';
import { useYear } from '../shell/YearContext';
import { AdjustmentHistory } from './AdjustmentHistory';
import { CheckList } from './CheckList';
import { ReviewPanel } from './ReviewPanel';
import { RoundHistory } from './RoundHistory';
import { TargetForm, type FormMode } from './TargetForm';
import { STATUS_COLOR } from './targetLabels';

interface TargetPageProps {
  targetId: number;
  year: number;
  onBack: () => void;
  /** Something was written: the list behind this page is stale. */
  onChanged: () => void;
}

/** Why the 申报表 cannot be edited right now, in the clerk's words. */
const READ_ONLY_NOTE: Partial<Record<TargetStatus, string>> = {
  inReview: '目标正在三方联合会审中，申报表不能修改。会审结论为“中”退回后可修改。',
  ready: '会审已通过，等待批复。',
  notArranged: '会审结论为“差”，该项目不予安排预算，目标不再修改。',
  approved: '目标已批复，不能直接修改。如需变更，请点“目标调整”并写明原因。',
  published: '目标已批复并公开，不能直接修改。如需变更，请点“目标调整”并写明原因。',
};

/** One target: header, 申报表 with its 机审清单, 三方联合会审, the rounds side by side, adjustments. */
export function TargetPage({ targetId, year, onBack, onChanged }: TargetPageProps) {
  const detail = useCall('targets.get', { id: targetId });
  const rounds = useCall('review.rounds', { targetId });
  const classes = useCall('indicators.classes', {});
  const library = useCall('indicators.list', {});
  const { years } = useYear();
  const layout = years?.find((y) => y.year === year)?.indicatorLayout ?? 'three';
  const [tab, setTab] = useState<string | null>(null);
  const [adjusting, setAdjusting] = useState(false);
  const [dirty, setDirty] = useState(false);

  const { reload: reloadDetail } = detail;
  const { reload: reloadRounds } = rounds;
  const refresh = useCallback(() => {
    reloadDetail();
    reloadRounds();
    onChanged();
  }, [reloadDetail, reloadRounds, onChanged]);
  const classNames = useMemo(() => new Map((classes.data ?? []).map((c) => [c.id, c.name])), [classes.data]);

  const error = detail.error ?? rounds.error ?? classes.error ?? library.error;
  const back = <BackWithGuard label="← 返回目标列表" dirty={dirty} what="申报表" onBack={onBack} />;
  if (!detail.data || !rounds.data || !classes.data || !library.data) {
    return (
      <Stack gap="sm">
        {back}
        {error ? <LoadError error={error} onRetry={refresh} /> : <Loader aria-label="正在读取绩效目标" />}
      </Stack>
    );
  }

  const d = detail.data;
  const mode: FormMode = adjusting && d.locked ? 'adjust' : d.editable ? 'edit' : 'view';
  const activeTab = tab ?? (d.status === 'inReview' ? 'review' : 'form');
  // A new form whenever the saved content changes (save, adjustment, 纳入指标库, a move of status).
  const formKey = `${d.updatedAt}|${mode}|${d.indicators.map((i) => `${i.id}:${i.libraryIndicatorId}`).join(',')}`;

  return (
    <Stack gap="md">
      {back}
      {error && <LoadError error={error} onRetry={refresh} />}
      <TargetHeader detail={d} onAdjust={d.locked && !adjusting ? () => (setAdjusting(true), setTab('form')) : null} />
      <Tabs value={activeTab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="form">申报表</Tabs.Tab>
          <Tabs.Tab value="review">三方联合会审</Tabs.Tab>
          <Tabs.Tab
            value="history"
            rightSection={
              rounds.data.length ? (
                <Badge size="xs" variant="light" circle>
                  {rounds.data.length}
                </Badge>
              ) : null
            }
          >
            会审历史
          </Tabs.Tab>
          {(d.locked || d.adjustments.length > 0) && (
            <Tabs.Tab
              value="adjustments"
              rightSection={
                d.adjustments.length ? (
                  <Badge size="xs" variant="light" circle>
                    {d.adjustments.length}
                  </Badge>
                ) : null
              }
            >
              调整记录
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="form" pt="md">
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 9 }}>
              <Stack gap="sm">
                {mode === 'view' && READ_ONLY_NOTE[d.status] && (
                  <Alert color="blue" variant="light">
                    {READ_ONLY_NOTE[d.status]}
                  </Alert>
                )}
                {d.status === 'financeCompleting' && (
                  <Alert color="yellow" variant="light">
                    会审结论为“良”：由财政会同单位完善目标，保存后在“三方联合会审”中点“完善完成，转待批复”。
                  </Alert>
                )}
                <TargetForm
                  key={formKey}
                  year={year}
                  detail={d}
                  library={library.data}
                  classes={classes.data}
                  layout={layout}
                  mode={mode}
                  onSaved={() => {
                    setAdjusting(false);
                    refresh();
                  }}
                  onCancelAdjust={() => setAdjusting(false)}
                  onDirtyChange={setDirty}
                  onLibraryChanged={library.reload}
                />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 3 }}>
              <div style={{ position: 'sticky', top: 72 }}>
                <CheckList
                  key={d.updatedAt}
                  detail={d}
                  dirty={dirty && mode !== 'view'}
                  onSubmitted={() => {
                    setTab('review');
                    refresh();
                  }}
                />
              </div>
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="review" pt="md">
          <ReviewPanel detail={d} rounds={rounds.data} onChanged={refresh} onOpenForm={() => setTab('form')} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <RoundHistory rounds={rounds.data} current={snapshotOf(d)} layout={layout} classNames={classNames} />
        </Tabs.Panel>
        <Tabs.Panel value="adjustments" pt="md">
          <AdjustmentHistory adjustments={d.adjustments} layout={layout} classNames={classNames} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function TargetHeader({ detail: d, onAdjust }: { detail: TargetDetail; onAdjust: (() => void) | null }) {
  const facts = [
    `预算单位：${d.unitName}`,
    `主管部门：${d.departmentName}`,
    d.projectCode && `项目代码：${d.projectCode}`,
    `项目期：${d.period ?? '—'}`,
    d.projectBudgetFen !== null && `年初预算：${formatWanYuan(d.projectBudgetFen)} 万元`,
    `指标类别：${d.className ?? '未选'}`,
  ].filter(Boolean);
  return (
    <Paper withBorder p="md" component="header" aria-label="目标概况">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6}>
          <Group gap="sm">
            <Title order={3}>{d.projectName ?? `${d.unitName}部门整体`}</Title>
            <Badge size="lg" variant="light" color={STATUS_COLOR[d.status]} aria-label="目标状态">
              {TARGET_STATUS[d.status]}
            </Badge>
            <Badge variant="outline" color={d.subject === 'department' ? 'indigo' : 'gray'}>
              {d.subject === 'department' ? '部门整体绩效目标' : '项目支出绩效目标'}
            </Badge>
            {d.classified && (
              <Badge variant="outline" color="dark" title="涉密单位的目标不在门户公开">
                涉密
              </Badge>
            )}
          </Group>
          <Text fz="sm" c="dimmed">
            {facts.join('　｜　')}
          </Text>
        </Stack>
        {onAdjust && (
          <Button variant="light" color="orange" onClick={onAdjust}>
            目标调整
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/** The target's content in the shape a round keeps, to compare the last round with now. */
function snapshotOf(d: TargetDetail): TargetSnapshot {
  return {
    indicatorClassId: d.indicatorClassId,
    period: d.period,
    midTermGoal: d.midTermGoal,
    annualGoal: d.annualGoal,
    mainTasks: d.mainTasks,
    annualTotalFen: d.annualTotalFen,
    annualFiscalFen: d.annualFiscalFen,
    annualOtherFen: d.annualOtherFen,
    midTotalFen: d.midTotalFen,
    midFiscalFen: d.midFiscalFen,
    midOtherFen: d.midOtherFen,
    indicators: d.indicators.map(({ id: _id, libraryNameNow: _now, lastYearActual: _last, ...rest }) => rest),
  };
}
