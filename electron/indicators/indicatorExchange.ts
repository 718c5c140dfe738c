/**
 * 指标库的导入与导出: the region's official library (or our own export) in, a styled workbook out.
 *
 * The import reads any workbook whose header names the columns (类别, 一级指标, 二级指标, 三级指标,
 * 指标性质 …), lets 类别/一级/二级 left blank below a filled cell mean "same as above" (how printed
 * tables group rows), accepts the 四分法 placement of 成本 and both "产出" and "产出指标", reads 性质
 * written any common way or fused into the 参考值 ("≥90%"), and lists every bad row. Nothing is written
 * unless the whole file is clean; then mergeLibrary brings it in in one transaction. 一级/二级 may carry
 * outline marks ("（一）数量指标") and any 二级 wording level2Kinds.ts knows; counts the file prints about
 * itself ("共 26 类 310 条", "小计：8 条") are checked against the rows read (libraryCounts.ts), sheet by sheet.
 * Every sheet whose header names the indicator columns is read (a region's library often comes one
 * sheet per 类别, or after a 说明 sheet); the others are listed as not read, with why.
 *
 * Trust: `bytes` is a file the user picked (dialog, upload or command line); bounded by readWorkbook.
 */
import { cellText, findTable, type ColumnSpec, type FoundColumn, type TableFound, type TableNotFound } from '../formats/findTable';
import { cellIssue, ImportRejected, missingColumnIssues, type ImportIssue, type IssueSource } from '../formats/importIssue';
import type { TotalIssue } from '../formats/moneyCells';
import { parsePrintedLabel } from '../formats/printedLabels';
import { readWorkbook } from '../formats/readWorkbook';
import { addTableSheet, newWorkbook, workbookBytes, type SheetColumn } from '../formats/styledWorkbook';
import { FOUR_WAY_LEVELS, THREE_WAY_LEVELS, indicatorProblems, normaliseNature } from '../rules/indicatorRules';
import { level2KindOf } from '../rules/level2Kinds';
import type { ServiceContext } from '../ledger/context';
import {
  listIndicators,
  mergeLibrary,
  type IndicatorFields,
  type IndicatorRow,
  type LibraryData,
  type LibraryImportSummary,
} from './indicators';
import { classLabel, countFindings, findPrintedCounts, type CountedRow, type PrintedCount } from './libraryCounts';

export const INDICATOR_COLUMNS = [
  { key: 'className', label: '类别', names: ['类别', '指标类别', '分类', '行业类别', '项目类别', '指标分类', '所属类别'], required: true },
  { key: 'level1', label: '一级指标', names: ['一级指标', '一级'], required: true },
  { key: 'level2', label: '二级指标', names: ['二级指标', '二级'], required: true },
  { key: 'name', label: '三级指标', names: ['三级指标', '三级指标名称', '指标名称', '三级'], required: true },
  { key: 'nature', label: '指标性质', names: ['指标性质', '计算符号', '性质', '运算符号', '符号', '指标值性质'], required: false },
  { key: 'unit', label: '计量单位', names: ['计量单位', '度量单位', '单位'], required: false },
  {
    key: 'explanation',
    label: '指标解释',
    names: ['指标解释', '计算方法', '指标解释/计算方法', '指标说明', '指标解释及计算方法', '计算公式'],
    required: false,
  },
  { key: 'standard', label: '绩效标准', names: ['绩效标准', '标准类型', '评价标准'], required: false },
  { key: 'referenceHint', label: '参考值', names: ['参考值', '参考指标值', '指标值', '参考值提示', '指标值参考'], required: false },
  { key: 'keywords', label: '关键词', names: ['关键词', '关键字'], required: false },
  { key: 'mandatory', label: '是否必选', names: ['是否必选', '必选', '必选指标', '是否必填'], required: false },
  { key: 'scope', label: '年度/总体', names: ['年度/总体', '指标期限', '适用期限', '总体/年度'], required: false },
] as const satisfies readonly ColumnSpec[];

type Key = (typeof INDICATOR_COLUMNS)[number]['key'];

export interface IndicatorImportPreview {
  kind: 'indicators';
  fileName: string;
  /** The sheets read as indicator tables, in workbook order (one entry with sheet null for a CSV). */
  sheets: { sheet: string | null; headerRow: number; dataRows: number }[];
  /** The sheets with no indicator table, and why ("没有指标表的表头"). */
  ignoredSheets: { sheet: string; reason: string }[];
  /** Data rows over all sheets read. */
  dataRows: number;
  /** The sentence saying which sheets were read (header row, rows) and which were not and why, as the screen and CLI show it. */
  sheetsNote: string;
  classesToCreate: string[];
  toCreate: { sheet: string | null; row: number; className: string; name: string }[];
  toUpdate: { sheet: string | null; row: number; className: string; name: string; changes: string[] }[];
  unchanged: number;
  errors: ImportIssue[];
  /** Notes on rows, and printed counts that disagree with the rows read (with both figures). */
  warnings: (ImportIssue | TotalIssue)[];
  canCommit: boolean;
}

