/**
 * Opening a workbook a unit sent: .xlsx, .xls (BIFF), .csv / .txt, or an HTML table saved as ".xls"
 * (a common export of older finance systems). The format is decided by the bytes, not the file name;
 * text is decoded by decodeText.ts first so GB18030 files read right; a picture, PDF or Word document
 * picked by mistake is named as such (fileKind.ts) in one message. The result is a plain grid of
 * cell values per sheet, plus the merged ranges, for findTable.ts to interpret.
 *
 * Trust: the bytes come from a file the user picked; they are parsed with SheetJS 0.20.3 (the release
 * without the prototype-pollution and ReDoS advisories), formulas are not kept (only cached values),
 * and size is bounded so a hostile file cannot exhaust memory.
 */
import * as XLSX from 'xlsx';
import * as cptable from 'xlsx/dist/cpexcel';
import { LedgerError } from '../../db/ledgerError';
import { decodeTextBytes, type TextEncodingName } from './decodeText';
import { notWorkbookKind } from './fileKind';

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

/** Bounds for files from outside: far above any county's project list, far below trouble. */
export const WORKBOOK_LIMITS = { maxBytes: 30 * 1024 * 1024, maxRows: 100_000, maxColumns: 256 } as const;

export function readWorkbook(bytes: Uint8Array, fileName: string): WorkbookGrid {
  if (bytes.length === 0) throw new LedgerError('file_empty', `${fileName} 是空文件。请确认选择了正确的文件。`);
  if (bytes.length > WORKBOOK_LIMITS.maxBytes) {
    throw new LedgerError(
      'file_too_large',
      `${fileName} 超过 ${WORKBOOK_LIMITS.maxBytes / 1024 / 1024} MB，不像是一份项目表。请只保留需要导入的工作表后再试。`,
    );
  }
  const kind = notWorkbookKind(bytes, fileName);
  if (kind) {
    throw new LedgerError('not_a_workbook', `“${fileName}”不是 Excel 工作簿（看起来是${kind}）。请选择单位报送的 .xlsx 或 .xls 文件。`);
  }
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
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const isCfb = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  let book: XLSX.WorkBook;
  let encoding: TextEncodingName | null = null;
  try {
    if (isZip || isCfb) {
      book = XLSX.read(bytes, { ...options, type: 'buffer' });
    } else {
      const decoded = decodeTextBytes(bytes);
      encoding = decoded.encoding;
      // raw: keep every value as typed (codes such as 001 or 652822-23-0001 must not become numbers or dates).
      book = XLSX.read(decoded.text, { ...options, type: 'string', raw: true, sheet: sheetNameFor(fileName) });
    }
  } catch {
    // SheetJS's own reason is English and technical; the clerk needs what to do.
    throw new LedgerError(
      'file_unreadable',
      `无法读取“${fileName}”：文件可能已损坏、被加密，或不是 Excel/CSV 文件。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。`,
    );
  }
  const sheets = book.SheetNames.map((name) => toGrid(name, book.Sheets[name], fileName));
  return { fileName, format: isZip ? 'xlsx' : isCfb ? 'xls' : 'text', encoding, sheets };
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
  if (data.length > WORKBOOK_LIMITS.maxRows) {
    throw new LedgerError(
      'file_too_large',
      `${fileName} 工作表“${name}”有 ${data.length} 行，超过 ${WORKBOOK_LIMITS.maxRows} 行的上限。请拆分后再导入。`,
    );
  }
  const rows: CellValue[][] = [];
  for (let r = 0; r < data.length; r++) {
    const source = data[r] ?? [];
    const width = Math.min(source.length, WORKBOOK_LIMITS.maxColumns);
    const row: CellValue[] = new Array<CellValue>(width).fill(null);
    for (let c = 0; c < width; c++) row[c] = cellValue(source[c]);
    rows.push(row);
  }
  const merges = ((sheet?.['!merges'] ?? []) as XLSX.Range[]).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } }));
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
