/**
 * 评价指标体系 by Excel: any framework (an evaluation's or a template) out as a styled workbook, and a
 * framework workbook in — as an evaluation's framework, or as a new template of the bureau's. Third-party
 * institutions and other counties send their frameworks as Excel tables, laid out as printed:
 * 一级/二级 written once and left blank (or merged) below, "一、决策（20分）" with its weight in the
 * name, 分值 as "3分", no 编号 column, a 合计 row. All of that is read; every bad cell is listed by
 * sheet, row and column, then what checkFramework finds in the framework read (at the cell it came
 * from where it concerns one), and nothing is written unless the whole framework is usable.
 *
 * Trust: `bytes` is a file the user picked (dialog, upload or command line); bounded by readWorkbook.
 */
import { cellText, findTable, type ColumnSpec, type FoundColumn } from '../formats/findTable';
import { cellIssue, ImportRejected, missingColumnIssues, type ImportIssue, type IssueSource } from '../formats/importIssue';
import { readWorkbook, type SheetGrid } from '../formats/readWorkbook';
import { addTableSheet, newWorkbook, workbookBytes, type SheetColumn } from '../formats/styledWorkbook';
import { checkFramework } from '../rules/keyEvaluationFrameworkCheck';
import { sumHundredths, type Framework, type FrameworkIndicator } from '../rules/keyEvaluationScore';
import type { ServiceContext } from '../ledger/context';
import { createTemplateFromFramework, findFrameworkTemplate, type FrameworkTemplateRow } from './frameworkTemplates';
import { getKeyEvaluation, type KeyEvaluationView } from './keyEvaluations';
import { saveImportedFramework } from './keyEvaluationFramework';
import { safeFileName } from '../formats/fileNames';
import { LedgerError } from '../../db/ledgerError';

export const FRAMEWORK_COLUMNS = [
  { key: 'level1', label: '一级指标', names: ['一级指标', '一级'], required: true },
  // Only an explicit 一级 weight: a bare "权重" column in these tables is usually the 三级 分值.
  { key: 'weight', label: '一级权重', names: ['一级权重', '一级指标权重', '一级分值', '一级指标分值'], required: false },
  { key: 'level2', label: '二级指标', names: ['二级指标', '二级'], required: true },
  { key: 'code', label: '编号', names: ['编号', '指标编号', '指标代码'], required: false },
  { key: 'name', label: '三级指标', names: ['三级指标', '三级指标名称', '指标名称', '三级'], required: true },
  {
    key: 'points',
    label: '分值',
    names: ['分值', '标准分值', '指标分值', '满分', '分数', '标准分', '权重', '权重分值', '分值权重'],
    required: true,
  },
  { key: 'rule', label: '评分标准', names: ['评分标准', '评分细则', '评分规则', '评分方法', '评分要点'], required: true },
  { key: 'formula', label: '计算公式', names: ['计算公式', '公式', '指标计算公式'], required: false },
] as const satisfies readonly ColumnSpec[];

type Key = (typeof FRAMEWORK_COLUMNS)[number]['key'];

export interface FrameworkImportPreview {
  kind: 'framework';
  fileName: string;
  sheet: string | null;
  headerRow: number | null;
  /** The title above the table ("××项目绩效评价指标体系"), offered as the template's name. */
  title: string | null;
  level1: { name: string; weight: number; level2Count: number; indicatorCount: number; points: number; row: number }[];
  indicatorCount: number;
  /** For an evaluation: experts' scores on indicators (by 编号) the imported framework does not have. */
  droppedScores: number;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  canCommit: boolean;
}

export interface FrameworkExport {
  fileName: string;
  bytes: Buffer;
  indicatorCount: number;
}

// ---------------------------------------------------------------------------------------------------
// Out

interface Line {
  level1: string;
  weight: number;
  level2: string;
  indicator: FrameworkIndicator;
}

