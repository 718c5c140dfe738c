/**
 * What an importer tells a clerk about a cell: where it is (file, sheet, row and column exactly as
 * Excel shows them, and the column's header), what was there, and what to do. The message is a whole
 * zh-CN sentence so it reads right in a dialog, a log or the command line.
 */
import { LedgerError } from '../../db/ledgerError';
import type { FoundColumn, TableNotFound } from './findTable';

export interface ImportIssue {
  /** 1-based row as Excel shows it; null for file-level problems (a missing column). */
  row: number | null;
  /** Column letter and the header as written in the file. */
  column: string | null;
  header: string | null;
  /** The cell's text as read. */
  value: string | null;
  /** The full sentence: location, problem, what to do. */
  message: string;
}

/** A printed figure (小计/合计/label weight/grade) that disagrees with what its rows compute, or a cell the review cannot read. */
export interface TableFinding {
  sheet: string | null;
  row: number | null;
  column: string | null;
  printed: string | null;
  computed: string | null;
  message: string;
}

export interface IssueSource {
  fileName: string;
  /** Null for text files (CSV), which have no sheet names worth repeating. */
  sheet: string | null;
}

/**
 * An issue about the whole file rather than a cell (no sheet of the expected kind, a year that is
 * closed): it names the file only, and belongs to no sheet.
 */
export function fileIssue(fileName: string, problem: string): ImportIssue & { sheet: null } {
  return { ...cellIssue({ fileName, sheet: null }, null, null, null, problem), sheet: null };
}

/** "项目.xlsx 工作表“Sheet1”第 7 行 F 列（预算类型）" */
export function locationText(source: IssueSource, row: number | null, column: Pick<FoundColumn, 'letter' | 'header'> | null): string {
  let text = source.fileName;
  if (source.sheet) text += ` 工作表“${source.sheet}”`;
  else if (row != null) text += ' ';
  if (row != null) text += `第 ${row} 行`;
  if (column) text += ` ${column.letter} 列（${column.header}）`;
  return text;
}

export function cellIssue(
  source: IssueSource,
  row: number | null,
  column: Pick<FoundColumn, 'letter' | 'header'> | null,
  value: string | null,
  problem: string,
): ImportIssue {
  return {
    row,
    column: column?.letter ?? null,
    header: column?.header ?? null,
    value,
    message: `${locationText(source, row, column)}：${problem}`,
  };
}

/** How many issues a thrown message spells out; the rest are counted (the preview lists them all). */
const MESSAGE_ISSUE_LIMIT = 200;

/** An import refused as a whole: nothing was written. `issues` lists every bad cell. */
export class ImportRejected extends LedgerError {
  constructor(
    fileName: string,
    readonly issues: ImportIssue[],
  ) {
    const shown = issues.slice(0, MESSAGE_ISSUE_LIMIT).map((i) => i.message);
    const more = issues.length > MESSAGE_ISSUE_LIMIT ? [`……另有 ${issues.length - MESSAGE_ISSUE_LIMIT} 处问题未列出。`] : [];
    super('import_rejected', [`${fileName} 有 ${issues.length} 处问题，未导入任何数据。请修改后重新导入：`, ...shown, ...more].join('\n'));
    this.name = 'ImportRejected';
  }
}

/**
 * One issue per wanted column the file lacks, naming the header names accepted for it. `what` names
 * the table ("项目表"), `typical` two column names that identify it ("“预算单位”“项目名称”").
 */
export function missingColumnIssues(table: TableNotFound, source: IssueSource, what: string, typical: string): ImportIssue[] {
  const where = locationText(source, table.headerRow, null);
  return table.missing.map((col) => {
    const accepted = [col.label, ...col.names.filter((n) => n !== col.label)].map((n) => `“${n}”`).join('、');
    const problem = table.headerRow
      ? `表头中找不到“${col.label}”列。可用的列名：${accepted}。请在表头补上这一列（或把列名改成其中之一）后重新导入。`
      : `找不到表头：前 50 行中没有一行同时写有${typical}等列名。缺少“${col.label}”列（可用的列名：${accepted}）。请确认选择的是${what}，并检查表头。`;
    return { row: table.headerRow, column: null, header: null, value: null, message: `${where}：${problem}` };
  });
}
