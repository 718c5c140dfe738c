/**
 * A printed 重点评价评分表 read back and checked (domain.md §7–§9): the framework read exactly as the
 * framework import reads it (frameworkTable.ts), then the 得分 column — or one column per expert
 * (专家1, 专家2 …, or their names under 专家评分), aggregated by the rules — and every 小计, 合计,
 * label weight, the total and the grade recomputed with the year's rules (scoreEvaluation, gradeOf),
 * each printed figure that disagrees and each cell that does not read listed at its cell.
 *
 * A score above its 分值 is reported at its cell and still added up as printed, so the 小计 and 合计
 * it went into are not reported as well: the one slip is named once.
 *
 * Trust: `bytes` is a file the user picked; bounded by readWorkbook.
 */
import { cellText, headerText, normaliseHeader, type ColumnSpec, type FoundColumn } from '../formats/findTable';
import { cellIssue, type ImportIssue, type TableFinding } from '../formats/importIssue';
import { parsePrintedNumber, printedGradeOf, printedGradeText, printedScoreOf, sameGrade } from '../formats/printedLabels';
import { columnLetter } from '../formats/readWorkbook';
import { AGGREGATION } from '../rules/keyEvaluationFrameworks';
import { aggregate, scoreEvaluation, sumHundredths, type ExpertScore, type Framework } from '../rules/keyEvaluationScore';
import type { RuleSet } from '../rules/ruleSet';
import { readFrameworkTable, type FrameworkTable } from './frameworkTable';
import { compareFigure, compareTotalRows, figure, pointsOf, sameFigure, type Discrepancy, type Scope } from './printedTotals';
import type { Aggregation } from '../../db/vocabulary';

export interface PrintedScoreTable {
  /** 重点评价评分表 with a 得分 column / without (framework only). */
  kind: 'keyEvaluationScores' | 'keyEvaluationFramework';
  fileName: string;
  sheet: string | null;
  title: string | null;
  /** As read (rules/keyEvaluationScore.ts types). */
  framework: Framework | null;
  /** Recomputed with the year's rules; null when there are no scores (or one does not read). */
  total: number | null;
  /** Recomputed (gradeOf with rules.gradeBands); null without scores. */
  grade: string | null;
  /** Each 一级 and 二级, recomputed. */
  subtotals: { level1: string; level2: string | null; points: number; score: number | null }[];
  /** Each printed figure that disagrees and each unreadable cell, with its cell. */
  findings: TableFinding[];
}

/** The score column a printed table heads its aggregate (or its one scorer's figures) with. */
export const SCORE_COLUMNS = [
  {
    key: 'score',
    label: '得分',
    // Not "专家评分": printed tables head the experts' own columns with it (see scoreColumns).
    names: ['得分', '评分', '实际得分', '最终得分', '评价得分', '平均得分', '平均分', '专家平均得分', '综合得分', '评审得分'],
    required: false,
  },
] as const satisfies readonly ColumnSpec[];

/** "专家1", "专家A", "评委二", "专家3评分". */
const EXPERT_NUMBERED = /^(?:评审)?(?:专家|评委)(?:\d{1,2}|[一二三四五六七八九十]{1,2}|[A-Z])(?:评分|打分|得分)?$/;
/** The group header above the experts' own columns ("专家评分", "评审专家打分"). */
const EXPERT_GROUP = /专家|评委/;
/** A name in a one-row header, right before the aggregate: two to five Chinese characters that name no column. */
const PERSON = /^[\u4e00-\u9fff·]{2,5}$/;
const NOT_A_PERSON = /序号|编号|备注|说明|权重|分值|得分|评分|指标|标准|依据|理由|公式|扣分|等级|满分|解释/;
/** A 自评表 or 申报表 has target and actual values; a key-evaluation table has none. */
const TARGET_VALUE_HEADER = /指标值|完成值|实际值|目标值|预期值|实现值|年度目标/;
const NOT_SCORED = /^[/／\-—–]+$/;

