/**
 * An indicator framework read out of a table as third parties and units print it (domain.md §7–§8):
 * title rows, 一级/二级 written once and left blank or merged below, labels carrying weights
 * ("一、决策（15分）", "A决策15分", "项目立项（5分）"), 分值 as "3分", no 编号, 小计 and 合计 rows,
 * the header repeated at page breaks. The one reading path of the framework import
 * (frameworkExchange.ts) and the table review (printedScoreTable.ts).
 *
 * Weights and points are told apart by level: a 分值 column holds the 三级 points; an explicit 一级权重
 * column, or a bare 权重 column whose values stand only on the rows opening a 一级 (or merged over it),
 * holds 一级 weights — on the rows opening a 二级, 二级 weights; on every 三级 row, the points. A 一级's
 * weight is what its 三级 points add up to; every printed weight, label and 小计/合计 figure is
 * compared with the rows it covers and each disagreement is reported at its cell.
 */
import { cellText, findTable, type ColumnSpec, type FoundColumn, type TableFound, type TableRow } from '../formats/findTable';
import { cellIssue, missingColumnIssues, type ImportIssue, type IssueSource } from '../formats/importIssue';
import { parsePrintedLabel, parsePrintedNumber, printedGradeOf, printedScoreOf, printedTotalOf } from '../formats/printedLabels';
import { readWorkbook, type SheetGrid } from '../formats/readWorkbook';
import { checkFramework } from '../rules/keyEvaluationFrameworkCheck';
import { sumHundredths, type Framework, type FrameworkIndicator } from '../rules/keyEvaluationScore';
import {
  compareFigure,
  compareTotalRows,
  placeTotalRows,
  pointsOf,
  type Discrepancy,
  type GroupNames,
  type Scope,
  type SheetLine,
} from './printedTotals';

const WEIGHT_WORDS = ['权重', '权数'];

export const FRAMEWORK_COLUMNS = [
  { key: 'level1', label: '一级指标', names: ['一级指标', '一级', '一级指标名称'], required: true },
  { key: 'weight', label: '一级权重', names: ['一级权重', '一级指标权重', '一级分值', '一级指标分值'], required: false },
  { key: 'level2', label: '二级指标', names: ['二级指标', '二级', '二级指标名称'], required: true },
  { key: 'level2Weight', label: '二级权重', names: ['二级权重', '二级指标权重', '二级分值', '二级指标分值'], required: false },
  { key: 'code', label: '编号', names: ['编号', '指标编号', '指标代码'], required: false },
  { key: 'name', label: '三级指标', names: ['三级指标', '三级指标名称', '指标名称', '三级'], required: true },
  // Not required by the table search: a table with only 权重 is decided by where its values stand.
  {
    key: 'points',
    label: '分值',
    names: ['分值', '标准分值', '指标分值', '三级指标分值', '满分', '分数', '标准分', '权重分值', '分值权重'],
    required: false,
  },
  // A bare 权重 (two such columns: one per level) is a 一级 or 二级 weight or the 三级 points, by where its values stand.
  { key: 'weightA', label: '权重', names: WEIGHT_WORDS, required: false },
  { key: 'weightB', label: '权重', names: WEIGHT_WORDS, required: false },
  {
    key: 'rule',
    label: '评分标准',
    names: [
      '评分标准',
      '评分细则',
      '评分规则',
      '评分方法',
      '评分要点',
      '评分办法',
      '评分标准和评分规则',
      '评分标准及评分规则',
      '评分依据和标准',
      '评分标准及依据',
    ],
    required: true,
  },
  { key: 'explanation', label: '指标解释', names: ['指标解释', '指标说明', '指标内涵', '指标含义', '评价要点'], required: false },
  { key: 'formula', label: '计算公式', names: ['计算公式', '公式', '指标计算公式'], required: false },
] as const satisfies readonly ColumnSpec[];

type Key = (typeof FRAMEWORK_COLUMNS)[number]['key'];
type Level = 'level1' | 'level2' | 'indicator';

export interface FrameworkTableOptions {
  /** Columns read beside the framework's (the review's 得分). */
  extra?: readonly ColumnSpec[];
  /**
   * 'import': 评分标准 is required (the experts score by it) and messages end in re-importing;
   * 'review': a printed score table may leave 评分标准 out, and its findings go back to the unit.
   */
  purpose: 'import' | 'review';
}

/** A printed weight or points figure and where it stands. */
interface Figure {
  row: number;
  column: FoundColumn;
  text: string;
  value: number;
}

