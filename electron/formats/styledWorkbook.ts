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

export type ColumnKind = 'text' | 'money' | 'integer' | 'decimal';

export interface SheetColumn<Row> {
  header: string;
  /** Width in characters (a CJK character counts about 2). */
  width: number;
  kind: ColumnKind;
  /** text → string; money → 分 (written as 万元); integer and decimal → number. null leaves the cell empty. */
  value: (row: Row, index: number) => string | number | null;
  /** For the 合计 row: money and integer columns are summed when true. */
  total?: boolean;
  /** Long text (findings, opinions): wrapped in the cell, line breaks kept. */
  wrap?: boolean;
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
  /** Rows that need attention (overdue, refused …), shown on a pale red fill; say what it means in the note. */
  highlight?: (row: Row, index: number) => boolean;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
/** The fill of highlighted rows (TableSheet.highlight). */
export const HIGHLIGHT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4E4' } };
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
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
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
    const highlighted = table.highlight?.(row, r) ?? false;
    table.columns.forEach((c, i) => {
      const cell = line.getCell(i + 1);
      writeCell(cell, c.kind, c.value(row, r));
      if (c.wrap) cell.alignment = { ...cell.alignment, vertical: 'top', wrapText: true };
      if (highlighted) cell.fill = HIGHLIGHT_FILL;
    });
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
  } else if (kind === 'decimal') {
    // Scores and points: shown as written, up to two decimals (9.5, 17.25).
    cell.value = Number(value);
    cell.numFmt = '0.##';
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

// ---------------------------------------------------------------------------------------------------
// Forms: the official 申报表 / 会审意见表 / 公开表 layouts are label–value blocks with merged cells above
// a table, not one flat table. They are written cell by cell through formCell so every form shares the
// fonts, fills and borders above.

/** What a form cell is: its look follows from this alone. */
export type FormStyle =
  /** The merged heading of a form ("项目支出绩效目标申报表（2023年度）"). */
  | 'title'
  /** A field's name, bold on the header fill ("项目名称"). */
  | 'label'
  /** A field's value as the ledger holds it (read-only forms). */
  | 'value'
  /** A value the recipient fills in or edits: bordered, on a pale fill. */
  | 'input'
  /** A table's column header. */
  | 'header'
  /** A line of guidance or a unit note, small, no border. */
  | 'note'
  /** The identification a re-import matches on: small grey text, clearly marked. */
  | 'id'
  /** A section heading inside a form ("绩效指标"). */
  | 'section';

export interface FormSheetOptions {
  name: string;
  /** Column widths in characters, left to right; they also fix how many columns the form spans. */
  widths: readonly number[];
  landscape?: boolean;
}

const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF9E5' } };
const ID_FONT: Partial<ExcelJS.Font> = { name: FONT, size: 9, color: { argb: 'FF7F7F7F' } };

/** A worksheet for a form: a unique tab name, text-formatted columns, printed one page wide. */
export function addFormSheet(workbook: ExcelJS.Workbook, options: FormSheetOptions): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(uniqueSheetName(workbook, options.name), {
    views: [{ state: 'normal', showGridLines: false }],
    pageSetup: {
      orientation: options.landscape ? 'landscape' : 'portrait',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  sheet.columns = options.widths.map((width) => ({ width, style: { numFmt: TEXT_FORMAT } }));
  return sheet;
}

/** What a form cell holds: text (always a plain string), 分 shown as 万元, or a score/分值 as a number (9.5, 17.25). */
export type FormKind = 'text' | 'money' | 'decimal';

/** Scores and points: shown as written, up to two decimals. */
const DECIMAL_FORMAT = '0.##';

export interface FormPlace {
  /** 1-based, as Excel shows them. */
  row: number;
  col: number;
  /** The merge's far corner, when the cell spans several. */
  toRow?: number;
  toCol?: number;
}

/**
 * Writes one form cell (merging first when it spans several) and styles every cell of the range, so
 * borders and fills show on the whole merged area. Text is a plain string (never a formula); money is
 * 分 written as 万元 with two decimals shown.
 */
export function formCell(
  sheet: ExcelJS.Worksheet,
  at: FormPlace,
  value: string | number | null,
  style: FormStyle,
  kind: FormKind = 'text',
): ExcelJS.Cell {
  const toRow = at.toRow ?? at.row;
  const toCol = at.toCol ?? at.col;
  if (toRow > at.row || toCol > at.col) sheet.mergeCells(at.row, at.col, toRow, toCol);
  const master = sheet.getCell(at.row, at.col);
  if (value == null || value === '') master.value = null;
  else if (kind === 'money') master.value = fenToWanYuanNumber(Number(value));
  else if (kind === 'decimal') master.value = Number(value);
  else master.value = safeText(value);
  const look = formLook(style, kind);
  for (let r = at.row; r <= toRow; r++) {
    for (let c = at.col; c <= toCol; c++) {
      const cell = sheet.getCell(r, c);
      cell.font = look.font;
      cell.alignment = look.alignment;
      cell.numFmt = look.numFmt;
      if (look.border) cell.border = look.border;
      if (look.fill) cell.fill = look.fill;
    }
  }
  return master;
}

/** A number between `min` and `max`, at most two decimals by Excel's own check (a score within its 分值). */
export function decimalValidation(min: number, max: number, prompt?: string): ExcelJS.DataValidation {
  return {
    type: 'decimal',
    operator: 'between',
    allowBlank: true,
    formulae: [min, max],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '超出范围',
    error: `请填写 ${min}–${max} 之间的数字`,
    ...(prompt ? { showInputMessage: true, prompt } : {}),
  };
}

/** A drop-down list for a cell (Excel's data validation); `strict` refuses anything else, otherwise it only warns. */
export function listValidation(values: readonly string[], options: { strict: boolean; prompt?: string }): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    errorStyle: options.strict ? 'stop' : 'warning',
    errorTitle: '请从列表中选择',
    error: `可填写：${values.join('、')}`,
    ...(options.prompt ? { showInputMessage: true, prompt: options.prompt } : {}),
  };
}

/**
 * A row tall enough for wrapped text in a merged cell (Excel does not grow merged rows by itself):
 * `widthChars` is the merged width in Excel's character units, a CJK character taking about two.
 */
export function fitRowHeight(sheet: ExcelJS.Worksheet, row: number, text: string | null, widthChars: number, minHeight = 20): void {
  const units = [...(text ?? '')].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);
  const breaks = (text ?? '').split('\n').length - 1;
  const lines = Math.max(1, Math.ceil(units / Math.max(1, widthChars - 2)) + breaks);
  sheet.getRow(row).height = Math.min(409, Math.max(minHeight, lines * 15 + 6));
}

