/**
 * 概览's monitoring charts, from the warnings each round stored (computeWarnings): 执行率 against 序时进度
 * by 主管部门 for the latest round, and the colours of the three lines for every round. A 主管部门's 执行率
 * is the execution line's own formula (rules/warningLines.executionLine) over its projects' summed money.
 */
import type { ServiceContext } from '../ledger/context';
import { ruleSetOf } from '../ledger/years';
import { listMonitoringRounds, type RoundRow } from '../monitoring/monitoringRounds';
import { listWarnings, type WarningRow } from '../monitoring/warnings';
import { formatWanYuan } from '../rules/money';
import { WARNING_LINES } from '../rules/monitoringLabels';
import { formatPercent } from '../rules/numberFormat';
import { OVERVIEW_CHART_TITLES, WARNING_LINE_SHORT } from '../rules/overviewCharts';
import { COLOUR_LABELS, executionLine, timeProgress } from '../rules/warningLines';
import type { RecordRef } from '../reports/recordRef';
import { WARNING_LINE_CODES, type WarningColour } from '../../db/vocabulary';
import type { ChartRow, OverviewChart } from './overviewChart';

/** The year's rounds that have computed warnings, in round order, each with its warning rows. */
function warnedRounds(ctx: ServiceContext, year: number): { round: RoundRow; rows: WarningRow[] }[] {
  return listMonitoringRounds(ctx, { year })
    .map((round) => ({ round, rows: listWarnings(ctx, { roundId: round.id }) }))
    .filter((r) => r.rows.length > 0);
}

/** The latest round with computed warnings: the one 概览's to-dos and execution chart speak of. */
export function latestWarnedRound(ctx: ServiceContext, year: number): RoundRow | null {
  return warnedRounds(ctx, year).at(-1)?.round ?? null;
}

const money = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export function executionChart(ctx: ServiceContext, year: number): OverviewChart {
  const latest = warnedRounds(ctx, year).at(-1);
  const base = {
    id: 'execution' as const,
    title: OVERVIEW_CHART_TITLES.execution,
    categoryLabel: '主管部门',
    stacked: false,
    columns: [
      { key: 'executionRate', label: '执行率', kind: 'percent' as const, bar: true },
      { key: 'timeProgress', label: '序时进度', kind: 'percent' as const, bar: false },
      { key: 'projects', label: '项目数', kind: 'count' as const, bar: false },
      { key: 'budgetFen', label: '调整后预算数', kind: 'money' as const, bar: false },
      { key: 'executedFen', label: '执行数', kind: 'money' as const, bar: false },
    ],
    empty: '本年度还没有导入执行数据并计算预警。请在“绩效监控”中导入预算执行数据后计算预警。',
  };
  if (!latest) return { ...base, note: '', rows: [], reference: null };
  const { round } = latest;
  const rules = ruleSetOf(ctx, year).monitoring;
  const progress = timeProgress(round.asOfMonth);
  const departments = new Map<number, { name: string; budgetFen: number; executedFen: number; records: RecordRef[] }>();
  for (const w of latest.rows) {
    const budgetFen = money(w.execution.inputs.adjustedBudgetFen);
    const executedFen = money(w.execution.inputs.executedFen);
    if (budgetFen === null || executedFen === null) continue; // no execution record imported for this project
    const d = departments.get(w.departmentId) ?? { name: w.departmentName, budgetFen: 0, executedFen: 0, records: [] };
    d.budgetFen += budgetFen;
    d.executedFen += executedFen;
    d.records.push({
      projectId: w.projectId,
      label: w.projectName,
      unitName: w.unitName,
      detail: `执行率 ${formatPercent(w.executionRate)}（执行数 ${formatWanYuan(executedFen)} 万元，调整后预算数 ${formatWanYuan(budgetFen)} 万元）`,
    });
    departments.set(w.departmentId, d);
  }
  const rows: ChartRow[] = [...departments.entries()].map(([id, d]) => ({
    key: String(id),
    label: d.name,
    values: {
      executionRate: executionLine({ executedFen: d.executedFen, budgetFen: d.budgetFen, month: round.asOfMonth }, rules).executionRate,
      timeProgress: progress,
      projects: d.records.length,
      budgetFen: d.budgetFen,
      executedFen: d.executedFen,
    },
    records: d.records,
  }));
  // Furthest behind first: what needs a word with the department leads the chart.
  rows.sort((a, b) => (a.values.executionRate ?? Infinity) - (b.values.executionRate ?? Infinity));
  return {
    ...base,
    note: `${round.name}（截至 ${round.asOfMonth} 月），序时进度 ${formatPercent(progress)}；执行率 = 执行数 ÷ 调整后预算数，执行率最低的主管部门在前`,
    rows,
    reference: { label: `序时进度 ${formatPercent(progress)}`, value: progress },
  };
}

const SHOWN_COLOURS: WarningColour[] = ['red', 'yellow', 'green', 'blue'];

export function warningsChart(ctx: ServiceContext, year: number): OverviewChart {
  const rows: ChartRow[] = [];
  for (const { round, rows: warnings } of warnedRounds(ctx, year)) {
    for (const line of WARNING_LINE_CODES) {
      const bySeries = Object.fromEntries(SHOWN_COLOURS.map((c) => [c, [] as RecordRef[]]));
      for (const w of warnings) {
        const view = line === 'execution' ? w.execution : line === 'completion' ? w.completion : w.deviationLine;
        bySeries[view.colour]?.push({ projectId: w.projectId, label: w.projectName, unitName: w.unitName, detail: view.text });
      }
      rows.push({
        key: `${round.id}-${line}`,
        label: `${round.name} ${WARNING_LINE_SHORT[line]}`,
        values: Object.fromEntries(SHOWN_COLOURS.map((c) => [c, bySeries[c]!.length])),
        records: SHOWN_COLOURS.flatMap((c) => bySeries[c]!),
        bySeries,
      });
    }
  }
  return {
    id: 'warnings',
    title: OVERVIEW_CHART_TITLES.warnings,
    categoryLabel: '监控轮次与警戒线',
    note: `项目个数；${WARNING_LINE_CODES.map((l) => `${WARNING_LINE_SHORT[l]}：${WARNING_LINES[l]}`).join('，')}`,
    stacked: true,
    columns: SHOWN_COLOURS.map((c) => ({ key: c, label: COLOUR_LABELS[c], kind: 'count' as const, bar: true })),
    rows,
    reference: null,
    empty: '本年度还没有计算过监控预警。请在“绩效监控”中导入执行数据、填报监控表后计算预警。',
  };
}
