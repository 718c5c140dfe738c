/**
 * A unit's 项目支出绩效自评表 under review (issue #13, domain.md §6): the form read as printed
 * (selfEvaluationSheet.ts), every score recomputed with the year's rules (scoreSelfEvaluation), and each
 * printed figure that disagrees listed at its cell — the funds lines that do not add up, the 执行率 and
 * its 得分, each indicator's 得分 (a score a reviewer picked inside its 定性 band, or deducted from a
 * far-above one, is accepted as printed), a score above its 分值, an explanation owed, each 一级's
 * label weight and 小计, the 总分 and the 自评等级.
 */
import { locationText, type TableFinding } from '../formats/importIssue';
import type { WorkbookGrid } from '../formats/readWorkbook';
import { figure, sameFigure } from '../keyEvaluations/printedTotals';
import { formatPercent } from '../rules/numberFormat';
import { sameGrade } from '../formats/printedLabels';
import { formatWanYuan } from '../rules/money';
import type { RuleSet } from '../rules/ruleSet';
import {
  scoreSelfEvaluation,
  selfEvaluationLevel1,
  type SelfEvaluationIndicatorInput,
  type SelfEvaluationScore,
} from '../rules/selfEvaluationScore';
import { readSelfEvaluationSheet, type FormPlace, type PrintedFigure, type SelfEvaluationForm } from './selfEvaluationSheet';

export interface SelfEvaluationReview {
  /** The 自评表 sheets read. */
  sheets: string[];
  /** The title as printed (of the first form). */
  title: string | null;
  /** What was read, in a sentence. */
  read: string;
  /** Recomputed, for a workbook of one 自评表; null for several (each is listed in the findings). */
  total: number | null;
  grade: string | null;
  level1: SelfEvaluationScore['level1'];
  findings: TableFinding[];
}

/** True when some sheet is titled a 绩效自评表 and has its indicator table. */
export function looksLikeSelfEvaluation(book: WorkbookGrid): boolean {
  return book.sheets.some((s) => readSelfEvaluationSheet(s) !== null);
}

export function reviewSelfEvaluation(book: WorkbookGrid, rules: RuleSet): SelfEvaluationReview {
  const forms = book.sheets.map(readSelfEvaluationSheet).filter((f): f is SelfEvaluationForm => f !== null);
  const reviewed = forms.map((form) => reviewForm(book, form, rules));
  const one = reviewed.length === 1 ? reviewed[0]!.score : null;
  const named = (f: SelfEvaluationForm) =>
    `${book.format === 'text' ? '' : `工作表“${f.sheet}”：`}项目“${f.projectName ?? '（未写项目名称）'}”`;
  const read =
    forms.length === 1
      ? `${named(forms[0]!)}，预算执行率和 ${forms[0]!.indicators.length} 项三级指标`
      : `${forms.length} 张自评表（${forms.map(named).join('；')}），各表逐项复算；总分和等级请分表审核`;
  return {
    sheets: forms.map((f) => f.sheet),
    title: forms[0]?.title ?? null,
    read,
    total: one?.total ?? null,
    grade: one?.grade ?? null,
    level1: one?.level1 ?? [],
    findings: reviewed.flatMap((r) => r.findings),
  };
}

