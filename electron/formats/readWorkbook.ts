/**
 * Opening a workbook a unit sent: .xlsx, .xls (BIFF), .csv / .txt, or an HTML table saved as ".xls"
 * (a common export of older finance systems). The format is decided by the bytes, not the file name;
 * text is decoded by decodeText.ts first so GB18030 files read right; a picture, PDF or Word document
 * picked by mistake is named as such (fileKind.ts) in one message. The result is a plain grid of
 * cell values per sheet, plus the merged ranges, for findTable.ts to interpret.
 *
 * Trust: the bytes come from a file the user picked; they are parsed with SheetJS 0.20.3 (the release
 * without the prototype-pollution and ReDoS advisories), formulas are not kept (only cached values).
 * An .xlsx is inspected and unpacked by workbookInspection.ts before SheetJS sees it, so it can neither
 * hang the reader nor exhaust memory; every format is held to the same limits after parsing (sheets,
 * rows, cells, merged ranges, cell length), and every refusal is one zh-CN sentence from there. An old
 * .xls is bounded by its size only: SheetJS's BIFF formula parser can still loop on a damaged formula
 * record, which only running the import under a deadline stops.
 */
import * as XLSX from 'xlsx';
import * as cptable from 'xlsx/dist/cpexcel';
import { LedgerError } from '../../db/ledgerError';
import { decodeTextBytes, type TextEncodingName } from './decodeText';
import { notWorkbookKind, PASSWORD_PROTECTED } from './fileKind';
import { inspectZipWorkbook, textCellsAtMost, WORKBOOK_LIMITS, workbookRefusals } from './workbookInspection';

export { WORKBOOK_LIMITS } from './workbookInspection';

XLSX.set_cptable(cptable);

export type CellValue = string | number | boolean | null;

export interface CellRange {
  /** 0-based, inclusive. */
  s: { r: number; c: number };
  e: { r: number; c: number };
}

export interface SheetGrid {
  name: string;
  /** rows[r][c], 0-based and absolute (row 0 is Excel's row 1); missing cells are null. */
  rows: CellValue[][];
  merges: CellRange[];
}

export interface WorkbookGrid {
  fileName: string;
  format: 'xlsx' | 'xls' | 'text';
  /** For text files, how the bytes were decoded. */
  encoding: TextEncodingName | null;
  sheets: SheetGrid[];
}

export function readWorkbook(bytes: Uint8Array, fileName: string): WorkbookGrid {
  if (bytes.length === 0) throw workbookRefusals.empty(fileName);
  if (bytes.length > WORKBOOK_LIMITS.maxBytes) throw workbookRefusals.tooLarge(fileName, bytes.length);
  const kind = notWorkbookKind(bytes, fileName);
  if (kind === PASSWORD_PROTECTED) throw workbookRefusals.encrypted(fileName);
  if (kind) {
    throw new LedgerError('not_a_workbook', `“${fileName}”不是 Excel 工作簿（看起来是${kind}）。请选择单位报送的 .xlsx 或 .xls 文件。`);
  }
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const isCfb = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  // Throws its own zh-CN refusal; what it returns SheetJS can take apart without decompressing.
  const parts = isZip ? inspectZipWorkbook(bytes, fileName) : null;
  try {
    return parse(parts ?? bytes, fileName, isZip ? 'xlsx' : isCfb ? 'xls' : 'text');
  } catch (err) {
    if (err instanceof LedgerError) throw err;
    // SheetJS's own reason is English and technical; the clerk needs what to do.
    throw workbookRefusals.unreadable(fileName);
  }
}

