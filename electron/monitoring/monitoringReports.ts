/**
 * Reports for the command line (`report warnings`, `report monitoring`): compute the round's warnings,
 * then list them or summarise the round, as text lines and as one JSON document.
 */
import { WARNING_LINES } from '../rules/monitoringLabels';
import { COLOUR_LABELS, timeProgress } from '../rules/warningLines';
import { formatPercent, roundHalfUp } from '../rules/numberFormat';
import type { ServiceContext } from '../ledger/context';
import { findRound } from './monitoringRounds';
import { computeWarnings } from './warningComputation';
import { listWarnings, type WarningLineView } from './warningList';
import { roundSummary } from './roundSummary';
import { WARNING_COLOURS, WARNING_LINE_CODES, type WarningLine } from '../../db/vocabulary';

/** Half-up to 2 decimals, for the report's figures; null stays null. */
const round2 = (v: number | null) => (v === null ? null : roundHalfUp(v));

export function warningsReport(ctx: ServiceContext, input: { year: number; round: string }): { text: string[]; json: unknown } {
  const round = findRound(ctx, input.year, input.round);
  const computed = computeWarnings(ctx, { roundId: round.id });
  const rows = listWarnings(ctx, { roundId: round.id });
  const progress = timeProgress(round.asOfMonth);
  const colourTag = (v: WarningLineView, extra = '') => `〔${v.colourLabel}${extra}〕`;
  const text = [
    `${round.year} 年度“${round.name}”（截至 ${round.asOfMonth} 月，序时进度 ${formatPercent(progress)}）预警：${rows.length} 个项目，规则版本 ${computed.ruleVersion}${computed.yearClosed ? '（年度已关账，未重新计算）' : `（本次更新 ${computed.written + computed.removed} 条）`}。`,
    ...rows.map(
      (r) =>
        `  ${r.unitName}·${r.projectName}：执行率 ${formatPercent(r.executionRate)}，序时进度 ${formatPercent(r.timeProgress)}${colourTag(r.execution)}；` +
        `目标完成率 ${formatPercent(r.completionRate)}${colourTag(r.completion)}；偏离率 ${formatPercent(r.deviation)}${colourTag(r.deviationLine, r.noticeDue ? '，应下发整改通知' : '')}`,
    ),
  ];
  const json = {
    year: round.year,
    round: { id: round.id, name: round.name, asOfMonth: round.asOfMonth, scope: round.scope, dueDate: round.dueDate },
    timeProgress: round2(progress),
    ruleVersion: computed.ruleVersion,
    computed,
    projects: rows.map((r) => ({
      projectId: r.projectId,
      projectCode: r.projectCode,
      projectName: r.projectName,
      unitName: r.unitName,
      departmentName: r.departmentName,
      executionRate: round2(r.executionRate),
      timeProgress: round2(r.timeProgress),
      executionRatio: round2(r.execution.value),
      completionRate: round2(r.completionRate),
      deviation: round2(r.deviation),
      colours: { execution: r.execution.colour, completion: r.completion.colour, deviation: r.deviationLine.colour },
      noticeDue: r.noticeDue,
      texts: { execution: r.execution.text, completion: r.completion.text, deviation: r.deviationLine.text },
    })),
  };
  return { text, json };
}

export function monitoringReport(ctx: ServiceContext, input: { year: number; round: string }): { text: string[]; json: unknown } {
  const round = findRound(ctx, input.year, input.round);
  const computed = computeWarnings(ctx, { roundId: round.id });
  const summary = roundSummary(ctx, { roundId: round.id });
  const table = (line: WarningLine) =>
    `  ${WARNING_LINES[line]}：${WARNING_COLOURS.map((c) => `${COLOUR_LABELS[c] === '—' ? '无数据' : COLOUR_LABELS[c]} ${summary.byLine[line][c]}`).join('，')}`;
  const text = [
    summary.sentence,
    `监控单位 ${summary.unitsCovered} 个；项目 ${summary.projectsCovered} 个（有执行数据 ${summary.projectsWithExecution} 个，已填报监控表 ${summary.projectsWithEntries} 个）${summary.departmentTargetsCovered ? `；部门整体绩效目标 ${summary.departmentTargetsCovered} 个` : ''}。`,
    ...(summary.projectsCovered ? WARNING_LINE_CODES.map(table) : []),
    `应下发整改通知 ${summary.noticeDue} 个项目；整改通知共 ${summary.notices.total} 份（草稿 ${summary.notices.drafts}，已下发 ${summary.notices.issued}，已办结 ${summary.notices.closed}）。`,
  ];
  return { text, json: { ...summary, computed } };
}