export interface IndicatorImportResult extends LibraryImportSummary {
  preview: IndicatorImportPreview;
}

export function previewIndicatorImport(ctx: ServiceContext, input: { fileName: string; bytes: Uint8Array }): IndicatorImportPreview {
  return analyse(ctx, input).preview;
}

/** Writes the library only when the preview has no error, in one transaction; otherwise refuses with every error. */
export function commitIndicatorImport(ctx: ServiceContext, input: { fileName: string; bytes: Uint8Array }): IndicatorImportResult {
  const { preview, library } = analyse(ctx, input);
  if (!preview.canCommit || !library) throw new ImportRejected(input.fileName, preview.errors);
  return { preview, ...mergeLibrary(ctx, library, input.fileName) };
}

export interface IndicatorExport {
  fileName: string;
  bytes: Buffer;
  classCount: number;
  indicatorCount: number;
}

const SCOPE_LABEL = { annual: '年度', overall: '总体' } as const;

/** The active library as a styled workbook, in the columns the import reads, so it re-imports unchanged. */
export async function exportIndicators(ctx: ServiceContext): Promise<IndicatorExport> {
  const rows = listIndicators(ctx).filter((i) => i.retiredAt === null);
  const columns: SheetColumn<IndicatorRow>[] = [
    { header: '序号', width: 6, kind: 'integer', value: (_r, i) => i + 1 },
    { header: '类别', width: 16, kind: 'text', value: (r) => r.className },
    { header: '一级指标', width: 11, kind: 'text', value: (r) => r.level1 },
    { header: '二级指标', width: 16, kind: 'text', value: (r) => r.level2 },
    { header: '三级指标', width: 28, kind: 'text', value: (r) => r.name },
    { header: '指标性质', width: 9, kind: 'text', value: (r) => r.nature },
    { header: '计量单位', width: 10, kind: 'text', value: (r) => r.unit },
    { header: '指标解释', width: 50, kind: 'text', value: (r) => r.explanation },
    { header: '绩效标准', width: 12, kind: 'text', value: (r) => r.standard },
    { header: '参考值', width: 16, kind: 'text', value: (r) => r.referenceHint },
    { header: '关键词', width: 20, kind: 'text', value: (r) => r.keywords },
    { header: '是否必选', width: 9, kind: 'text', value: (r) => (r.mandatory ? '是' : '否') },
    { header: '年度/总体', width: 9, kind: 'text', value: (r) => SCOPE_LABEL[r.scope] },
  ];
  const classCount = new Set(rows.map((r) => r.classId)).size;
  const workbook = newWorkbook();
  workbook.created = ctx.now();
  workbook.modified = ctx.now();
  addTableSheet(workbook, { name: '共性指标库', title: '共性指标体系', note: `共 ${classCount} 类 ${rows.length} 条指标`, columns, rows });
  return { fileName: '共性指标库.xlsx', bytes: await workbookBytes(workbook), classCount, indicatorCount: rows.length };
}

// ---------------------------------------------------------------------------------------------------

const YES = new Set(['是', '√', '✓', '必选', 'y', 'yes', '1']);
const FUSED_VALUE = /^\s*(≥|≧|>=|＞=|≤|≦|<=|＜=|＞|>|＜|<|＝|=)/;

