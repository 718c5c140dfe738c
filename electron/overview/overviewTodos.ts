/**
 * 概览's to-dos: what the bureau still has to act on in a year, each with the records behind its count
 * so a click lists them. Read from the areas' own services — the stored target states, the warnings the
 * latest round computed, the notices' overdue flag, the stored evaluation states — never re-judged here.
 */
import type { ServiceContext } from '../ledger/context';
import { requireYear } from '../ledger/years';
import { formatWanYuan } from '../rules/money';
import { listKeyEvaluations } from '../keyEvaluations/keyEvaluations';
import { latestWarnedRound } from './overviewMonitoring';
import { listWarnings } from '../monitoring/warnings';
import { listNotices } from '../rectification/noticeList';
import { listDepartmentSelfEvaluations } from '../selfEvaluations/departmentSelfEvaluations';
import { listSelfEvaluations } from '../selfEvaluations/selfEvaluations';
import { listTargets, type TargetListRow } from '../targets/targetList';
import { TARGET_STATUS } from '../rules/jointReview';
import type { RecordRef } from '../reports/recordRef';

export type OverviewTodoId = 'projectsWithoutTargets' | 'targetsPending' | 'redWarnings' | 'notices' | 'keyEvaluations' | 'selfEvaluations';

export interface OverviewTodo {
  id: OverviewTodoId;
  /** What the records are, e.g. "申请预算但未填报绩效目标的项目". */
  label: string;
  count: number;
  /** The counting word: 个, 份. */
  unit: string;
  /** One line under the count: where the figure comes from, or a calm "nothing owed" when it is 0. */
  note: string;
  records: RecordRef[];
}

/** The year's to-dos, in the order the work comes up in the year. Refuses a year the ledger does not hold. */
export function overviewTodos(ctx: ServiceContext, input: { year: number }): OverviewTodo[] {
  requireYear(ctx, input.year);
  const targets = listTargets(ctx, input);
  return [
    projectsWithoutTargets(targets),
    targetsPending(targets),
    redWarnings(ctx, input.year),
    notices(ctx, input.year),
    keyEvaluationsInProgress(ctx, input.year),
    selfEvaluationsToCheck(ctx, input.year),
  ];
}

function todo(id: OverviewTodoId, label: string, unit: string, records: RecordRef[], note: string, calm: string): OverviewTodo {
  return { id, label, count: records.length, unit, note: records.length ? note : calm, records };
}

/** 先定项目，再定预算: a project with a 年初预算 and no targets may not be funded. */
function projectsWithoutTargets(targets: TargetListRow[]): OverviewTodo {
  const rows = targets.filter((r) => r.subject === 'project' && r.status === 'none' && r.budgetFen > 0);
  return todo(
    'projectsWithoutTargets',
    '申请预算但未填报绩效目标的项目',
    '个',
    rows.map((r) => ({
      projectId: r.projectId,
      label: r.name,
      unitName: r.unitName,
      detail: `年初预算 ${formatWanYuan(r.budgetFen)} 万元`,
    })),
    '先定项目，再定预算：请督促单位填报绩效目标',
    '有年初预算的项目都已填报绩效目标。',
  );
}

function targetsPending(targets: TargetListRow[]): OverviewTodo {
  const rows = targets.filter(
    (r): r is TargetListRow & { status: 'inReview' | 'returned' } => r.status === 'inReview' || r.status === 'returned',
  );
  const inReview = rows.filter((r) => r.status === 'inReview').length;
  return todo(
    'targetsPending',
    '待会审或退回修改的绩效目标',
    '个',
    rows.map((r) => ({
      projectId: r.projectId,
      label: r.name,
      unitName: r.unitName,
      detail: `${TARGET_STATUS[r.status]}（已会审 ${r.rounds} 轮）`,
    })),
    `会审中 ${inReview} 个，退回修改 ${rows.length - inReview} 个`,
    '没有待会审或退回修改的绩效目标。',
  );
}

function redWarnings(ctx: ServiceContext, year: number): OverviewTodo {
  const round = latestWarnedRound(ctx, year);
  if (!round) return todo('redWarnings', '最近一轮监控的红灯项目', '个', [], '', '本年度还没有计算过监控预警。');
  const rows = listWarnings(ctx, { roundId: round.id, colour: 'red' });
  return todo(
    'redWarnings',
    '最近一轮监控的红灯项目',
    '个',
    rows.map((r) => ({
      projectId: r.projectId,
      label: r.projectName,
      unitName: r.unitName,
      detail: [r.execution, r.completion, r.deviationLine]
        .filter((l) => l.colour === 'red')
        .map((l) => `${l.lineLabel}${l.colourLabel}：${l.text}`)
        .join('；'),
    })),
    `${round.name}（截至 ${round.asOfMonth} 月）`,
    `${round.name}没有红灯项目。`,
  );
}

function notices(ctx: ServiceContext, year: number): OverviewTodo {
  const rows = listNotices(ctx, { year }).filter((n) => n.overdue || n.status === 'answered');
  const overdue = rows.filter((n) => n.overdue).length;
  return todo(
    'notices',
    '逾期未反馈或待审核的整改通知',
    '份',
    rows.map((n) => ({
      projectId: n.projectId,
      label: n.projectName ?? n.label,
      unitName: n.unitName,
      detail: n.overdue ? `${n.label}：逾期 ${n.daysOverdue} 天未反馈` : `${n.label}：单位已反馈，待审核`,
    })),
    `逾期未反馈 ${overdue} 份，单位已反馈待审核 ${rows.length - overdue} 份`,
    '没有逾期或待审核的整改通知。',
  );
}

function keyEvaluationsInProgress(ctx: ServiceContext, year: number): OverviewTodo {
  const rows = listKeyEvaluations(ctx, { year }).filter((e) => e.status !== 'final');
  return todo(
    'keyEvaluations',
    '进行中的重点绩效评价',
    '个',
    rows.map((e) => ({
      projectId: e.projectId,
      label: e.name,
      unitName: e.unitName,
      detail: `${e.statusLabel}，涉及资金 ${formatWanYuan(e.coveredFen)} 万元`,
    })),
    '拟定或评分中，尚未定稿',
    '重点绩效评价都已定稿，或本年度还没有选定评价项目。',
  );
}

function selfEvaluationsToCheck(ctx: ServiceContext, year: number): OverviewTodo {
  const projectRows: RecordRef[] = listSelfEvaluations(ctx, { year })
    .filter((s) => s.status === 'submitted')
    .map((s) => ({ projectId: s.projectId, label: s.projectName, unitName: s.unitName, detail: `${s.kindLabel}已报送，待审核` }));
  const departmentRows: RecordRef[] = listDepartmentSelfEvaluations(ctx, { year })
    .filter((s) => s.status === 'submitted')
    .map((s) => ({ projectId: null, label: `${s.unitName}部门整体`, unitName: s.unitName, detail: '部门整体自评已报送，待审核' }));
  return todo(
    'selfEvaluations',
    '已报送待审核的绩效自评',
    '份',
    [...projectRows, ...departmentRows],
    '单位已报送，请审核通过或退回',
    '没有待审核的绩效自评。',
  );
}