export interface TableGroup2 {
  name: string;
  row: number;
  indicators: FrameworkIndicator[];
  /** The table row each indicator came from, in the same order. */
  rows: TableRow[];
  printed: Figure[];
}

export interface TableGroup1 {
  name: string;
  row: number;
  level2: TableGroup2[];
  printed: Figure[];
}

export interface FrameworkTable {
  sheet: SheetGrid;
  source: IssueSource;
  found: TableFound;
  /** The title above the table ("××项目绩效评价指标体系"). */
  title: string | null;
  columns: Partial<Record<Key, FoundColumn>>;
  groups: TableGroup1[];
  /** As read; each 一级's weight is what its points add up to. */
  framework: Framework;
  /** The printed 小计/合计 rows and the group each closes (null: cannot be placed). */
  totals: { row: number; scope: Scope | null }[];
  names: GroupNames;
  /** Cells that cannot be read. */
  errors: ImportIssue[];
  /** 一级 without any printed weight. */
  warnings: ImportIssue[];
  /** Printed weights, labels and 小计/合计 points that disagree with their rows. */
  discrepancies: Discrepancy[];
  /** What checkFramework finds, at the cell each problem came from (only once every cell reads). */
  problems: ImportIssue[];
}

/** The table, or why there is none (the missing columns, named). */
export function readFrameworkTable(
  fileName: string,
  bytes: Uint8Array,
  options: FrameworkTableOptions,
): { ok: true; table: FrameworkTable } | { ok: false; sheet: string | null; issues: ImportIssue[] } {
  const book = readWorkbook(bytes, fileName);
  const ruleRequired = options.purpose === 'import';
  const spec: ColumnSpec[] = [
    ...FRAMEWORK_COLUMNS.map((c) => (c.key === 'rule' && !ruleRequired ? { ...c, required: false } : c)),
    ...(options.extra ?? []),
  ];
  const found = findTable(book, spec);
  const sourceFor = (sheet: string | null): IssueSource => ({ fileName, sheet: book.format === 'text' ? null : sheet });
  if (!found.ok) {
    const issues = missingColumnIssues(found, sourceFor(found.sheet), '评价指标体系表', '“一级指标”“三级指标”“分值”');
    return { ok: false, sheet: found.sheet, issues };
  }
  const sheet = book.sheets.find((s) => s.name === found.sheet)!;
  return { ok: true, table: readGroups(sheet, found, sourceFor(found.sheet), options) };
}

