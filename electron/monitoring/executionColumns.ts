/**
 * The table of a budget platform execution export, found by its columns (预算单位/单位名称, 项目名称,
 * 项目代码, 年初预算数, 调整后预算数/全年预算数, 执行数/1-5月执行数/累计支出, 全年预计执行数). What the
 * header says is checked against the round (the month it runs to); the money unit is decided later,
 * with the rows matched (executionUnit.ts).
 */
import { findTable, type ColumnSpec, type FoundColumn, type SkippedRow, type TableFound, type TableNotFound } from '../formats/findTable';
import { cellIssue, missingColumnIssues, type ImportIssue, type IssueSource } from '../formats/importIssue';
import { readWorkbook } from '../formats/readWorkbook';
import type { MoneyUnit } from '../rules/money';

const MONTH_PREFIXES = (m: number): string[] => [
  ...['-', '—', '–', '~', '至', '到'].flatMap((sep) => [`1${sep}${m}月`, `1${sep}${m}月份`, `1月${sep}${m}月`]),
  ...['截至', '截止', '截至到'].flatMap((p) => [`${p}${m}月`, `${p}${m}月底`, `${p}${m}月末`, `${p}${m}月份`]),
];
const EXECUTED_SUFFIXES = [
  '执行数',
  '执行',
  '执行金额',
  '执行额',
  '支出数',
  '支出',
  '支出金额',
  '累计执行数',
  '累计执行',
  '累计执行金额',
  '累计支出数',
  '累计支出',
  '累计支出金额',
  '实际支出数',
  '实际支出',
  '实际执行数',
  '预算执行数',
  '已支出数',
];
const EXECUTED_NAMES = [
  '执行数',
  '累计执行数',
  '累计执行',
  '累计支出',
  '累计支出数',
  '累计支出金额',
  '实际支出',
  '实际支出数',
  '实际执行数',
  '已执行数',
  '已支出数',
  '预算执行数',
  '执行金额',
  '支出数',
  '本年执行数',
  '本年累计执行数',
  '本年累计支出',
  '本年支出数',
  '当年执行数',
  '当年累计支出',
  ...Array.from({ length: 12 }, (_, i) => MONTH_PREFIXES(i + 1).flatMap((p) => EXECUTED_SUFFIXES.map((s) => p + s))).flat(),
];

/** The columns of an execution export; header names are matched after normaliseHeader. */
export const EXECUTION_COLUMNS = [
  {
    key: 'unit',
    label: '预算单位',
    names: ['预算单位', '单位名称', '预算单位名称', '单位', '实施单位', '项目单位', '项目实施单位', '实施单位名称'],
    required: true,
  },
  { key: 'code', label: '项目代码', names: ['项目代码', '项目编码', '项目编号'], required: false },
  { key: 'name', label: '项目名称', names: ['项目名称', '项目名'], required: true },
  {
    key: 'initialBudget',
    label: '年初预算数',
    names: ['年初预算数', '年初预算', '年初预算金额', '年初预算数合计', '年初批复数', '年初批复预算数', '年初安排数', '年初预算安排数'],
    required: false,
    money: true,
  },
  {
    key: 'adjustedBudget',
    label: '调整后预算数',
    names: [
      '调整后预算数',
      '调整后预算',
      '调整后预算金额',
      '调整后预算数合计',
      '调整后年度预算数',
      '全年预算数',
      '全年预算',
      '全年预算金额',
      '全年预算数合计',
      '年度预算数',
      '当年预算数',
      '本年预算数',
      '变更后预算数',
    ],
    required: false,
    money: true,
  },
  { key: 'executed', label: '执行数', names: EXECUTED_NAMES, required: true, money: true },
  {
    key: 'expectedFullYear',
    label: '全年预计执行数',
    names: [
      '全年预计执行数',
      '预计全年执行数',
      '全年预计执行',
      '预计全年执行',
      '全年预计执行金额',
      '预计全年执行金额',
      '全年预计支出',
      '预计全年支出',
      '全年预计支出数',
      '预计全年支出数',
      '全年预计完成数',
      '预计执行数',
    ],
    required: false,
    money: true,
  },
] as const satisfies readonly ColumnSpec[];

export type ExecutionKey = (typeof EXECUTION_COLUMNS)[number]['key'];
export type ExecutionColumns = Partial<Record<ExecutionKey, FoundColumn>>;
export type MoneyKey = 'initialBudget' | 'adjustedBudget' | 'executed' | 'expectedFullYear';
export const MONEY_KEYS: readonly MoneyKey[] = ['initialBudget', 'adjustedBudget', 'executed', 'expectedFullYear'];
export const MONEY_LABELS: Record<MoneyKey, string> = {
  initialBudget: '年初预算数',
  adjustedBudget: '调整后预算数',
  executed: '执行数',
  expectedFullYear: '全年预计执行数',
};

