/**
 * What a self-evaluation import tells the bureau in words: the values a sheet changes (before → after,
 * as the ledger holds them and as the sheet has them), and the check's findings as the 退回意见 text.
 */
import type { TableFinding } from '../formats/importIssue';
import { formatWanYuan } from '../rules/money';
import type { FundsBlock } from '../rules/selfEvaluationForm';
import type { SelfEvaluationView } from './selfEvaluations';
import type { SaveSelfEvaluationInput } from './selfEvaluationWrites';

/** A value the import changes: what, before (as the ledger holds it) and after. */
export interface SelfEvaluationChange {
  what: string;
  before: string;
  after: string;
}

/** The 退回意见 text: every finding, numbered, within the 2000 characters the return keeps. */
export function returnText(findings: readonly TableFinding[]): string {
  if (findings.length === 0) return '';
  const lines = [`审核发现 ${findings.length} 处问题，请改正后重新报送：`];
  for (const [k, f] of findings.entries()) {
    const line = `${k + 1}. ${f.message.replace(/^.*?工作表“/, '工作表“')}`;
    if ([...lines, line].join('\n').length > 1950) {
      lines.push(`……另有 ${findings.length - k} 处，见审核清单。`);
      break;
    }
    lines.push(line);
  }
  return lines.join('\n');
}

const FUNDS_LABELS: [keyof FundsBlock, string][] = [
  ['initialFen', '年度资金总额·年初预算数'],
  ['budgetFen', '年度资金总额·全年预算数'],
  ['executedFen', '年度资金总额·全年执行数'],
  ['fiscalInitialFen', '当年财政拨款·年初预算数'],
  ['fiscalBudgetFen', '当年财政拨款·全年预算数'],
  ['fiscalExecutedFen', '当年财政拨款·全年执行数'],
  ['carryoverInitialFen', '上年结转资金·年初预算数'],
  ['carryoverBudgetFen', '上年结转资金·全年预算数'],
  ['carryoverExecutedFen', '上年结转资金·全年执行数'],
  ['otherInitialFen', '其他资金·年初预算数'],
  ['otherBudgetFen', '其他资金·全年预算数'],
  ['otherExecutedFen', '其他资金·全年执行数'],
];

export function changesOf(view: SelfEvaluationView, save: SaveSelfEvaluationInput): SelfEvaluationChange[] {
  const out: SelfEvaluationChange[] = [];
  const wan = (fen: number | null) => (fen === null ? '（空）' : `${formatWanYuan(fen)} 万元`);
  const text = (t: string | number | null) => (t === null || t === '' ? '（空）' : String(t));
  for (const [k, label] of FUNDS_LABELS)
    if (view[k] !== save.funds[k]) out.push({ what: label, before: wan(view[k]), after: wan(save.funds[k]) });
  if (view.executionChosenScore !== save.executionChosenScore)
    out.push({ what: '预算执行率得分（人工核定）', before: text(view.executionChosenScore), after: text(save.executionChosenScore) });
  if (view.goalActual !== save.goalActual)
    out.push({ what: '年度总体目标实际完成情况', before: text(view.goalActual), after: text(save.goalActual) });
  save.indicators.forEach((i, k) => {
    const x = view.indicators[k]!;
    if (x.actual !== i.actual) out.push({ what: `“${x.name}”实际完成值`, before: text(x.actual), after: text(i.actual) });
    if (x.chosenScore !== i.chosenScore)
      out.push({ what: `“${x.name}”得分（档内选定）`, before: text(x.chosenScore), after: text(i.chosenScore) });
    if (x.explanation !== i.explanation)
      out.push({ what: `“${x.name}”偏差原因分析`, before: text(x.explanation), after: text(i.explanation) });
  });
  return out;
}