function readGroups(sheet: SheetGrid, found: TableFound, source: IssueSource, options: FrameworkTableOptions): FrameworkTable {
  const ruleRequired = options.purpose === 'import';
  const col = found.columns as Partial<Record<Key, FoundColumn>>;
  const own = (row: number, c: FoundColumn | undefined) => (c ? cellText(sheet.rows[row - 1]?.[c.index]) : '');
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const discrepancies: Discrepancy[] = [];

  // The rows in sheet order: indicator rows, and printed totals (findTable's, and "总分" it reads as data).
  type Entry = { at: number } & ({ kind: 'data'; row: TableRow } | { kind: 'total' | 'subtotal'; names: string | null });
  const entries: Entry[] = [];
  for (const row of found.rows) {
    const ids = [own(row.rowNumber, col.level1), own(row.rowNumber, col.level2), own(row.rowNumber, col.name)];
    const total = ids.map(printedTotalOf).find((t) => t !== null);
    if (total) entries.push({ at: row.rowNumber, ...total });
    else if (!isSummaryRow(sheet, row, col)) entries.push({ at: row.rowNumber, kind: 'data', row });
  }
  for (const s of found.skipped) {
    if (s.kind !== 'total' && s.kind !== 'subtotal') continue;
    const total = (sheet.rows[s.rowNumber - 1] ?? []).map((v) => printedTotalOf(cellText(v))).find((t) => t !== null);
    entries.push({ at: s.rowNumber, kind: total?.kind ?? s.kind, names: total?.names ?? null });
  }
  entries.sort((a, b) => a.at - b.at);
  const dataRows = entries.flatMap((e) => (e.kind === 'data' ? [e.row] : []));

  const levels = columnLevels(dataRows, col, own);
  const pointsCol = col.points ?? (levels.get('weightA') === 'indicator' ? col.weightA : undefined);
  const weightColumns = (['weight', 'level2Weight', 'weightA', 'weightB'] as const).flatMap((key) => {
    const c = col[key];
    const level = key === 'weight' ? 'level1' : key === 'level2Weight' ? 'level2' : levels.get(key);
    return c && level && level !== 'indicator' ? [{ column: c, level, scale: percentScale(dataRows, c, own) }] : [];
  });
  // Without a 分值 column the points may stand in the 三级 names ("立项依据充分性(3分)"), on every row.
  const pointsInNames = dataRows.every((row) => !cellText(row.cells.name) || parsePrintedLabel(cellText(row.cells.name)).unit === '分');
  if (!pointsCol && !pointsInNames) {
    const spec = FRAMEWORK_COLUMNS.find((c) => c.key === 'points')!;
    const accepted = [spec.label, ...spec.names.filter((n) => n !== spec.label), '权重'].map((n) => `“${n}”`).join('、');
    const why = col.weightA ? '（表中“权重”列只填在一级或二级指标的行上，是一级或二级的权重，不是三级指标的分值）' : '';
    const problem = `表头中找不到“分值”列${why}。可用的列名：${accepted}。请补上三级指标的分值列${options.purpose === 'import' ? '后重新导入' : ''}。`;
    errors.push(cellIssue(source, found.headerRow, null, null, problem));
  }

  const groups: TableGroup1[] = [];
  const lines: SheetLine[] = [];
  let g1: TableGroup1 | undefined;
  let g2: TableGroup2 | null = null;
  for (const entry of entries) {
    if (entry.kind !== 'data') {
      lines.push({ row: entry.at, kind: entry.kind, names: entry.names });
      continue;
    }
    const row = entry.row;
    const r = row.rowNumber;
    const text = (key: Key) => cellText(row.cells[key]);
    const issue = (key: Key, problem: string) => errors.push(cellIssue(source, r, col[key] ?? null, text(key) || null, problem));
    const figureAt = (c: FoundColumn, scale = 1): Figure | null => {
      const t = own(r, c);
      const v = parsePrintedNumber(t);
      if (t && v === null) {
        errors.push(cellIssue(source, r, c, t, `“${t}”不是数字。${c.label}请填写数字（如 20），可带“分”字。`));
        return null;
      }
      return v === null ? null : { row: r, column: c, text: t, value: v * scale };
    };
    // 一级 and 二级 are written once per group (or merged); a new 一级 starts its own 二级 list.
    const level1 = parsePrintedLabel(text('level1'));
    let opened: 'level1' | 'level2' | null = null;
    if (text('level1') && (!g1 || g1.name !== level1.name)) {
      if (groups.some((g) => g.name === level1.name))
        issue('level1', `一级指标“${level1.name}”在前面已出现过。同一一级指标的行须排在一起，请调整行的顺序。`);
      g1 = { name: level1.name, row: r, level2: [], printed: [] };
      groups.push(g1);
      g2 = null;
      opened = 'level1';
    }
    if (!g1) {
      issue('level1', '缺少一级指标。第一行数据须写明一级指标（如“决策”）。');
      continue;
    }
    // A label's weight is read where it is written, not from the copies a merged cell lends the rows below.
    if (own(r, col.level1) && level1.weight !== null)
      g1.printed.push({ row: r, column: col.level1!, text: own(r, col.level1), value: level1.weight });
    const level2 = parsePrintedLabel(text('level2'));
    if (text('level2') && (!g2 || g2.name !== level2.name)) {
      if (g1.level2.some((l2) => l2.name === level2.name))
        issue('level2', `“${g1.name}”下的二级指标“${level2.name}”在前面已出现过。同一二级指标的行须排在一起。`);
      g2 = { name: level2.name, row: r, indicators: [], rows: [], printed: [] };
      g1.level2.push(g2);
      opened = 'level2';
    }
    if (g2 && own(r, col.level2) && level2.weight !== null)
      g2.printed.push({ row: r, column: col.level2!, text: own(r, col.level2), value: level2.weight });
    for (const w of weightColumns) {
      const f = figureAt(w.column, w.scale);
      if (f && w.level === 'level1') g1.printed.push(f);
      else if (f && g2) g2.printed.push(f);
    }

    const label = parsePrintedLabel(text('name'));
    const name = label.name;
    const pointsText = pointsCol ? text(pointsCol.key as Key) : '';
    // A row naming only its group (perhaps with the group's points) opens it, as printed tables do.
    if (!name) {
      if (pointsText && opened && pointsCol) {
        const f = figureAt(pointsCol);
        if (f) (opened === 'level2' ? g2! : g1).printed.push(f);
      } else if (pointsText) issue('name', '缺少三级指标名称。');
      continue;
    }
    if (!g2) {
      issue('level2', `缺少二级指标。请写明“${g1.name}”下的二级指标。`);
      continue;
    }
    // "立项依据充分性(3分)" gives the points when no 分值 is written, and is checked against it when one is.
    const labelPoints = label.unit === '%' ? null : label.weight;
    const points = pointsText ? parsePrintedNumber(pointsText) : labelPoints;
    const explanation = text('explanation');
    const rule = [explanation && `指标解释：${explanation}`, text('rule')].filter(Boolean).join('\n');
    const pointsKey = (pointsText ? pointsCol!.key : 'name') as Key;
    if (pointsCol && !pointsText && points === null) issue(pointsKey, `缺少“${name}”的分值。`);
    else if (pointsText && points === null) issue(pointsKey, `“${pointsText}”不是数字。分值请填写数字（如 3 或 2.5），可带“分”字。`);
    else if (points !== null && (!(points > 0) || points > 100)) issue(pointsKey, '分值须大于 0、不超过 100。');
    if (ruleRequired && !text('rule')) issue('rule', `缺少“${name}”的评分标准。专家按评分标准打分，请补上。`);
    if (points === null || !(points > 0) || points > 100 || (ruleRequired && !text('rule'))) continue;
    if (pointsText && labelPoints !== null) {
      const d = compareFigure(
        source,
        { row: r, column: col.name!, text: text('name') },
        labelPoints,
        points,
        `三级指标“${name}”名称中标注的分值`,
        '分值列所填',
      );
      if (d) discrepancies.push(d);
    }
    const code = text('code') || `${groups.length}.${g1.level2.length}.${g2.indicators.length + 1}`;
    // More than two decimals is checkFramework's to say, at this cell, once the cells are read.
    g2.indicators.push({ code, name, points, rule, formula: text('formula') || null });
    g2.rows.push(row);
    lines.push({ row: r, kind: 'data', l1: groups.length - 1, l2: g1.level2.length - 1 });
  }

  const framework: Framework = groups.map((g) => ({
    name: g.name,
    weight: sumHundredths(g.level2.flatMap((l2) => l2.indicators.map((i) => i.points))) / 100,
    level2: g.level2.map(({ name, indicators }) => ({ name, indicators })),
  }));
  const names: GroupNames = { level1: groups.map((g) => g.name), level2: groups.map((g) => g.level2.map((l2) => l2.name)) };
  const placed = placeTotalRows(lines, names);
  const totals = lines.flatMap((l) => (l.kind === 'data' ? [] : [{ row: l.row, scope: placed.get(l.row) ?? null }]));
  const table: FrameworkTable = {
    sheet,
    source,
    found,
    title: titleAbove(sheet, found.headerRow),
    columns: col,
    groups,
    framework,
    totals,
    names,
    errors,
    warnings,
    discrepancies,
    problems: [],
  };

  groups.forEach((g, i1) => {
    const weight = framework[i1]!.weight;
    if (g.printed.length === 0)
      warnings.push(
        cellIssue(source, g.row, col.level1 ?? null, g.name, `未写一级指标“${g.name}”的权重，按其三级指标分值合计 ${weight} 计。`),
      );
    for (const f of g.printed) {
      const d = compareFigure(source, f, f.value, weight, `一级指标“${g.name}”标注的权重`, '其三级指标分值合计');
      if (d) discrepancies.push(d);
    }
    g.level2.forEach((g2, i2) => {
      const points = pointsOf(framework, { level: 2, l1: i1, l2: i2 });
      for (const f of g2.printed) {
        const d = compareFigure(source, f, f.value, points, `二级指标“${g2.name}”标注的分值`, '其三级指标分值合计');
        if (d) discrepancies.push(d);
      }
    });
  });
  const pointColumns = [...(pointsCol ? [{ column: pointsCol, scale: 1 }] : []), ...weightColumns];
  for (const { column, scale } of pointColumns)
    discrepancies.push(...compareTotalRows(table, column, (scope) => pointsOf(framework, scope), column.label, scale));
  discrepancies.sort((a, b) => (a.issue.row ?? 0) - (b.issue.row ?? 0));

  if (errors.length === 0) table.problems = frameworkProblems(table, options.purpose);
  errors.sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity));
  return table;
}