export type ColumnView = { key: string; label: string; letter: string; header: string; moneyUnit: MoneyUnit | null };

/** A found column as the preview lists it; a money column's unit is the one decided for the import. */
export function columnView(c: FoundColumn, units: Partial<Record<MoneyKey, MoneyUnit>> | null = null): ColumnView {
  return { key: c.key, label: c.label, letter: c.letter, header: c.header, moneyUnit: units?.[c.key as MoneyKey] ?? null };
}

/** The month an 执行数 header names ("1-4月执行数" → 4), if any. */
function headerMonth(executedCol: FoundColumn): number | undefined {
  const months = [
    ...executedCol.header
      .normalize('NFKC')
      .replace(/^.*\//, '')
      .matchAll(/(?:^|\D)(\d{1,2})\s*月/g),
  ].map((m) => Number(m[1]));
  return months[months.length - 1];
}

/** The parts of the preview that describe the table and its header. */
export interface TableSink {
  sheet: string | null;
  headerRow: number | null;
  headerRowCount: 1 | 2 | null;
  columns: ColumnView[];
  dataRows: number;
  skipped: SkippedRow[];
  blankRows: number;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

/**
 * Finds the execution table in the file and describes it in `preview`; null (with the errors there)
 * when the file has no such table, or neither a 调整后预算数 nor a 年初预算数 column.
 */
export function readExecutionTable(
  input: { fileName: string; bytes: Uint8Array },
  round: { name: string; asOfMonth: number },
  preview: TableSink,
): { table: TableFound; source: IssueSource; col: ExecutionColumns } | null {
  const book = readWorkbook(input.bytes, input.fileName);
  const table = findTable(book, EXECUTION_COLUMNS);
  const sourceFor = (sheet: string | null): IssueSource => ({ fileName: input.fileName, sheet: book.format === 'text' ? null : sheet });
  const typical = '“单位名称”“项目名称”“执行数”';
  if (!table.ok) {
    const source = sourceFor(table.sheet);
    preview.errors.push(...missingColumnIssues(table, source, '预算执行数据表（预算管理一体化平台导出的执行表）', typical));
    Object.assign(preview, { sheet: source.sheet, headerRow: table.headerRow, columns: table.found.map((c) => columnView(c)) });
    return null;
  }
  const source = sourceFor(table.sheet);
  const col = table.columns as ExecutionColumns;
  Object.assign(preview, {
    sheet: source.sheet,
    headerRow: table.headerRow,
    headerRowCount: table.headerRowCount,
    skipped: table.skipped,
    blankRows: table.blankRows,
    dataRows: table.rows.length,
  });
  if (!col.adjustedBudget && !col.initialBudget) {
    const adjustedSpec = EXECUTION_COLUMNS.find((c) => c.key === 'adjustedBudget')!;
    const notFound: TableNotFound = {
      ok: false,
      sheet: table.sheet,
      headerRow: table.headerRow,
      found: Object.values(table.columns),
      missing: [adjustedSpec],
    };
    preview.errors.push(
      ...missingColumnIssues(notFound, source, '预算执行数据表', typical).map((i) => ({
        ...i,
        message: `${i.message}只有“年初预算数”列的表也可导入（以年初预算数作为调整后预算数）。`,
      })),
    );
    preview.columns = Object.values(table.columns)
      .sort((a, b) => a.index - b.index)
      .map((c) => columnView(c));
    return null;
  }

  preview.columns = Object.values(table.columns)
    .sort((a, b) => a.index - b.index)
    .map((c) => columnView(c));
  const executedCol = col.executed!;
  const warn = (key: ExecutionKey, problem: string) =>
    preview.warnings.push(cellIssue(source, table.headerRow, col[key] ?? null, null, problem));

  // The round's month against the month the header names ("1-4月执行数" in a 5月 round).
  const month = headerMonth(executedCol);
  if (month !== undefined && month >= 1 && month <= 12 && month !== round.asOfMonth) {
    warn(
      'executed',
      `执行数列是截至 ${month} 月的数据，而“${round.name}”截至 ${round.asOfMonth} 月。请确认选择的是该轮次对应月份的执行表。`,
    );
  }
  return { table, source, col };
}
