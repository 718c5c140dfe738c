/** `report result-actions`: the year's summary and list as text lines (万元) and as JSON (exact 分). */
import { formatWanYuan } from '../rules/money';
import type { ServiceContext } from '../ledger/context';
import { listYearResultActions, summarise, type ResultApplicationFigures } from './yearActions';

export function resultActionsReport(ctx: ServiceContext, input: { year: number }): { text: string[]; json: unknown } {
  const actions = listYearResultActions(ctx, input);
  const summary = summarise(input.year, actions);
  const money = (f: ResultApplicationFigures) =>
    `收回 ${formatWanYuan(f.recoveredFen)} 万元，清理结转结余 ${formatWanYuan(f.clearedFen)} 万元，调减 ${formatWanYuan(f.cutFen)} 万元`;
  const text = [
    summary.sentence,
    ...(summary.count ? [`其中已落实 ${summary.applied} 项，拟定 ${summary.planned} 项。`] : []),
    ...(summary.cancelled ? [`另有已撤销 ${summary.cancelled} 项，未计入。`] : []),
    ...(summary.byAction.length
      ? [
          '',
          '按应用方式：',
          ...summary.byAction.map((a) => `  ${a.actionType}：${a.count} 项${a.amountFen ? `，${formatWanYuan(a.amountFen)} 万元` : ''}`),
          '',
          '按主管部门：',
          ...summary.byDepartment.map((d) => `  ${d.name}：${d.count} 项，${money(d)}`),
        ]
      : []),
  ];
  return { text, json: { ...summary, actions } };
}