function reviewForm(
  book: WorkbookGrid,
  form: SelfEvaluationForm,
  rules: RuleSet,
): { score: SelfEvaluationScore; findings: TableFinding[] } {
  const source = { fileName: book.fileName, sheet: book.format === 'text' ? null : form.sheet };
  const findings: TableFinding[] = [];
  const at = (place: FormPlace | null, printed: string | null, computed: string | null, problem: string) =>
    findings.push({
      sheet: source.sheet,
      row: place?.row ?? null,
      column: place?.letter ?? null,
      printed,
      computed,
      message: `${locationText(source, place?.row ?? null, place)}：${problem}`,
    });

  // Funds: every amount reads, and 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金 in each column.
  for (const line of Object.values(form.funds))
    for (const amount of Object.values(line ?? {}))
      if (amount.problem) at(amount.place, amount.text, null, `${amount.problem}。请填写以${form.moneyUnit}为单位的金额。`);
  const total = form.funds.total;
  if (total) {
    for (const key of ['initial', 'budget', 'executed'] as const) {
      const parts = (['fiscal', 'carryOver', 'other'] as const).map((l) => form.funds[l]?.[key]);
      if (total[key].problem || parts.some((p) => p?.problem) || parts.every((p) => p?.fen == null)) continue;
      const sum = parts.reduce((s, p) => s + (p?.fen ?? 0), 0);
      if (sum === (total[key].fen ?? 0)) continue;
      const header = total[key].place.header;
      at(
        total[key].place,
        formatWanYuan(total[key].fen ?? 0),
        formatWanYuan(sum),
        `年度资金总额的${header} ${formatWanYuan(total[key].fen ?? 0)} 万元，不等于当年财政拨款、上年结转资金、其他资金之和 ${formatWanYuan(sum)} 万元。请核对各行金额后改正。`,
      );
    }
  }

  // Scored twice: first to learn each indicator's band, then with the printed picks inside the bands.
  const points = form.indicators.map((i) => i.points.value ?? 0);
  const inputs: SelfEvaluationIndicatorInput[] = form.indicators.map((i, k) => ({
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    nature: i.nature,
    target: i.target,
    actual: i.actual,
    points: points[k]!,
    explanation: i.explanation,
  }));
  const funds = {
    initialFen: total?.initial.fen ?? null,
    budgetFen: total?.budget.fen ?? null,
    executedFen: total?.executed.fen ?? null,
  };
  const first = scoreSelfEvaluation({ funds, indicators: inputs, graded: true }, rules);
  const aboveItsPoints = (k: number) => {
    const s = form.indicators[k]!.score.value;
    return s !== null && s > points[k]!;
  };
  const score = scoreSelfEvaluation(
    {
      funds: { ...funds, chosenScore: first.execution.rate === null ? (form.execution.score?.value ?? null) : null },
      indicators: inputs.map((input, k) =>
        first.indicators[k]!.band && !aboveItsPoints(k) ? { ...input, chosenScore: form.indicators[k]!.score.value } : input,
      ),
      graded: true,
    },
    rules,
  );

  // 执行率, its 分值 and 得分.
  const weight = rules.selfEvaluation.weights.execution;
  const { points: execPoints, rate, score: execScore } = form.execution;
  if (execPoints && execPoints.value !== null && !sameFigure(execPoints.value, weight))
    at(
      execPoints.place,
      execPoints.text,
      figure(weight),
      `预算执行率的分值写为 ${execPoints.text}，本年度规则为 ${figure(weight)} 分。请改正。`,
    );
  if (rate && score.execution.rate !== null && !sameRate(rate, score.execution.rate))
    at(
      rate.place,
      rate.text,
      formatPercent(score.execution.rate),
      `执行率写为 ${rate.text}，按全年执行数 ÷ 全年预算数应为 ${formatPercent(score.execution.rate)}。请核对后改正。`,
    );
  if (rate && score.execution.rate === null && rate.value !== null && funds.budgetFen === 0)
    at(rate.place, rate.text, '—', `全年预算数为 0，执行率应写为“—”，现为 ${rate.text}。请改正。`);
  if (score.execution.problem) at(execScore?.place ?? total?.budget.place ?? null, execScore?.text || null, null, score.execution.problem);
  else if (execScore && score.execution.score !== null && (execScore.value === null || !sameFigure(execScore.value, score.execution.score)))
    at(
      execScore.place,
      execScore.text || null,
      figure(score.execution.score),
      `预算执行率得分写为 ${execScore.text || '（空）'}，按分值 ${figure(weight)} × min(执行率${
        score.execution.rate === null ? '' : ` ${formatPercent(score.execution.rate)}`
      }, 100%) 应为 ${figure(score.execution.score)}。请核对后改正。`,
    );

  const group = (name: string) => selfEvaluationLevel1(name, '', rules.indicatorLayout);
  // Each indicator. A score refused (above its 分值, outside its band, or unreadable) is named at its
  // cell only: the 小计 and 总分 it went into are not compared, so the one slip is named once.
  const refused = new Set<string | null>();
  const placedProblems = new Set<string>(score.execution.problem ? [score.execution.problem] : []);
  form.indicators.forEach((ind, k) => {
    const result = score.indicators[k]!;
    const printed = ind.score;
    if (ind.points.value === null)
      at(ind.points.place, ind.points.text || null, null, `“${ind.name}”的分值“${ind.points.text || '（空）'}”不是数字。请填写分值。`);
    if (aboveItsPoints(k) || result.problem) refused.add(group(ind.level1));
    if (aboveItsPoints(k))
      at(
        printed.place,
        printed.text,
        figure(points[k]!),
        `“${ind.name}”的得分 ${printed.text} 超过其分值 ${figure(points[k]!)}。请核对后改正。`,
      );
    else if (result.problem) {
      placedProblems.add(result.problem);
      const place = result.problem.includes('实际完成值')
        ? ind.places.actual
        : result.problem.includes('年度指标值')
          ? ind.places.target
          : printed.place;
      at(place, place === printed.place ? printed.text || null : null, null, result.problem);
    } else if (printed.value === null)
      at(
        printed.place,
        printed.text || null,
        figure(result.score!),
        `“${ind.name}”没有得分（应为 ${figure(result.score!)}）。请填写得分。`,
      );
    else if (!sameFigure(printed.value, result.score!))
      at(
        printed.place,
        printed.text,
        figure(result.score!),
        `“${ind.name}”的得分写为 ${printed.text}，按年度指标值 ${ind.target}、实际完成值 ${ind.actual} 应为 ${figure(result.score!)}。请核对后改正。`,
      );
  });
  score.notices.forEach((notice) => {
    const ind = form.indicators.find((i) => notice.startsWith(`“${i.name}”`));
    at(ind?.places.explanation ?? null, ind?.explanation || null, null, `${notice}。`);
  });

  // Each 一级: its label weight against its rows, the year's weights, and any printed 小计.
  const labelled = new Set<string>();
  for (const ind of form.indicators) {
    if (!ind.level1Weight) continue;
    const g = group(ind.level1);
    const sum =
      form.indicators.filter((i) => i.level1 === ind.level1).reduce((s, i) => s + Math.round((i.points.value ?? 0) * 100), 0) / 100;
    if (sameFigure(sum, ind.level1Weight.value)) continue;
    if (g) labelled.add(g);
    at(
      ind.level1Weight.place,
      figure(ind.level1Weight.value),
      figure(sum),
      `一级指标“${ind.level1}”标注 ${figure(ind.level1Weight.value)} 分，其三级指标分值合计 ${figure(sum)} 分。请核对各指标分值后改正。`,
    );
  }
  for (const problem of score.problems) {
    if (placedProblems.has(problem)) continue;
    if ([...labelled].some((g) => problem.startsWith(g))) continue;
    const ind = form.indicators.find((i) => i.level1Weight && problem.startsWith(group(i.level1) ?? '\u0000'));
    at(ind?.level1Weight?.place ?? null, null, null, problem);
  }
  for (const sub of form.subtotals) {
    if (refused.has(group(sub.level1))) continue;
    const computed = score.level1.find((l) => l.name === group(sub.level1));
    if (!computed) {
      at(
        sub.score.place,
        sub.score.text || null,
        null,
        `小计行“${sub.level1}”对应不到一级指标。请在小计行写明一级指标名称（如“产出指标小计”）。`,
      );
      continue;
    }
    compare(sub.points, computed.points, `${computed.name}小计的分值`, '其三级指标分值之和');
    compare(sub.score, computed.score, `${computed.name}小计的得分`, '其三级指标得分之和');
  }

  // 总分 and 自评等级.
  if (form.total) {
    const allPoints = (Math.round(weight * 100) + points.reduce((s, p) => s + Math.round(p * 100), 0)) / 100;
    compare(form.total.points, allPoints, '总分行的分值', '预算执行率与各三级指标分值之和');
    if (refused.size === 0 && !score.execution.problem)
      compare(form.total.score, score.total, '总分', '预算执行率得分与各三级指标得分之和（按未舍入的得分相加，最后舍入一次）');
  } else at(null, null, figure(score.total), `找不到总分行（复算总分 ${figure(score.total)}）。请在指标表下方写明总分。`);
  if (form.grade && score.grade !== null && !sameGrade(form.grade.grade, score.grade))
    at(
      form.grade.place,
      form.grade.text,
      score.grade,
      `自评等级写为“${form.grade.grade}”，按总分 ${figure(score.total)} 和本年度的等级标准应为“${score.grade}”。请核对后改正。`,
    );
  // In the order of the sheet, as the unit reads it: row by row, left to right.
  const order = (f: TableFinding) =>
    (f.row ?? 0) * 1000 + (f.column ? f.column.length * 100 + f.column.charCodeAt(f.column.length - 1) : 0);
  return { score, findings: findings.sort((a, b) => order(a) - order(b)) };

  function compare(printed: PrintedFigure, computed: number, what: string, basis: string): void {
    if (printed.value !== null && sameFigure(printed.value, computed)) return;
    at(
      printed.place,
      printed.text || null,
      figure(computed),
      `${what}写为 ${printed.text || '（空）'}，按${basis}应为 ${figure(computed)}。请核对后改正。`,
    );
  }
}

/** A printed 执行率 agrees when it is the rate rounded to as many decimals as it prints (at most two). */
function sameRate(printed: PrintedFigure, rate: number): boolean {
  if (printed.value === null) return false;
  const decimals = Math.min(2, (/\.(\d+)/.exec(String(printed.value))?.[1] ?? '').length);
  const scale = 10 ** decimals;
  return Math.round(Math.round(rate * 1e6) / (1e6 / scale)) === Math.round(printed.value * scale);
}
