/**
 * A 2022 ledger holding the project of test/fixtures/selfEvaluationForms.ts: 县就业服务中心 under
 * 县人力资源和社会保障局, its 城乡劳动力职业技能培训项目 with the form's nine annual indicators approved,
 * the self-evaluation created with the form's 分值, and the 12月 execution record (120 万元 budget,
 * 114 万元 spent) — so the fixture's workbook is exactly this unit's filled form.
 */
import ExcelJS from 'exceljs';
import { executionRecords } from '../../db/schema';
import type { Nature } from '../../db/vocabulary';
import type { ServiceContext } from '../../electron/ledger/context';
import { listMonitoringRounds } from '../../electron/monitoring/monitoringRounds';
import { createProject } from '../../electron/projects/projects';
import { createUnit } from '../../electron/projects/units';
import { createSelfEvaluation, saveSelfEvaluation } from '../../electron/selfEvaluations/selfEvaluationWrites';
import { createTarget, saveTarget } from '../../electron/targets/targets';
import { approveTarget } from '../fixtures/approvedTarget';
import { FORM, LEVELS } from '../fixtures/selfEvaluationForms';
import { freshContext } from './tempLedger';

/** "≥500人" → nature, value, unit as a target holds them. */
function split(target: string): { nature: Nature; value: string; unit: string | null } {
  const m = /^([≥≤＞＜])?(\d+(?:\.\d+)?)(.*)$/.exec(target);
  if (!m) return { nature: '定性', value: target, unit: null };
  return { nature: (m[1] as Nature | undefined) ?? '＝', value: m[2]!, unit: m[3] || null };
}

export function formLedger(options: { executedFen?: number } = {}) {
  return fillFormLedger(freshContext({ year: 2022 }), options);
}

/** The same on a ledger of one's own (an e2e session's), which must have the year 2022. */
export function fillFormLedger(ctx: ServiceContext, options: { executedFen?: number } = {}) {
  const dept = createUnit(ctx, { name: FORM.department, code: '301', parentId: null, classified: false });
  const unit = createUnit(ctx, { name: FORM.implementingUnit, code: '301001', parentId: dept.id, classified: false });
  const project = createProject(ctx, {
    year: 2022,
    unitId: unit.id,
    code: 'P2022-01',
    name: FORM.projectName,
    projectType: '特定目标类',
    budgetKind: 'general',
    initialBudgetFen: 100_000_000,
    continuity: 'continuing',
    majorPolicy: false,
  });
  const lines = LEVELS.flatMap((level) => {
    let level2 = '';
    return level.lines.map(([l2, name, target, , points]) => {
      level2 = l2 ?? level2;
      return { level1: level.name, level2, name, target, points };
    });
  });
  const t = createTarget(ctx, { year: 2022, projectId: project.id, unitId: null });
  saveTarget(ctx, {
    id: t.id,
    indicatorClassId: null,
    period: '2022年',
    midTermGoal: null,
    mainTasks: null,
    annualGoal: '全年开展职业技能培训10期，培训城乡劳动力500人以上。',
    annualTotalFen: 100_000_000,
    annualFiscalFen: 100_000_000,
    annualOtherFen: 0,
    midTotalFen: null,
    midFiscalFen: null,
    midOtherFen: null,
    indicators: lines.map((l) => ({
      libraryIndicatorId: null,
      period: 'annual',
      level1: l.level1,
      level2: l.level2,
      name: l.name,
      ...split(l.target),
    })),
  });
  approveTarget(ctx, t.id);
  const round = listMonitoringRounds(ctx, { year: 2022 })
    .filter((r) => r.scope === 'project')
    .at(-1)!;
  ctx.ledger.db
    .insert(executionRecords)
    .values({
      roundId: round.id,
      projectId: project.id,
      initialBudgetFen: 100_000_000,
      adjustedBudgetFen: 120_000_000,
      executedFen: options.executedFen ?? 114_000_000,
      expectedFullYearFen: 120_000_000,
      sourceFile: '全年执行.xlsx',
      sourceRow: 4,
      importedAt: '2023-01-10T00:00:00.000Z',
    })
    .run();
  const created = createSelfEvaluation(ctx, { projectId: project.id, kind: 'self' });
  const evaluation = saveSelfEvaluation(ctx, {
    id: created.id,
    graded: true,
    funds: {
      initialFen: created.initialFen,
      budgetFen: created.budgetFen,
      executedFen: created.executedFen,
      fiscalInitialFen: null,
      fiscalBudgetFen: null,
      fiscalExecutedFen: null,
      carryoverInitialFen: null,
      carryoverBudgetFen: null,
      carryoverExecutedFen: null,
      otherInitialFen: null,
      otherBudgetFen: null,
      otherExecutedFen: null,
    },
    executionChosenScore: null,
    goalExpected: created.goalExpected,
    goalActual: '',
    indicators: created.indicators.map((i, k) => ({ id: i.id, actual: '', points: lines[k]!.points, chosenScore: null, explanation: '' })),
  });
  return { ctx, dept, unit, project, round, evaluation };
}

/** What the unit writes into the exported template, by 三级指标: 实际完成值, 得分, 偏差原因. */
export const FILLED: Record<string, [string | number, number, string?]> = {
  培训人数: ['520人', 15],
  培训期数: ['9期', 9, '一期培训推迟'],
  培训合格率: [0.96, 10],
  培训按期完成率: ['100%', 5],
  人均培训成本: ['1250元/人', 9.6, '教材价格上涨'],
  培训后就业率: ['85%', 15],
  劳动者技能水平: ['部分达成', 7, '部分学员未参加实操考核'],
  长效培训机制: ['达成', 5],
  受训人员满意度: ['92%', 10],
};

/**
 * The exported template filled in with exceljs as the unit does: 执行率 as a %-formatted fraction, its
 * 得分, the goal's 实际完成情况, every indicator (FILLED), the 总分 and the grade — with any slips given.
 */
export async function fillExportedForm(
  bytes: Uint8Array,
  slips: { sheetName?: string; executionScore?: number; total?: number } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0]!;
  if (slips.sheetName) ws.name = slips.sheetName;
  ws.getCell('G6').value = 0.95;
  ws.getCell('G6').numFmt = '0.00%';
  ws.getCell('H6').value = slips.executionScore ?? 9.5;
  ws.getCell('F11').value = '全年培训520人，合格率96%。';
  let totalRow = 0;
  ws.eachRow((row, r) => {
    const fill = FILLED[String(row.getCell(4).value ?? '')];
    if (fill) {
      row.getCell(6).value = fill[0];
      row.getCell(8).value = fill[1];
      row.getCell(9).value = fill[2] ?? null;
    }
    if (row.getCell(1).value === '总分') totalRow = r;
  });
  ws.getCell(`H${totalRow}`).value = slips.total ?? 95.1;
  ws.getCell(`B${totalRow + 1}`).value = '优';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