/** Null when the workbook holds no key-evaluation table (so the caller can try other kinds). */
export function readPrintedScoreTable(fileName: string, bytes: Uint8Array, rules: RuleSet): PrintedScoreTable | null {
  const read = readFrameworkTable(fileName, bytes, { purpose: 'review', extra: SCORE_COLUMNS });
  if (!read.ok) return null;
  const t = read.table;
  const rows = t.groups.flatMap((g1, l1) =>
    g1.level2.flatMap((g2, l2) => g2.indicators.map((indicator, k) => ({ indicator, row: g2.rows[k]!.rowNumber, l1, l2 }))),
  );
  const { experts, aggregateColumn } = scoreColumns(
    t,
    rows.map((r) => r.row),
  );
  const scoreCols = experts.length ? experts : aggregateColumn ? [aggregateColumn] : [];
  if (!isKeyEvaluationTable(t, scoreCols.length > 0)) return null;

  const cellAt = (row: number, c: FoundColumn) => t.sheet.rows[row - 1]?.[c.index] ?? null;
  const found: { issue: ImportIssue; computed: string | null }[] = [...t.errors, ...t.problems].map((issue) => ({ issue, computed: null }));
  found.push(...t.discrepancies);
  const hasScores = rows.some((r) => scoreCols.some((c) => cellText(cellAt(r.row, c)) !== ''));
  const subtotalsWith = (score: (scope: Scope) => number | null) =>
    t.groups.flatMap((g1, l1) => [
      { level1: g1.name, level2: null, points: pointsOf(t.framework, { level: 1, l1 }), score: score({ level: 1, l1 }) },
      ...g1.level2.map((g2, l2) => ({
        level1: g1.name,
        level2: g2.name,
        points: pointsOf(t.framework, { level: 2, l1, l2 }),
        score: score({ level: 2, l1, l2 }),
      })),
    ]);
  const base = { fileName, sheet: t.source.sheet, title: t.title, framework: t.framework };
  if (!hasScores)
    return {
      ...base,
      kind: 'keyEvaluationFramework',
      total: null,
      grade: null,
      subtotals: subtotalsWith(() => null),
      findings: sorted(t, found),
    };

  // Every score cell read; a score above its 分值 is admitted at what was printed, and reported.
  const names = uniqueNames(experts.length ? experts.map((c) => c.header) : ['得分']);
  const scores: ExpertScore[] = [];
  const byRow: (number | null)[][] = rows.map(() => []);
  const admitted = new Map<string, number>();
  rows.forEach((r, k) => {
    const { indicator } = r;
    scoreCols.forEach((c, e) => {
      const text = cellText(cellAt(r.row, c));
      const value = text === '' || NOT_SCORED.test(text) ? null : parsePrintedNumber(text);
      const issue = (problem: string) => found.push({ issue: cellIssue(t.source, r.row, c, text || null, problem), computed: null });
      if (text === '' || NOT_SCORED.test(text))
        issue(`“${indicator.name}”没有得分，无法算出总分。请补上得分（0–${indicator.points} 分）。`);
      else if (value === null) issue(`“${text}”不是数字，无法计入得分。得分请填写 0–${indicator.points} 之间的数字。`);
      else if (value > indicator.points) {
        issue(
          `“${indicator.name}”的得分 ${text} 超过其分值 ${figure(indicator.points)}。得分应在 0–${figure(indicator.points)} 分之间，请核对后改正。`,
        );
        admitted.set(indicator.code, Math.max(value, admitted.get(indicator.code) ?? 0));
      }
      byRow[k]!.push(value);
      scores.push({ expert: names[e]!, indicatorCode: indicator.code, score: value, basis: '' });
    });
  });
  const printedAggregates =
    experts.length && aggregateColumn ? rows.map((r) => parsePrintedNumber(cellText(cellAt(r.row, aggregateColumn)))) : [];
  const aggregation = aggregationOf(byRow, printedAggregates);
  const scoring = t.framework.map((l1) => ({
    ...l1,
    level2: l1.level2.map((l2) => ({ ...l2, indicators: l2.indicators.map((i) => ({ ...i, points: admitted.get(i.code) ?? i.points })) })),
  }));
  const result = scoreEvaluation(scoring, names, scores, {
    aggregation,
    gradeBands: rules.gradeBands,
    subtotals: rules.keyEvaluation.subtotals,
  });

  const inScope = (scope: Scope) =>
    rows.flatMap((r, k) => (scope.level === 0 || (r.l1 === scope.l1 && (scope.level === 1 || r.l2 === scope.l2)) ? [k] : []));
  const complete = (scope: Scope) => inScope(scope).every((k) => result.indicators[k]!.score !== null);
  const level2Index = (l1: number, l2: number) => t.groups.slice(0, l1).reduce((n, g) => n + g.level2.length, 0) + l2;
  const scoreOf = (scope: Scope): number | null => {
    if (!complete(scope)) return null;
    if (scope.level === 0) return result.total;
    return scope.level === 1 ? result.level1[scope.l1]!.score : result.level2[level2Index(scope.l1, scope.l2)]!.score;
  };
  if (aggregateColumn) {
    found.push(...compareTotalRows(t, aggregateColumn, scoreOf, aggregateColumn.label));
    printedAggregates.forEach((printed, k) => {
      const computed = result.indicators[k]!.score;
      const r = rows[k]!;
      const at = { row: r.row, column: aggregateColumn, text: cellText(cellAt(r.row, aggregateColumn)) };
      if (printed === null && at.text && !NOT_SCORED.test(at.text)) {
        const problem = `“${at.text}”不是数字，无法核对“${r.indicator.name}”的得分。请填写数字。`;
        found.push({
          issue: cellIssue(t.source, r.row, aggregateColumn, at.text, problem),
          computed: computed === null ? null : figure(computed),
        });
      }
      if (printed === null || computed === null) return;
      const d = compareFigure(t.source, at, printed, computed, `“${r.indicator.name}”的得分`, `按${AGGREGATION[aggregation]}计算`);
      if (d) found.push(d);
    });
  }
  experts.forEach((c, e) => {
    const sum = (scope: Scope) => {
      const values = inScope(scope).map((k) => byRow[k]![e] ?? null);
      return values.every((v) => v !== null) ? sumHundredths(values as number[]) / 100 : null;
    };
    found.push(...compareTotalRows(t, c, sum, `${names[e]}的评分`));
  });
  const total = scoreOf({ level: 0 });
  const grade = total === null ? null : result.grade;
  found.push(...printedSummaries(t, new Set(rows.map((r) => r.row)), total, grade, rules));
  return { ...base, kind: 'keyEvaluationScores', total, grade, subtotals: subtotalsWith(scoreOf), findings: sorted(t, found) };
}