/** An evaluation's or a template's framework as a workbook in the columns the import reads. */
export async function exportFramework(
  ctx: ServiceContext,
  input: { evaluationId?: number | null; templateId?: string | null },
): Promise<FrameworkExport> {
  let name: string;
  let framework: Framework;
  if (input.evaluationId != null) {
    const view = getKeyEvaluation(ctx, { id: input.evaluationId });
    name = `${view.name}绩效评价指标体系`;
    framework = view.framework;
  } else {
    const template = input.templateId ? findFrameworkTemplate(ctx, input.templateId) : null;
    if (!template) throw new LedgerError('template_missing', '该指标体系模板不存在，请刷新后重试。');
    name = template.name;
    framework = template.framework;
  }
  if (framework.length === 0) throw new LedgerError('framework_empty', '尚未设置评价指标体系，没有可导出的内容。');
  const lines: Line[] = framework.flatMap((l1) =>
    l1.level2.flatMap((l2) => l2.indicators.map((indicator) => ({ level1: l1.name, weight: l1.weight, level2: l2.name, indicator }))),
  );
  const columns: SheetColumn<Line>[] = [
    { header: '一级指标', width: 10, kind: 'text', value: (r) => r.level1 },
    { header: '一级权重', width: 9, kind: 'decimal', value: (r) => r.weight },
    { header: '二级指标', width: 14, kind: 'text', value: (r) => r.level2 },
    { header: '编号', width: 8, kind: 'text', value: (r) => r.indicator.code },
    { header: '三级指标', width: 22, kind: 'text', value: (r) => r.indicator.name },
    { header: '分值', width: 8, kind: 'decimal', value: (r) => r.indicator.points, total: true },
    { header: '评分标准', width: 60, kind: 'text', value: (r) => r.indicator.rule, wrap: true },
    { header: '计算公式', width: 36, kind: 'text', value: (r) => r.indicator.formula ?? '', wrap: true },
  ];
  const workbook = newWorkbook();
  workbook.created = ctx.now();
  workbook.modified = ctx.now();
  const weights = framework.map((l) => `${l.name} ${l.weight}`).join('，');
  addTableSheet(workbook, {
    name: '评价指标体系',
    title: name,
    note: `一级权重：${weights}；共 ${lines.length} 项三级指标`,
    columns,
    rows: lines,
    totalLabel: '合计',
  });
  return { fileName: safeFileName(`${name}.xlsx`), bytes: await workbookBytes(workbook), indicatorCount: lines.length };
}

// ---------------------------------------------------------------------------------------------------
// In

export function previewEvaluationFrameworkImport(
  ctx: ServiceContext,
  input: { id: number; fileName: string; bytes: Uint8Array },
): FrameworkImportPreview {
  const view = getKeyEvaluation(ctx, { id: input.id });
  const { preview, framework } = readFrameworkWorkbook(input.fileName, input.bytes);
  if (framework) {
    const codes = new Set(framework.flatMap((l1) => l1.level2.flatMap((l2) => l2.indicators.map((i) => i.code))));
    preview.droppedScores = view.scores.filter((s) => !codes.has(s.indicatorCode)).length;
  }
  return preview;
}

/** Replaces the evaluation's framework with the workbook's, all or nothing (keyEvaluations' own checks apply). */
export function commitEvaluationFrameworkImport(
  ctx: ServiceContext,
  input: { id: number; fileName: string; bytes: Uint8Array },
): KeyEvaluationView {
  const { preview, framework } = readFrameworkWorkbook(input.fileName, input.bytes);
  if (!preview.canCommit || !framework) throw new ImportRejected(input.fileName, preview.errors);
  return saveImportedFramework(ctx, { id: input.id, framework, fileName: input.fileName });
}

/** A new template of the bureau's from the workbook, named by the clerk. */
export function commitTemplateImport(
  ctx: ServiceContext,
  input: { fileName: string; bytes: Uint8Array; name: string; description: string },
): FrameworkTemplateRow {
  const { preview, framework } = readFrameworkWorkbook(input.fileName, input.bytes);
  if (!preview.canCommit || !framework) throw new ImportRejected(input.fileName, preview.errors);
  return createTemplateFromFramework(ctx, { name: input.name, description: input.description }, framework, `导入自：${input.fileName}`);
}