function analyse(
  ctx: ServiceContext,
  input: { fileName: string; bytes: Uint8Array },
): { preview: IndicatorImportPreview; library: LibraryData | null } {
  const preview: IndicatorImportPreview = {
    kind: 'indicators',
    fileName: input.fileName,
    sheets: [],
    ignoredSheets: [],
    dataRows: 0,
    sheetsNote: '',
    classesToCreate: [],
    toCreate: [],
    toUpdate: [],
    unchanged: 0,
    errors: [],
    warnings: [],
    canCommit: false,
  };
  const book = readWorkbook(input.bytes, input.fileName);
  const sourceFor = (sheet: string | null): IssueSource => ({ fileName: input.fileName, sheet: book.format === 'text' ? null : sheet });
  const tables: TableFound[] = [];
  for (const sheet of book.sheets) {
    const table = findTable({ ...book, sheets: [sheet] }, INDICATOR_COLUMNS);
    if (table.ok) tables.push(table);
    else preview.ignoredSheets.push({ sheet: sheet.name, reason: notATable(table) });
  }
  if (tables.length === 0) {
    // Report against the sheet that came closest, as for a one-sheet file.
    const closest = findTable(book, INDICATOR_COLUMNS);
    preview.ignoredSheets = [];
    preview.sheetsNote = '没有找到指标表。';
    if (!closest.ok) preview.errors.push(...missingColumnIssues(closest, sourceFor(closest.sheet), '指标库表', '“一级指标”“三级指标”'));
    return { preview, library: null };
  }

  const existing = new Map(listIndicators(ctx).map((i) => [`${i.className}\u0000${i.name}`, i]));
  const existingClasses = new Set(listIndicators(ctx).map((i) => i.className));
  const classes = new Map<string, IndicatorFields[]>();
  /** Class and name → where it was first read, across the sheets. */
  const seen = new Map<string, { sheet: string; row: number }>();
  const errorsBySheet: ImportIssue[][] = [];

  for (const table of tables) {
    const source = sourceFor(table.sheet);
    const errors: ImportIssue[] = [];
    errorsBySheet.push(errors);
    const col = table.columns as Partial<Record<Key, FoundColumn>>;
    preview.sheets.push({ sheet: source.sheet, headerRow: table.headerRow, dataRows: table.rows.length });
    preview.dataRows += table.rows.length;
    // Grouping ("same as above") never carries over from one sheet to the next.
    const above: Partial<Record<'className' | 'level1' | 'level2', string>> = {};

    const sheet = book.sheets.find((s) => s.name === table.sheet)!;
    const counts = findPrintedCounts(sheet, table, {
      name: 'name',
      className: 'className',
      labels: ['className', 'level1', 'level2', 'name'],
    });
    const countRows = new Set(counts.map((c) => c.row));
    const counted: CountedRow[] = [];
    const labelled = new Set<string>();

    for (const row of table.rows) {
      if (countRows.has(row.rowNumber)) continue;
      const text = (key: Key) => cellText(row.cells[key]);
      const issue = (key: Key, problem: string) =>
        errors.push(cellIssue(source, row.rowNumber, col[key] ?? null, text(key) || null, problem));
      // Grouped tables leave 类别/一级/二级 blank under the first row of a group.
      const grouped = (key: 'className' | 'level1' | 'level2') => (above[key] = text(key) || above[key] || '');
      const label = classLabel(grouped('className'));
      const className = parsePrintedLabel(label.name).name;
      const placed = placeInLibrary(grouped('level1'), grouped('level2'));
      const name = text('name');
      if (name) counted.push({ rowNumber: row.rowNumber, className });
      if (label.count !== null && col.className && !labelled.has(label.name)) {
        labelled.add(label.name);
        counts.push(classCount(row.rowNumber, col.className.index, label, className));
      }

      let natureText = text('nature');
      const hint = text('referenceHint') || null;
      const fused = hint ? FUSED_VALUE.exec(hint) : null;
      if (!natureText && fused) natureText = fused[1]!;
      const nature = natureText ? normaliseNature(natureText) : null;
      const unit = text('unit') || null;

      if (!className) issue('className', '缺少类别。请填写指标所属类别（如“培训”）。');
      if (!name) issue('name', '缺少三级指标名称。');
      if (!nature) {
        issue(
          'nature',
          natureText
            ? `“${natureText}”不是可识别的指标性质，请填写 ≥、＞、＝、＜、≤ 或 定性。`
            : '缺少指标性质，请填写 ≥、＞、＝、＜、≤ 或 定性（也可写在参考值前，如“≥90%”）。',
        );
      }
      if (placed === null) {
        issue(
          'level2',
          `一级指标“${text('level1') || above.level1 || ''}”下没有二级指标“${text('level2') || above.level2 || ''}”。三分法可用：${describeLevels(THREE_WAY_LEVELS)}；四分法可用：${describeLevels(FOUR_WAY_LEVELS)}。`,
        );
      }
      if (!className || !name || !nature || placed === null) continue;

      const fields: IndicatorFields = {
        level1: placed.level1,
        level2: placed.level2,
        name,
        nature,
        unit: nature === '定性' ? null : unit,
        explanation: text('explanation') || null,
        standard: text('standard') || null,
        keywords: text('keywords') || null,
        referenceHint: hint,
        mandatory: YES.has(text('mandatory').toLowerCase()),
        scope: text('scope') === '总体' ? 'overall' : 'annual',
      };
      const problems = indicatorProblems(fields);
      for (const [field, problem] of Object.entries(problems)) issue(field as Key, `${problem}。`);
      const key = `${className}\u0000${name}`;
      const first = seen.get(key);
      if (first !== undefined) {
        const where = first.sheet === table.sheet || book.format === 'text' ? '' : `工作表“${first.sheet}”`;
        issue('name', `“${className}”类中的“${name}”与${where}第 ${first.row} 行重名。同一类别内三级指标名称不能重复，请改名或删去一行。`);
        continue;
      }
      seen.set(key, { sheet: table.sheet, row: row.rowNumber });
      if (Object.keys(problems).length) continue;
      if (nature === '定性' && unit) {
        preview.warnings.push(cellIssue(source, row.rowNumber, col.unit ?? null, unit, '定性指标不需要计量单位，导入时将忽略该单位。'));
      }

      if (!classes.has(className)) classes.set(className, []);
      classes.get(className)!.push(fields);
      const before = existing.get(key);
      if (!before) preview.toCreate.push({ sheet: source.sheet, row: row.rowNumber, className, name });
      else {
        const changes = describeChanges(before, fields);
        if (changes.length) preview.toUpdate.push({ sheet: source.sheet, row: row.rowNumber, className, name, changes });
        else preview.unchanged++;
      }
    }
    preview.warnings.push(...countFindings(sheet, table, counts, counted, source));
  }
  preview.sheetsNote = sheetsNote(preview);
  // Sheet by sheet in workbook order, each by row.
  preview.errors = errorsBySheet.flatMap((errors) => errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));
  preview.classesToCreate = [...classes.keys()].filter((c) => !existingClasses.has(c));
  preview.canCommit = preview.errors.length === 0;
  return { preview, library: { classes: [...classes].map(([name, indicators]) => ({ name, indicators })) } };
}