/**
 * The experts' own columns and the aggregate 得分 column, when there is one. An expert's column is
 * headed "专家1" (专家A, 评委二 …), or sits under a group header naming experts ("专家评分") with the
 * expert's name below it — in the header's second row, or in the row under a one-row header — or, in a
 * one-row header, is one of two or more names right before 得分.
 */
function scoreColumns(
  t: FrameworkTable,
  indicatorRows: readonly number[],
): { experts: FoundColumn[]; aggregateColumn: FoundColumn | undefined } {
  const { sheet, found } = t;
  const score = found.columns.score;
  const top = found.headerRow - 1;
  const bottom = top + found.headerRowCount - 1;
  const mapped = new Set(Object.values(found.columns).map((c) => c.index));
  const width = Math.max(
    0,
    ...[top, bottom].map((r) => sheet.rows[r]?.length ?? 0),
    ...sheet.merges.filter((m) => m.s.r <= bottom).map((m) => m.e.c + 1),
  );
  const column = (c: number, header: string): FoundColumn => ({
    key: `expert${c}`,
    label: header,
    index: c,
    letter: columnLetter(c),
    header,
    moneyUnit: null,
    moneyUnitSource: null,
  });
  const isName = (text: string) => EXPERT_NUMBERED.test(text) || (PERSON.test(text) && !NOT_A_PERSON.test(text));
  // The row under a one-row header carries the names when it is no indicator row.
  const below = bottom + 1;
  const namesBelow =
    found.headerRowCount === 1 && !indicatorRows.includes(below + 1) && !cellText(sheet.rows[below]?.[found.columns.name!.index]);
  const experts: FoundColumn[] = [];
  for (let c = 0; c < width; c++) {
    if (mapped.has(c)) continue;
    const lower = normaliseHeader(headerText(sheet, bottom, c));
    const upper = normaliseHeader(headerText(sheet, top, c));
    if (EXPERT_NUMBERED.test(lower)) experts.push(column(c, lower));
    else if (EXPERT_GROUP.test(upper)) {
      const name = found.headerRowCount === 2 ? lower : namesBelow ? normaliseHeader(cellText(sheet.rows[below]?.[c])) : '';
      if (name !== upper && isName(name)) experts.push(column(c, name));
    }
  }
  if (experts.length === 0 && score) {
    const mostlyNumbers = (c: number) => {
      const texts = indicatorRows.map((r) => cellText(sheet.rows[r - 1]?.[c])).filter((x) => x !== '');
      return texts.length > 0 && texts.filter((x) => parsePrintedNumber(x) !== null).length * 2 >= texts.length;
    };
    for (let c = score.index - 1; c >= 0 && !mapped.has(c); c--) {
      const name = normaliseHeader(headerText(sheet, bottom, c));
      if (!isName(name) || !mostlyNumbers(c)) break;
      experts.unshift(column(c, name));
    }
    // One lone name beside 得分 is no panel.
    if (experts.length < 2) experts.length = 0;
  }
  return { experts, aggregateColumn: score };
}