/** Reads a framework table: the framework when it is usable, and the preview with every issue either way. */
export function readFrameworkWorkbook(
  fileName: string,
  bytes: Uint8Array,
): { preview: FrameworkImportPreview; framework: Framework | null } {
  const preview: FrameworkImportPreview = {
    kind: 'framework',
    fileName,
    sheet: null,
    headerRow: null,
    title: null,
    level1: [],
    indicatorCount: 0,
    droppedScores: 0,
    errors: [],
    warnings: [],
    canCommit: false,
  };
  const book = readWorkbook(bytes, fileName);
  const table = findTable(book, FRAMEWORK_COLUMNS);
  const sourceFor = (sheet: string | null): IssueSource => ({ fileName, sheet: book.format === 'text' ? null : sheet });
  if (!table.ok) {
    preview.errors.push(...missingColumnIssues(table, sourceFor(table.sheet), '评价指标体系表', '“一级指标”“三级指标”“分值”'));
    return { preview, framework: null };
  }
  const source = sourceFor(table.sheet);
  const col = table.columns as Partial<Record<Key, FoundColumn>>;
  const sheet = book.sheets.find((s) => s.name === table.sheet)!;
  Object.assign(preview, { sheet: source.sheet, headerRow: table.headerRow, title: titleAbove(sheet, table.headerRow) });

  const groups: Group1[] = [];
  let current2: Group1['level2'][number] | null = null;

  for (const row of table.rows) {
    const text = (key: Key) => cellText(row.cells[key]);
    const issue = (key: Key, problem: string) =>
      preview.errors.push(cellIssue(source, row.rowNumber, col[key] ?? null, text(key) || null, problem));
    const level1Text = text('level1');
    const level2Text = text('level2');
    // 一级 and 二级 are written once per group (or merged); a new 一级 starts its own 二级 list.
    let g1 = groups[groups.length - 1];
    if (level1Text) {
      const { name, points } = nameAndPoints(level1Text);
      if (!g1 || g1.name !== name) {
        if (groups.some((g) => g.name === name))
          issue('level1', `一级指标“${name}”在前面已出现过。同一一级指标的行须排在一起，请调整行的顺序。`);
        g1 = { name, weight: null, weightRow: row.rowNumber, row: row.rowNumber, level2: [] };
        groups.push(g1);
        current2 = null;
      }
      if (points !== null)
        setWeight(g1, points, row.rowNumber, () => issue('level1', `一级指标名称中写的分值 ${points} 与同组其他行写的权重不一致。`));
    }
    const weightText = text('weight');
    if (weightText && g1) {
      const w = parsePoints(weightText);
      if (w === null) issue('weight', `“${weightText}”不是数字。一级权重请填写数字（如 20），可带“分”字。`);
      else
        setWeight(g1, w, row.rowNumber, () =>
          issue('weight', `一级指标“${g1!.name}”的权重 ${w} 与第 ${g1!.weightRow} 行写的 ${g1!.weight} 不一致。`),
        );
    }
    if (!g1) {
      issue('level1', '缺少一级指标。第一行数据须写明一级指标（如“决策”）。');
      continue;
    }
    if (level2Text) {
      const name = nameAndPoints(level2Text).name;
      if (!current2 || current2.name !== name) {
        if (g1.level2.some((l2) => l2.name === name))
          issue('level2', `“${g1.name}”下的二级指标“${name}”在前面已出现过。同一二级指标的行须排在一起。`);
        current2 = { name, row: row.rowNumber, indicators: [], rows: [] };
        g1.level2.push(current2);
      }
    }
    const name = text('name');
    const pointsText = text('points');
    // A row naming only its 一级/二级 (and perhaps the weight) opens the group, as printed tables do.
    if (!name && !pointsText) continue;
    if (!current2) {
      issue('level2', `缺少二级指标。请写明“${g1.name}”下的二级指标。`);
      continue;
    }
    const points = parsePoints(pointsText);
    const rule = text('rule');
    if (!name) issue('name', '缺少三级指标名称。');
    if (!pointsText) issue('points', `缺少“${name || '该指标'}”的分值。`);
    else if (points === null) issue('points', `“${pointsText}”不是数字。分值请填写数字（如 3 或 2.5），可带“分”字。`);
    else if (!(points > 0) || points > 100) issue('points', '分值须大于 0、不超过 100。');
    if (!rule) issue('rule', `缺少“${name || '该指标'}”的评分标准。专家按评分标准打分，请补上。`);
    if (!name || points === null || !(points > 0) || points > 100 || !rule) continue;
    const code = text('code') || `${groups.length}.${g1.level2.length}.${current2.indicators.length + 1}`;
    // More than two decimals is checkFramework's to say, at this cell, once the cells are read.
    current2.indicators.push({ code, name, points, rule, formula: text('formula') || null });
    current2.rows.push(row.rowNumber);
  }

  for (const g of groups) {
    if (g.weight === null) {
      g.weight = sumHundredths(g.level2.flatMap((l2) => l2.indicators.map((i) => i.points))) / 100;
      preview.warnings.push(
        cellIssue(source, g.row, col.level1 ?? null, g.name, `未写一级指标“${g.name}”的权重，按其三级指标分值合计 ${g.weight} 计。`),
      );
    }
  }
  const framework: Framework = groups.map((g) => ({
    name: g.name,
    weight: g.weight!,
    level2: g.level2.map(({ name, indicators }) => ({ name, indicators })),
  }));
  preview.level1 = groups.map((g) => {
    const indicators = g.level2.flatMap((l2) => l2.indicators);
    return {
      name: g.name,
      weight: g.weight!,
      level2Count: g.level2.length,
      indicatorCount: indicators.length,
      points: sumHundredths(indicators.map((i) => i.points)) / 100,
      row: g.row,
    };
  });
  preview.indicatorCount = preview.level1.reduce((n, l) => n + l.indicatorCount, 0);
  if (preview.errors.length === 0) {
    for (const p of checkFramework(framework)) {
      const cell = p.field === null ? null : cellOf(p.field, groups);
      preview.errors.push(
        cellIssue(source, cell?.row ?? null, cell ? (col[cell.key] ?? col.level1 ?? null) : null, null, `${p.text}。请改正后重新导入。`),
      );
    }
  }
  preview.errors.sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity));
  preview.canCommit = preview.errors.length === 0;
  return { preview, framework: preview.canCommit ? framework : null };
}

