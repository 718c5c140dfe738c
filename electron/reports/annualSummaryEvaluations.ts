/**
 * 年度绩效工作情况, the figures of evaluation: last year's 绩效自评 and 部门评价 (done after that year's
 * end, so in the year the summary reports on), their results applied to this year's budget, and this
 * year's 财政重点绩效评价 — each computed by the area's services, each with the records it counts.
 */
import type { ServiceContext } from '../ledger/context';
import { listYears } from '../ledger/years';
import { listSelfEvaluations, selfEvaluationYearFigures } from '../selfEvaluations/selfEvaluations';
import { listYearResultActions, resultApplicationSummary } from '../resultApplication/yearActions';
import { keyEvaluationYearFigures } from '../keyEvaluations/keyEvaluationResults';
import { listKeyEvaluations } from '../keyEvaluations/keyEvaluations';
import { formatWanYuan } from '../rules/money';
import { formatScore } from '../rules/numberFormat';
import { counted, type CountedRecords } from './annualSummaryFigures';
import type { RecordRef } from './recordRef';

export interface SelfEvaluationFigures {
  /** The year evaluated: the one before the summary's. */
  year: number;
  /** False when the ledger does not hold that year. */
  yearInLedger: boolean;
  /** 单位自评: the records, and the units and projects they cover. */
  selfEvaluations: CountedRecords;
  units: number;
  projects: number;
  departmentEvaluations: CountedRecords;
  /** Graded ones of both kinds, per grade of the year's bands; grades without one left out. */
  byGrade: { grade: string; count: number; records: RecordRef[] }[];
}

export interface ResultApplicationFigures {
  /** The year whose evaluations were applied (the one before the summary's), to the summary's year. */
  year: number;
  /** Live actions (cancelled ones left out). */
  actions: CountedRecords;
  recoveredFen: number;
  clearedFen: number;
  cutFen: number;
}

export interface KeyEvaluationFigures {
  /** Final evaluations, in the order they were chosen. */
  evaluations: CountedRecords;
  unfinished: number;
  coveredFen: number;
  byGrade: { grade: string; count: number; records: RecordRef[] }[];
}

const yuan = (fen: number) => `${formatWanYuan(fen)} 万元`;

/** 绩效自评 and 部门评价 of the year before the summary's. */
export function selfEvaluationFigures(ctx: ServiceContext, summaryYear: number): SelfEvaluationFigures {
  const year = summaryYear - 1;
  const yearInLedger = listYears(ctx).some((y) => y.year === year);
  const rows = yearInLedger ? listSelfEvaluations(ctx, { year }) : [];
  const f = yearInLedger ? selfEvaluationYearFigures(ctx, { year }) : null;
  const ref = (r: (typeof rows)[number]): RecordRef => ({
    projectId: r.projectId,
    label: r.projectName,
    unitName: r.unitName,
    detail: `${r.kindLabel}，${r.statusLabel}${r.grade ? `，${formatScore(r.total)} 分，${r.grade}` : ''}`,
  });
  return {
    year,
    yearInLedger,
    selfEvaluations: counted(rows.filter((r) => r.kind === 'self').map(ref)),
    units: f?.units ?? 0,
    projects: f?.projects ?? 0,
    departmentEvaluations: counted(rows.filter((r) => r.kind === 'department').map(ref)),
    byGrade: (f?.byGrade ?? [])
      .filter((g) => g.count > 0)
      .map((g) => ({ grade: g.grade, count: g.count, records: rows.filter((r) => r.grade === g.grade).map(ref) })),
  };
}

/** The year before's evaluation results as applied to the summary year's budget. */
export function resultApplicationFigures(ctx: ServiceContext, summaryYear: number): ResultApplicationFigures {
  const year = summaryYear - 1;
  if (!listYears(ctx).some((y) => y.year === year)) return { year, actions: counted([]), recoveredFen: 0, clearedFen: 0, cutFen: 0 };
  const s = resultApplicationSummary(ctx, { year });
  const live = listYearResultActions(ctx, { year }).filter((r) => r.status !== 'cancelled');
  return {
    year,
    actions: counted(
      live.map((r) => ({
        projectId: r.nextYearProjectId,
        label: r.nextYearProjectName ?? r.evaluationName,
        unitName: r.unitName,
        detail: `${r.sourceLabel}（${r.grade ?? '未评等级'}）：${r.actionType}${r.amountFen === null ? '' : ` ${yuan(r.amountFen)}`}，${r.statusLabel}`,
      })),
    ),
    recoveredFen: s.recoveredFen,
    clearedFen: s.clearedFen,
    cutFen: s.cutFen,
  };
}

/** 财政重点绩效评价 of the summary's year: the final ones, their money, names and grades. */
export function keyEvaluationFigures(ctx: ServiceContext, year: number): KeyEvaluationFigures {
  const f = keyEvaluationYearFigures(ctx, { year });
  const finals = listKeyEvaluations(ctx, { year }).filter((e) => e.status === 'final');
  const ref = (e: (typeof finals)[number]): RecordRef => ({
    projectId: e.projectId,
    label: e.name,
    unitName: e.unitName,
    detail: `${e.subjectLabel}，涉及资金 ${yuan(e.coveredFen)}，${formatScore(e.total)} 分，${e.grade}`,
  });
  return {
    evaluations: counted(finals.map(ref)),
    unfinished: f.unfinished,
    coveredFen: f.coveredFen,
    byGrade: f.byGrade
      .filter((g) => g.count > 0)
      .map((g) => ({ grade: g.grade, count: g.count, records: finals.filter((e) => e.grade === g.grade).map(ref) })),
  };
}
