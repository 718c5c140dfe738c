/**
 * Writing the bureau's tables as styled .xlsx (exceljs; SheetJS CE drops styles): a title row, an
 * optional note line, a bold filled header with borders, frozen below the header, sized columns, money
 * in 万元 as real numbers with two decimals shown, and an optional 合计 row. Every export goes through
 * here so they all look alike and re-import through findTable.ts.
 *
 * Formula injection: a name such as "=HYPERLINK(…)" or "+1" or "@SUM(…)" coming from a unit's file must
 * stay text in the workbook we hand out. Text is always written as a plain string value (exceljs only
 * writes a formula for a {formula} object, which this module never builds) and text columns carry the
 * "@" (Text) number format so a cell edited later in Excel stays text too. Nothing is prefixed, so the
 * value re-imports unchanged.
 */
import ExcelJS from 'exceljs';

export type ColumnKind = 'text' | 'money' | 'integer';

export interface SheetColumn<Row> {
  header: string;
  /** Width in characters (a CJK character counts about 2). */
  width: number;
  kind: ColumnKind;
  /** text → string; money → 分 (written as 万元); integer → number. null leaves the cell empty. */
  value: (row: Row, index: number) => string | number | null;
  /** For the 合计 row: money and integer columns are summed when true. */
  total?: boolean;
}

export interface TableSheet<Row> {
  /** Worksheet tab name (cleaned to Excel's rules). */
  name: string;
  /** The merged title above the table, e.g. "2023年度项目清单". */
  title: string;
  /** A note line under the title, e.g. "单位：万元". */
  note?: string;
  columns: readonly SheetColumn<Row>[];
  rows: readonly Row[];
  /** Adds a "合计" row under the data summing the columns marked total. */
  totalLabel?: string;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = '宋体';
export const MONEY_FORMAT = '#,##0.00';
const TEXT_FORMAT = '@';

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '绩效台账';
  workbook.lastModifiedBy = '绩效台账';
  return workbook;
}

/** Adds one table sheet; returns the 1-based row number of its header. */
export function addTableSheet<Row>(workbook: ExcelJS.Workbook, table: TableSheet<Row>): { sheet: ExcelJS.Worksheet; headerRow: number } {
  const headerRow = table.note ? 3 : 2;
  const n = table.columns.length;
  const sheet = workbook.addWorksheet(sheetName(table.name), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, showGridLines: true }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` },
  });
  sheet.columns = table.columns.map((c) => ({ width: c.width, style: c.kind === 'text' ? { numFmt: TEXT_FORMAT } : {} }));

  sheet.mergeCells(1, 1, 1, n);
  const title = sheet.getCell(1, 1);
  title.value = safeText(table.title);
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 30;
  if (table.note) {
    sheet.mergeCells(2, 1, 2, n);
    const note = sheet.getCell(2, 1);
    note.value = safeText(table.note);
    note.font = { name: FONT, size: 10 };
    note.alignment = { horizontal: 'right' };
  }

  const header = sheet.getRow(headerRow);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = safeText(c.header);
    cell.font = { name: FONT, size: 11, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = 32;

  table.rows.forEach((row, r) => {
    const line = sheet.getRow(headerRow + 1 + r);
    table.columns.forEach((c, i) => writeCell(line.getCell(i + 1), c.kind, c.value(row, r)));
  });

  if (table.totalLabel) {
    const line = sheet.getRow(headerRow + 1 + table.rows.length);
    table.columns.forEach((c, i) => {
      const cell = line.getCell(i + 1);
      if (i === 0) writeCell(cell, 'text', table.totalLabel!);
      else if (c.total && c.kind !== 'text') {
        const sum = table.rows.reduce((acc, row, r) => acc + (Number(c.value(row, r)) || 0), 0);
        writeCell(cell, c.kind, sum);
      } else writeCell(cell, 'text', null);
      cell.font = { name: FONT, size: 11, bold: true };
      cell.fill = TOTAL_FILL;
    });
  }
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: n } };
  return { sheet, headerRow };
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Any text as a plain string cell value: never a formula, whatever it starts with (= + - @), and
 * without the control characters XML cannot carry (a crafted name must not corrupt the file).
 */
export function safeText(value: unknown): string {
  if (value == null) return '';
  // eslint-disable-next-line no-control-regex
  return String(value).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

/** 分 → 万元 as the number a cell holds: the exact decimal fen/10⁶ (its shortest form re-reads exactly). */
export function fenToWanYuanNumber(fen: number): number {
  return fen / 1_000_000;
}

function writeCell(cell: ExcelJS.Cell, kind: ColumnKind, value: string | number | null): void {
  cell.border = BORDER;
  cell.font = { name: FONT, size: 11 };
  if (value == null || value === '') {
    cell.value = null;
    return;
  }
  if (kind === 'money') {
    cell.value = fenToWanYuanNumber(Number(value));
    cell.numFmt = MONEY_FORMAT;
    cell.alignment = { horizontal: 'right' };
  } else if (kind === 'integer') {
    cell.value = Number(value);
    cell.numFmt = '0';
    cell.alignment = { horizontal: 'center' };
  } else {
    cell.value = safeText(value);
    cell.numFmt = TEXT_FORMAT;
    cell.alignment = { vertical: 'middle', wrapText: false };
  }
}

/** Excel's tab-name rules: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'Sheet1';
}