/** A tab name following Excel's rules and not yet used in the workbook ("名称", "名称(2)", …). */
export function uniqueSheetName(workbook: ExcelJS.Workbook, wanted: string): string {
  return uniqueSheetNames(
    [wanted],
    workbook.worksheets.map((w) => w.name),
  )[0]!;
}

/** Tab names for several sheets at once, unique among themselves and the names already taken (Excel ignores case). */
export function uniqueSheetNames(wanted: readonly string[], taken: readonly string[] = []): string[] {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  return wanted.map((w) => {
    const base = sheetName(w);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = base.slice(0, 31 - `(${n})`.length) + `(${n})`;
    used.add(name.toLowerCase());
    return name;
  });
}

function formLook(
  style: FormStyle,
  kind: FormKind,
): {
  font: Partial<ExcelJS.Font>;
  alignment: Partial<ExcelJS.Alignment>;
  numFmt: string;
  border?: Partial<ExcelJS.Borders>;
  fill?: ExcelJS.Fill;
} {
  const numFmt = kind === 'money' ? MONEY_FORMAT : kind === 'decimal' ? DECIMAL_FORMAT : TEXT_FORMAT;
  const wrap = { vertical: 'middle', wrapText: true } as const;
  switch (style) {
    case 'title':
      return { font: { name: FONT, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' }, numFmt };
    case 'label':
      return {
        font: { name: FONT, size: 11, bold: true },
        alignment: { horizontal: 'center', ...wrap },
        numFmt,
        border: BORDER,
        fill: HEADER_FILL,
      };
    case 'header':
      return {
        font: { name: FONT, size: 11, bold: true },
        alignment: { horizontal: 'center', ...wrap },
        numFmt,
        border: BORDER,
        fill: HEADER_FILL,
      };
    case 'value':
      return {
        font: { name: FONT, size: 11 },
        alignment: { horizontal: kind === 'money' ? 'right' : kind === 'decimal' ? 'center' : 'left', ...wrap },
        numFmt,
        border: BORDER,
      };
    case 'input':
      return {
        font: { name: FONT, size: 11 },
        alignment: { horizontal: kind === 'money' ? 'right' : kind === 'decimal' ? 'center' : 'left', ...wrap },
        numFmt,
        border: BORDER,
        fill: INPUT_FILL,
      };
    case 'note':
      return { font: { name: FONT, size: 10 }, alignment: { horizontal: 'left', ...wrap }, numFmt };
    case 'id':
      return { font: ID_FONT, alignment: { horizontal: 'left', vertical: 'middle' }, numFmt };
    case 'section':
      return { font: { name: FONT, size: 12, bold: true }, alignment: { horizontal: 'left', vertical: 'middle' }, numFmt };
  }
}
