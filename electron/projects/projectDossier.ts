/**
 * 项目页: everything the ledger holds about one project, gathered from each area's own read services
 * (so the page shows exactly what the area's screen shows): its basic information and budget, its
 * target with the review rounds and adjustments, ex-ante assessments, monitoring per round, notices,
 * self-evaluations, key evaluations, result actions, and how many audit entries concern it.
 */
import { eq } from 'drizzle-orm';
import { projects } from '../../db/schema';
import { LedgerError } from '../../db/ledgerError';
import type { ServiceContext } from '../ledger/context';
import { searchAudit } from '../ledger/auditQuery';
import { listYears } from '../ledger/years';
import { gateFor, listAssessments, type AssessmentView, type GateState } from '../exAnte/exAnte';
import { listKeyEvaluations, type KeyEvaluationRow } from '../keyEvaluations/keyEvaluations';
import { listExecution, type ExecutionRecordRow } from '../monitoring/executionRecords';
import { listMonitoringRounds, type RoundRow } from '../monitoring/monitoringRounds';
import { listWarnings, type WarningRow } from '../monitoring/warningList';
import { listNotices, type NoticeRow } from '../rectification/noticeList';
import { listYearResultActions, type ResultApplicationRow } from '../resultApplication/yearActions';
import { listSelfEvaluations, type SelfEvaluationRow } from '../selfEvaluations/selfEvaluations';
import { listRounds, type ReviewRoundView } from '../targets/jointReview';
import { targetDetail, type TargetDetail } from '../targets/targetDetail';
import { listTargets } from '../targets/targetList';
import { listProjects, type ProjectRow } from './projects';

export interface MonitoringOfRound {
  round: RoundRow;
  /** The round's execution figures for the project; null when none were imported. */
  execution: ExecutionRecordRow | null;
  /** The three warning lines as last computed; null before the round's warnings were computed. */
  warning: WarningRow | null;
}

export interface ProjectDossier {
  project: ProjectRow;
  /** The 项目库 gate of a new major policy or project. */
  gate: GateState;
  /** Null while the project has no targets (先定项目，再定预算). */
  target: TargetDetail | null;
  /** 三方联合会审, oldest first. */
  reviewRounds: ReviewRoundView[];
  assessments: AssessmentView[];
  monitoring: MonitoringOfRound[];
  notices: NoticeRow[];
  selfEvaluations: SelfEvaluationRow[];
  keyEvaluations: KeyEvaluationRow[];
  /** Actions on this project's evaluations, and last year's actions that name this project as the one they apply to. */
  resultActions: ResultApplicationRow[];
  auditEntries: number;
}

export function projectDossier(ctx: ServiceContext, input: { id: number }): ProjectDossier {
  const stored = ctx.ledger.db.select({ year: projects.year }).from(projects).where(eq(projects.id, input.id)).get();
  if (!stored) throw new LedgerError('project_missing', `台账中没有编号为 ${input.id} 的项目，可能已被删除。请回到项目清单重新选择。`);
  const { year } = stored;
  const mine = <T extends { projectId: number | null }>(rows: T[]) => rows.filter((r) => r.projectId === input.id);

  const project = listProjects(ctx, { year }).find((p) => p.id === input.id)!;
  const targetRow = listTargets(ctx, { year }).find((t) => t.projectId === input.id && t.targetId !== null);
  const target = targetRow?.targetId ? targetDetail(ctx, targetRow.targetId) : null;

  const monitoring = listMonitoringRounds(ctx, { year }).map((round) => ({
    round,
    execution: listExecution(ctx, { roundId: round.id }).find((e) => e.projectId === input.id) ?? null,
    warning: listWarnings(ctx, { roundId: round.id }).find((w) => w.projectId === input.id) ?? null,
  }));

  const selfEvaluations = mine(listSelfEvaluations(ctx, { year }));
  const keyEvaluations = mine(listKeyEvaluations(ctx, { year }));
  return {
    project,
    gate: gateFor(ctx, input.id),
    target,
    reviewRounds: target ? listRounds(ctx, { targetId: target.id }) : [],
    assessments: mine(listAssessments(ctx, { year })),
    monitoring,
    notices: mine(listNotices(ctx, { year })),
    selfEvaluations,
    keyEvaluations,
    resultActions: resultActionsOf(ctx, year, input.id, selfEvaluations, keyEvaluations),
    auditEntries: searchAudit(ctx, { page: 1, pageSize: 1, projectId: input.id }).total,
  };
}

function resultActionsOf(
  ctx: ServiceContext,
  year: number,
  projectId: number,
  selfEvaluations: SelfEvaluationRow[],
  keyEvaluations: KeyEvaluationRow[],
): ResultApplicationRow[] {
  const selfIds = new Set(selfEvaluations.map((e) => e.id));
  const keyIds = new Set(keyEvaluations.map((e) => e.id));
  const own = listYearResultActions(ctx, { year }).filter((a) => (a.source === 'key' ? keyIds : selfIds).has(a.evaluationId));
  const lastYearHeld = listYears(ctx).some((y) => y.year === year - 1);
  const applied = lastYearHeld ? listYearResultActions(ctx, { year: year - 1 }).filter((a) => a.nextYearProjectId === projectId) : [];
  return [...own, ...applied];
}