function parse(bytes: Uint8Array, fileName: string, format: WorkbookGrid['format']): WorkbookGrid {
  // sheetRows stops SheetJS one row past the limit, so an oversized sheet is refused, not fully parsed.
  const options: XLSX.ParsingOptions = {
    dense: true,
    cellFormula: false,
    cellHTML: false,
    cellNF: false,
    cellText: false,
    cellStyles: false,
    sheetRows: WORKBOOK_LIMITS.maxRows + 1,
  };
  let book: XLSX.WorkBook;
  let encoding: TextEncodingName | null = null;
  if (format !== 'text') {
    book = XLSX.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { ...options, type: 'buffer' });
  } else {
    const decoded = decodeTextBytes(bytes);
    encoding = decoded.encoding;
    const cells = textCellsAtMost(decoded.text);
    if (cells > WORKBOOK_LIMITS.maxCells) throw workbookRefusals.tooManyCells(fileName, cells);
    // raw: keep every value as typed (codes such as 001 or 652822-23-0001 must not become numbers or dates).
    book = XLSX.read(decoded.text, { ...options, type: 'string', raw: true, sheet: sheetNameFor(fileName) });
  }
  // The same limits for every format: .xls and HTML tables are not inspected before parsing.
  if (book.SheetNames.length > WORKBOOK_LIMITS.maxSheets) throw workbookRefusals.tooManySheets(fileName, book.SheetNames.length);
  const sheets = book.SheetNames.map((name) => toGrid(name, book.Sheets[name], fileName));
  const merges = sheets.reduce((n, s) => n + s.merges.length, 0);
  if (merges > WORKBOOK_LIMITS.maxMerges) throw workbookRefusals.tooManyMerges(fileName, '', merges, WORKBOOK_LIMITS.maxMerges);
  const cells = sheets.reduce((n, s) => n + s.rows.reduce((m, row) => m + row.filter((v) => v !== null).length, 0), 0);
  if (cells > WORKBOOK_LIMITS.maxCells) throw workbookRefusals.tooManyCells(fileName, cells);
  return { fileName, format, encoding, sheets };
}

/** The letter Excel shows above a 0-based column: 0 → A, 27 → AB. */
export function columnLetter(c: number): string {
  return XLSX.utils.encode_col(c);
}

function sheetNameFor(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return (base || 'Sheet1').slice(0, 31);
}

function toGrid(name: string, sheet: XLSX.WorkSheet | undefined, fileName: string): SheetGrid {
  const data = (sheet as { '!data'?: (XLSX.CellObject | undefined)[][] } | undefined)?.['!data'] ?? [];
  if (data.length > WORKBOOK_LIMITS.maxRows) throw workbookRefusals.tooManyRows(fileName, name);
  const sourceMerges = (sheet?.['!merges'] ?? []) as XLSX.Range[];
  if (sourceMerges.length > WORKBOOK_LIMITS.maxMergesPerSheet) {
    throw workbookRefusals.tooManyMerges(fileName, `工作表“${name}”`, sourceMerges.length, WORKBOOK_LIMITS.maxMergesPerSheet);
  }
  const rows: CellValue[][] = [];
  for (let r = 0; r < data.length; r++) {
    const source = data[r] ?? [];
    const width = Math.min(source.length, WORKBOOK_LIMITS.maxColumns);
    const row: CellValue[] = new Array<CellValue>(width).fill(null);
    for (let c = 0; c < width; c++) {
      const value = cellValue(source[c]);
      if (typeof value === 'string' && value.length > WORKBOOK_LIMITS.maxCellChars) {
        throw workbookRefusals.cellTooLong(fileName, `工作表“${name}”第 ${r + 1} 行 ${columnLetter(c)} 列`);
      }
      row[c] = value;
    }
    rows.push(row);
  }
  // Only the part of a range inside the columns read: a range out to column XFD would widen every sheet scan.
  const lastColumn = WORKBOOK_LIMITS.maxColumns - 1;
  const merges = sourceMerges
    .filter((m) => m.s.c <= lastColumn)
    .map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: Math.min(m.e.c, lastColumn) } }));
  return { name, rows, merges };
}

function cellValue(cell: XLSX.CellObject | undefined): CellValue {
  if (!cell || cell.v == null) return null;
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' && Number.isFinite(cell.v) ? cell.v : null;
    case 'b':
      return Boolean(cell.v);
    case 'e':
      // A formula error (#DIV/0!, #REF!) is shown as such, so the row is reported rather than read as empty.
      return '#公式错误';
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v);
    default:
      return typeof cell.v === 'string' ? cell.v : String(cell.v);
  }
}