function sheetsNote(p: IndicatorImportPreview): string {
  const one = (s: IndicatorImportPreview['sheets'][number]) => `表头在第 ${s.headerRow} 行，读到 ${s.dataRows} 行指标`;
  const read =
    p.sheets.length === 1
      ? `${p.sheets[0]!.sheet === null ? '' : `工作表“${p.sheets[0]!.sheet}”，`}${one(p.sheets[0]!)}`
      : `读取 ${p.sheets.length} 个工作表，共 ${p.dataRows} 行指标：${p.sheets.map((s) => `“${s.sheet}”（${one(s)}）`).join('、')}`;
  const ignored = p.ignoredSheets.map((s) => `“${s.sheet}”（${s.reason}）`).join('、');
  return `${read}${ignored ? `；未读取的工作表：${ignored}` : ''}。`;
}

/** Why a sheet is not read: no indicator header at all (a 说明 sheet), or a table lacking the library's columns. */
function notATable(table: TableNotFound): string {
  if (table.headerRow === null) return '没有指标表的表头（类别、一级指标、二级指标、三级指标）';
  return `第 ${table.headerRow} 行的表头缺少${table.missing.map((c) => `“${c.label}”`).join('、')}列，不是指标表`;
}

/** A class label's printed count ("培训（共8条）") as a count of that class, at the 类别 cell. */
function classCount(row: number, col: number, label: { name: string; count: number | null }, className: string): PrintedCount {
  return { row, col, text: label.name, classes: null, indicators: label.count, scope: { kind: 'class', name: className } };
}

/**
 * Where a row's 一级/二级 goes in the library's 三分法 placement: the 一级 as printed ("产出", "一、产出指标"),
 * the 二级 by its kind (any wording level2Kinds.ts knows, "（一）数量指标", "社会公众或服务对象满意度指标"),
 * and the 四分法's own 成本 一级; null when the pair belongs to neither layout.
 */
function placeInLibrary(level1Text: string, level2Text: string): { level1: string; level2: string } | null {
  const l1 = parsePrintedLabel(level1Text).name;
  const level1 = l1 && !l1.endsWith('指标') ? `${l1}指标` : l1;
  const kind = level2KindOf(parsePrintedLabel(level2Text).name);
  if (!kind) return null;
  if (kind === '成本' && level1 in FOUR_WAY_LEVELS && FOUR_WAY_LEVELS[level1]!.some((n) => level2KindOf(n) === '成本'))
    return { level1: '产出指标', level2: '成本指标' };
  const level2 = THREE_WAY_LEVELS[level1]?.find((n) => level2KindOf(n) === kind);
  return level2 ? { level1, level2 } : null;
}

function describeLevels(levels: Record<string, readonly string[]>): string {
  return Object.entries(levels)
    .map(([l1, l2s]) => `${l1}（${l2s.join('、')}）`)
    .join('；');
}

const FIELD_LABELS: Partial<Record<keyof IndicatorFields, string>> = {
  level1: '一级指标',
  level2: '二级指标',
  nature: '指标性质',
  unit: '计量单位',
  explanation: '指标解释',
  standard: '绩效标准',
  referenceHint: '参考值',
  keywords: '关键词',
  mandatory: '是否必选',
  scope: '年度/总体',
};

function describeChanges(before: IndicatorRow, after: IndicatorFields): string[] {
  const changes: string[] = [];
  for (const [field, label] of Object.entries(FIELD_LABELS) as [keyof IndicatorFields, string][]) {
    const a = before[field] ?? '';
    const b = after[field] ?? '';
    if (a !== b) changes.push(`${label}：${String(a) || '（空）'} → ${String(b) || '（空）'}`);
  }
  return changes;
}