/**
 * A row outside the indicators though inside the table: "评价等级：良", "总分：86.5", "评价专家：…".
 * Such rows name no 三级 indicator.
 */
function isSummaryRow(sheet: SheetGrid, row: TableRow, col: Partial<Record<Key, FoundColumn>>): boolean {
  if (col.name && cellText(row.cells.name)) return false;
  const texts = (sheet.rows[row.rowNumber - 1] ?? []).map(cellText).filter((t) => t !== '');
  return texts.some((t) => printedGradeOf(t) !== null || printedScoreOf(t) !== null) || texts.every((t) => /[:：]/.test(t));
}

/**
 * Where a bare 权重 column's values stand: only on rows opening a 一级 (a merged cell's value stands on
 * its first row) — the 一级 weight; only on rows opening a 二级 — the 二级 weight; otherwise the 三级 points.
 */
function columnLevels(
  rows: readonly TableRow[],
  col: Partial<Record<Key, FoundColumn>>,
  own: (row: number, c: FoundColumn | undefined) => string,
): Map<'weightA' | 'weightB', Level> {
  const opens1 = new Set<number>();
  const opens2 = new Set<number>();
  let l1 = '';
  let l2 = '';
  for (const row of rows) {
    const n1 = parsePrintedLabel(cellText(row.cells.level1)).name;
    const n2 = parsePrintedLabel(cellText(row.cells.level2)).name;
    if (cellText(row.cells.level1) && n1 !== l1) {
      opens1.add(row.rowNumber);
      l1 = n1;
      l2 = '';
    }
    if (cellText(row.cells.level2) && n2 !== l2) {
      opens2.add(row.rowNumber);
      l2 = n2;
    }
  }
  const levels = new Map<'weightA' | 'weightB', Level>();
  for (const key of ['weightA', 'weightB'] as const) {
    const c = col[key];
    if (!c) continue;
    const filled = rows.filter((row) => own(row.rowNumber, c) !== '').map((row) => row.rowNumber);
    const indicatorRows = rows.filter((row) => cellText(row.cells.name) !== '').map((row) => row.rowNumber);
    const every = indicatorRows.every((r) => filled.includes(r));
    if (!every && filled.every((r) => opens1.has(r))) levels.set(key, 'level1');
    else if (!every && filled.every((r) => opens2.has(r))) levels.set(key, 'level2');
    else levels.set(key, 'indicator');
  }
  return levels;
}

