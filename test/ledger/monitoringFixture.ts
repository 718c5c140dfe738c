/**
 * A monitoring round on a real ledger: month 5 (序时进度 41.7%), four projects in three units —
 *   P1 on track (execution 80%, indicators on schedule: all three lines green, 偏离率 5.4 against 85.4% of the year's targets);
 *   P2 execution 21.3% of its adjusted budget (line 1 red), indicators on schedule (偏离率 64.1, notice due);
 *   P3 indicators lagging (line 2 red, 目标完成率 77.5), execution 99% (偏离率 21.5, notice due);
 *   P4 an adjusted budget of 0 (执行率 "—"), no entries.
 */
import { executionRecords } from '../../db/schema';
import { indicatorKey, type MonitoringEntryInput, saveMonitoringForm } from '../../electron/monitoring/monitoringEntries';
import { listMonitoringRounds } from '../../electron/monitoring/monitoringRounds';
import { createProject } from '../../electron/projects/projects';
import { createTarget, saveTarget } from '../../electron/targets/targets';
import type { TargetContent, TargetIndicatorInput } from '../../electron/targets/targetDetail';
import { createUnit } from '../../electron/projects/units';
import type { ServiceContext } from '../../electron/ledger/context';

export const INDICATORS: TargetIndicatorInput[] = [
  {
    libraryIndicatorId: null,
    period: 'annual',
    level1: '产出指标',
    level2: '数量指标',
    name: '培训人次',
    nature: '≥',
    value: '1200',
    unit: '人次',
  },
  {
    libraryIndicatorId: null,
    period: 'annual',
    level1: '产出指标',
    level2: '质量指标',
    name: '培训合格率',
    nature: '≥',
    value: '95',
    unit: '%',
  },
  {
    libraryIndicatorId: null,
    period: 'annual',
    level1: '效益指标',
    level2: '社会效益指标',
    name: '业务能力提升情况',
    nature: '定性',
    value: '有效提升',
    unit: null,
  },
  {
    libraryIndicatorId: null,
    period: 'annual',
    level1: '满意度指标',
    level2: '服务对象满意度指标',
    name: '参训人员满意度',
    nature: '≥',
    value: '90',
    unit: '%',
  },
  {
    libraryIndicatorId: null,
    period: 'midTerm',
    level1: '产出指标',
    level2: '数量指标',
    name: '三年培训人次',
    nature: '≥',
    value: '3600',
    unit: '人次',
  },
];

export const content = (indicators = INDICATORS): TargetContent => ({
  indicatorClassId: null,
  period: '2023年',
  midTermGoal: null,
  mainTasks: null,
  annualGoal: '全年完成培训 1200 人次。',
  annualTotalFen: 10_000_000,
  annualFiscalFen: 10_000_000,
  annualOtherFen: 0,
  midTotalFen: null,
  midFiscalFen: null,
  midOtherFen: null,
  indicators,
});

export const entry = (name: string, currentValue: string, more: Partial<MonitoringEntryInput> = {}): MonitoringEntryInput => ({
  key: indicatorKey(name),
  currentValue,
  expectedValue: '',
  likelihood: currentValue ? 'certain' : null,
  deviationReason: null,
  explanation: null,
  correctiveAction: null,
  ...more,
});

/** On schedule at month 5: 500 of 1200 人次 is exactly the 序时目标. */
export const onSchedule = (): MonitoringEntryInput[] => [
  entry('培训人次', '500', { expectedValue: '1200' }),
  entry('培训合格率', '96'),
  entry('业务能力提升情况', '达成'),
  entry('参训人员满意度', '92'),
];

/** Lagging: 250 of 500 due (50%, red), 部分达成 (yellow). */
export const lagging = (): MonitoringEntryInput[] => [
  entry('培训人次', '250', {
    likelihood: 'possible',
    deviationReason: 'staffing',
    explanation: '师资不足，两期培训推迟',
    correctiveAction: '下半年加开两期',
  }),
  entry('培训合格率', '96'),
  entry('业务能力提升情况', '部分达成', { deviationReason: 'other', explanation: '部分课程尚未开设' }),
  entry('参训人员满意度', '92'),
];

export function setupRound(ctx: ServiceContext) {
  const deptA = createUnit(ctx, { name: '中共轮台县委组织部', code: '003', parentId: null, classified: false });
  const unitA1 = createUnit(ctx, { name: '轮台县党员电化教育中心', code: '003001', parentId: deptA.id, classified: false });
  const deptB = createUnit(ctx, { name: '轮台县农业农村局', code: '020', parentId: null, classified: false });
  const project = (unitId: number, code: string, name: string) =>
    createProject(ctx, {
      year: 2023,
      unitId,
      code,
      name,
      projectType: '特定目标类',
      budgetKind: 'general',
      initialBudgetFen: 10_000_000,
      continuity: 'continuing',
      majorPolicy: false,
    });
  const p1 = project(deptA.id, 'P1', '基层干部培训项目');
  const p2 = project(unitA1.id, 'P2', '党员远程教育项目');
  const p3 = project(deptB.id, 'P3', '高素质农民培训项目');
  const p4 = project(deptB.id, 'P4', '年中追加的农机补贴项目');
  const target = (projectId: number) => {
    const t = createTarget(ctx, { year: 2023, projectId, unitId: null });
    return saveTarget(ctx, { ...content(), id: t.id });
  };
  const t1 = target(p1.id);
  const t2 = target(p2.id);
  const t3 = target(p3.id);
  const t4 = target(p4.id);
  const rounds = listMonitoringRounds(ctx, { year: 2023 });
  const may = rounds.find((r) => r.asOfMonth === 5)!;
  const june = rounds.find((r) => r.scope === 'department')!;
  const execution = (projectId: number, adjustedBudgetFen: number, executedFen: number, row: number) =>
    ctx.ledger.db
      .insert(executionRecords)
      .values({
        roundId: may.id,
        projectId,
        initialBudgetFen: 10_000_000,
        adjustedBudgetFen,
        executedFen,
        expectedFullYearFen: adjustedBudgetFen,
        sourceFile: '1-5月执行.xlsx',
        sourceRow: row,
        importedAt: '2023-06-01T00:00:00.000Z',
      })
      .run();
  execution(p1.id, 10_000_000, 8_000_000, 4);
  execution(p2.id, 10_000_000, 2_130_000, 5);
  execution(p3.id, 10_000_000, 9_900_000, 6);
  execution(p4.id, 0, 0, 7);
  saveMonitoringForm(ctx, { roundId: may.id, targetId: t1.id, entries: onSchedule() });
  saveMonitoringForm(ctx, { roundId: may.id, targetId: t2.id, entries: onSchedule() });
  saveMonitoringForm(ctx, { roundId: may.id, targetId: t3.id, entries: lagging() });
  return { deptA, unitA1, deptB, p1, p2, p3, p4, t1, t2, t3, t4, may, june };
}