function isKeyEvaluationTable(t: FrameworkTable, hasScoreColumns: boolean): boolean {
  const { sheet, found } = t;
  for (let r = found.headerRow - 1; r < found.headerRow - 1 + found.headerRowCount; r++)
    if ((sheet.rows[r] ?? []).some((v) => TARGET_VALUE_HEADER.test(normaliseHeader(v)))) return false;
  return Boolean(t.columns.rule) || hasScoreColumns || t.groups.some((g) => /决策|过程/.test(g.name));
}

/**
 * A printed table names no aggregation: the experts' mean, unless its 得分 column shows the trimmed
 * mean on every row where the two differ.
 */
function aggregationOf(byRow: readonly (number | null)[][], printed: readonly (number | null)[]): Aggregation {
  const telling = byRow.flatMap((values, k) => {
    const p = printed[k];
    if (p == null || values.length < 3 || values.some((v) => v === null)) return [];
    const all = values as number[];
    return sameFigure(aggregate(all, 'mean'), aggregate(all, 'trimmedMean')) ? [] : [sameFigure(aggregate(all, 'trimmedMean'), p)];
  });
  return telling.length > 0 && telling.every(Boolean) ? 'trimmedMean' : 'mean';
}

/** The grade and any "总分：86.5" written beside the table, against what the rows compute. */
function printedSummaries(
  t: FrameworkTable,
  indicatorRows: Set<number>,
  total: number | null,
  grade: string | null,
  rules: RuleSet,
): Discrepancy[] {
  const out: Discrepancy[] = [];
  const { sheet, found, source } = t;
  const headerRows = new Set(found.skipped.filter((s) => s.kind === 'header').map((s) => s.rowNumber));
  for (let r = found.headerRow; r < found.headerRow + found.headerRowCount; r++) headerRows.add(r);
  const bands = rules.gradeBands.map((b) => b.grade);
  sheet.rows.forEach((cells, r) => {
    if (indicatorRows.has(r + 1) || headerRows.has(r + 1)) return;
    cells.forEach((value, c) => {
      const text = cellText(value);
      const at = (col: number, shown: string) => ({ row: r + 1, column: { letter: columnLetter(col), header: '评价等级' }, text: shown });
      const label = printedGradeOf(text);
      let printedGrade: { col: number; text: string; grade: string } | null = null;
      if (label === 'label') {
        const next = cells.findIndex((v, k) => k > c && cellText(v) !== '');
        const g = next < 0 ? null : printedGradeText(cellText(cells[next]));
        if (g && bands.some((b) => sameGrade(g.grade, b))) printedGrade = { col: next, text: cellText(cells[next]), grade: g.grade };
      } else if (label) printedGrade = { col: c, text, grade: label.grade };
      if (printedGrade && grade !== null && !sameGrade(printedGrade.grade, grade)) {
        const { row, column } = at(printedGrade.col, printedGrade.text);
        const named = bands.some((b) => sameGrade(printedGrade.grade, b));
        const problem = named
          ? `评价等级写为“${printedGrade.grade}”，按总分 ${figure(total!)} 和本年度的等级标准应为“${grade}”。请核对后改正。`
          : `评价等级“${printedGrade.grade}”不是本年度等级标准中的等级（${bands.join('、')}）；按总分 ${figure(total!)} 应为“${grade}”。`;
        out.push({ issue: cellIssue(source, row, column, printedGrade.text, problem), computed: grade });
      }
      const printedTotal = printedScoreOf(text);
      if (printedTotal !== null && total !== null) {
        const d = compareFigure(
          source,
          { ...at(c, text), column: { letter: columnLetter(c), header: '总分' } },
          printedTotal,
          total,
          '表中写的总分',
          '按各行计算',
        );
        if (d) out.push(d);
      }
    });
  });
  return out;
}

/** Expert names as headed, made distinct ("张三", "张三（2）") so each keeps its own scores. */
function uniqueNames(headers: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h) => {
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return n === 1 ? h : `${h}（${n}）`;
  });
}

function sorted(t: FrameworkTable, found: readonly Discrepancy[]): TableFinding[] {
  return [...found]
    .sort((a, b) => (a.issue.row ?? 0) - (b.issue.row ?? 0))
    .map(({ issue, printed, computed }) => ({
      sheet: t.source.sheet,
      row: issue.row,
      column: issue.column,
      printed: printed ?? issue.value,
      computed,
      message: issue.message,
    }));
}