/** A weight column written as fractions (0.15 shown as 15%) is read in percent. */
function percentScale(rows: readonly TableRow[], c: FoundColumn, own: (row: number, c: FoundColumn) => string): number {
  const values = rows.map((row) => parsePrintedNumber(own(row.rowNumber, c))).filter((v): v is number => v !== null);
  return values.length > 0 && values.every((v) => v <= 1) && values.some((v) => v > 0) ? 100 : 1;
}

const INDICATOR_COLUMN = { code: 'code', name: 'name', points: 'points', rule: 'rule', formula: 'formula' } as const satisfies Record<
  string,
  Key
>;

/** checkFramework on what was read, each problem at the cell it came from; a review asks for no 评分标准. */
function frameworkProblems(table: FrameworkTable, purpose: FrameworkTableOptions['purpose']): ImportIssue[] {
  const out: ImportIssue[] = [];
  const ending = purpose === 'import' ? '请改正后重新导入。' : '请改正。';
  for (const p of checkFramework(table.framework)) {
    if (purpose === 'review' && p.field?.endsWith('.rule')) continue;
    const cell = p.field === null ? null : cellOf(p.field, table.groups);
    const column = cell ? (table.columns[cell.key] ?? table.columns.level1 ?? null) : null;
    out.push(cellIssue(table.source, cell?.row ?? null, column, null, `${p.text}。${ending}`));
  }
  return out;
}

/** The row and column a checkFramework field (`${i1}.weight`, `${i1}.${i2}.${i3}.points` …) was read from. */
function cellOf(field: string, groups: readonly TableGroup1[]): { row: number; key: Key } | null {
  const [i1, i2, i3, leaf] = field.split('.');
  const g = groups[Number(i1)];
  if (!g) return null;
  if (i3 === undefined) return { row: g.row, key: 'level1' };
  const l2 = g.level2[Number(i2)];
  if (!l2) return null;
  if (leaf === undefined) return { row: l2.row, key: 'level2' };
  const row = l2.rows[Number(i3)]?.rowNumber;
  return row === undefined ? null : { row, key: INDICATOR_COLUMN[leaf as keyof typeof INDICATOR_COLUMN] };
}

/** The first text above the header, as the table's title. */
function titleAbove(sheet: SheetGrid, headerRow: number): string | null {
  for (let r = 0; r < headerRow - 1; r++) {
    const first = (sheet.rows[r] ?? []).map((c) => cellText(c)).find((c) => c !== '');
    if (first && !/^单位|^一级权重/.test(first)) return first;
  }
  return null;
}
