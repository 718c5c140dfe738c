/**
 * Two years on one ledger for last year against this year: 2022's 基层干部培训项目 (P1) with its target
 * approved and its self-evaluation recording 1200 人次 trained, and 2023 opened. Written through the
 * services, as the app does it; used by the ledger test and the e2e screens.
 */
import type { ServiceContext } from '../../electron/ledger/context';
import { createProject } from '../../electron/projects/projects';
import { createUnit } from '../../electron/projects/units';
import { createYear } from '../../electron/settings/yearSetup';
import type { SelfEvaluationView } from '../../electron/selfEvaluations/selfEvaluations';
import {
  acceptSelfEvaluation,
  createSelfEvaluation,
  saveSelfEvaluation,
  submitSelfEvaluation,
} from '../../electron/selfEvaluations/selfEvaluationWrites';
import { createTarget, saveTarget } from '../../electron/targets/targets';
import type { Continuity, SelfEvaluationKind } from '../../db/vocabulary';
import { approveTarget } from '../fixtures/approvedTarget';
import { content, INDICATORS } from './monitoringFixture';

const ACTUALS: Record<string, string> = { 培训人次: '1200', 培训合格率: '95', 业务能力提升情况: '达成', 参训人员满意度: '90' };

export function project(ctx: ServiceContext, year: number, unitId: number, code: string | null, name: string, continuity: Continuity) {
  return createProject(ctx, {
    year,
    unitId,
    code,
    name,
    projectType: '特定目标类',
    budgetKind: 'general',
    initialBudgetFen: 10_000_000,
    continuity,
    majorPolicy: false,
  });
}

/** A project's self-evaluation filled with ACTUALS (9.5 of 10 万元 spent), taken as far as `status`. */
function evaluate(
  ctx: ServiceContext,
  projectId: number,
  kind: SelfEvaluationKind,
  status: 'draft' | 'submitted' | 'accepted',
  actuals = ACTUALS,
) {
  const view: SelfEvaluationView = createSelfEvaluation(ctx, { projectId, kind });
  const saved = saveSelfEvaluation(ctx, {
    id: view.id,
    graded: true,
    funds: {
      initialFen: 10_000_000,
      budgetFen: 10_000_000,
      executedFen: 9_500_000,
      fiscalInitialFen: 10_000_000,
      fiscalBudgetFen: 10_000_000,
      fiscalExecutedFen: 9_500_000,
      carryoverInitialFen: null,
      carryoverBudgetFen: null,
      carryoverExecutedFen: null,
      otherInitialFen: 0,
      otherBudgetFen: 0,
      otherExecutedFen: 0,
    },
    executionChosenScore: null,
    goalExpected: view.goalExpected,
    goalActual: '全年完成培训 1200 人次。',
    indicators: view.indicators.map((i) => ({
      id: i.id,
      actual: actuals[i.name] ?? '',
      points: i.points,
      chosenScore: null,
      explanation: '',
    })),
  });
  if (status !== 'draft') submitSelfEvaluation(ctx, { id: saved.id });
  if (status === 'accepted') acceptSelfEvaluation(ctx, { id: saved.id });
}

/** 2022: 基层干部培训项目 (P1) with its target approved and self-evaluated; 2023 is then opened. */
export function fillTwoYears(ctx: ServiceContext, status: 'draft' | 'submitted' | 'accepted' = 'accepted') {
  createYear(ctx, { year: 2022 });
  const dept = createUnit(ctx, { name: '中共轮台县委组织部', code: '003', parentId: null, classified: false });
  const other = createUnit(ctx, { name: '轮台县农业农村局', code: '020', parentId: null, classified: false });
  const p2022 = project(ctx, 2022, dept.id, 'P1', '基层干部培训项目', 'new');
  const t2022 = createTarget(ctx, { year: 2022, projectId: p2022.id, unitId: null });
  saveTarget(ctx, { ...content(), period: '2022年', id: t2022.id });
  approveTarget(ctx, t2022.id);
  evaluate(ctx, p2022.id, 'self', status);
  createYear(ctx, { year: 2023 });
  return { ctx, dept, other, p2022 };
}

/** A 2023 target of the project whose 培训人次 is set to `count`; its detail as the screens get it. */
export function targetWith(ctx: ServiceContext, projectId: number, count: string) {
  const t = createTarget(ctx, { year: 2023, projectId, unitId: null });
  const indicators = INDICATORS.map((i) => (i.name === '培训人次' ? { ...i, value: count } : i));
  return saveTarget(ctx, { ...content(indicators), id: t.id });
}