/** A 一级 as read, with the rows its 二级 and 三级 came from. */
interface Group1 {
  name: string;
  weight: number | null;
  weightRow: number;
  row: number;
  level2: { name: string; row: number; indicators: FrameworkIndicator[]; rows: number[] }[];
}

const INDICATOR_COLUMN = { code: 'code', name: 'name', points: 'points', rule: 'rule', formula: 'formula' } as const satisfies Record<
  string,
  Key
>;

/** The row and column a checkFramework field (`${i1}.weight`, `${i1}.${i2}.${i3}.points` …) was read from. */
function cellOf(field: string, groups: readonly Group1[]): { row: number; key: Key } | null {
  const [i1, i2, i3, leaf] = field.split('.');
  const g = groups[Number(i1)];
  if (!g) return null;
  if (i3 === undefined) return i2 === 'weight' ? { row: g.weightRow, key: 'weight' } : { row: g.row, key: 'level1' };
  const l2 = g.level2[Number(i2)];
  if (!l2) return null;
  if (leaf === undefined) return { row: l2.row, key: 'level2' };
  const row = l2.rows[Number(i3)];
  return row === undefined ? null : { row, key: INDICATOR_COLUMN[leaf as keyof typeof INDICATOR_COLUMN] };
}

function setWeight(g: { weight: number | null; weightRow: number }, weight: number, row: number, conflict: () => void): void {
  if (g.weight === null) {
    g.weight = weight;
    g.weightRow = row;
  } else if (Math.round(g.weight * 100) !== Math.round(weight * 100)) conflict();
}

/** "一、决策（20分）" → 决策 and 20; "（二）项目立项" → 项目立项. */
function nameAndPoints(text: string): { name: string; points: number | null } {
  const t = text.normalize('NFKC').trim();
  const m = /^(.*?)\s*\(\s*(\d+(?:\.\d+)?)\s*分?\s*\)$/.exec(t);
  const name = (m ? m[1]! : t)
    .replace(/^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+(?:\.\d+)*[、.\s])\s*/, '')
    .trim();
  return { name: name || t, points: m ? Number(m[2]) : null };
}

/** "3", "2.5", "3分", "３分" → a number; null when it is not one. */
function parsePoints(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*分?$/.exec(text.normalize('NFKC').trim());
  return m ? Number(m[1]) : null;
}

/** The first text above the header, as the table's title. */
function titleAbove(sheet: SheetGrid, headerRow: number): string | null {
  for (let r = 0; r < headerRow - 1; r++) {
    const first = (sheet.rows[r] ?? []).map((c) => cellText(c)).find((c) => c !== '');
    if (first && !/^单位|^一级权重/.test(first)) return first;
  }
  return null;
}
