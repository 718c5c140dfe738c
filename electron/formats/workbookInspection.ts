/**
 * A workbook from outside is inspected before it is parsed: SheetJS's own decompressor can loop forever
 * on a damaged stream, and trusts what the package declares (a 30 KB file claiming 4 GB per part, one
 * sheet part shared by sixty sheets, a million merged ranges). So the ZIP of an .xlsx is taken apart
 * here first: every part SheetJS reads is unpacked with Node's zlib, never past the limit, its size and
 * CRC-32 proven against the directory; then cheap scans of the unpacked XML count sheets, merged ranges
 * and the longest text. SheetJS gets the parts back as a ZIP of uncompressed entries, so its decompressor
 * never runs. Every refusal is one zh-CN sentence saying what to do.
 *
 * The limits sit far above any county's workbook (a few MB, tens of sheets, thousands of rows; the
 * ledger's own templates hold a sheet per project) and far below what exhausts memory or time.
 */
import zlib from 'node:zlib';
import { LedgerError } from '../../db/ledgerError';
import { entryDataRange, readZipDirectory, storedZip, type ZipEntry } from './zipDirectory';

const MB = 1024 * 1024;

export const WORKBOOK_LIMITS = {
  /** The picked file itself. */
  maxBytes: 30 * MB,
  /** Everything the reader unpacks from one .xlsx. */
  maxUnpackedBytes: 200 * MB,
  /** Parts inside one .xlsx. */
  maxEntries: 10_000,
  maxSheets: 2_000,
  maxRows: 100_000,
  /** Cells with a value, in all sheets: what parsing time and memory grow with (100,000 rows of 10 columns). */
  maxCells: 1_000_000,
  /** Columns past this are not read. */
  maxColumns: 256,
  maxMergesPerSheet: 50_000,
  maxMerges: 500_000,
  /** Excel's own limit for one cell. */
  maxCellChars: 32_767,
} as const;

// Rounded up, so a size just over a limit never reads as equal to it.
const megabytes = (n: number) => (n < 10 * MB ? (Math.ceil((n / MB) * 10) / 10).toFixed(1) : String(Math.ceil(n / MB)));

/** The one sentence for each way a file is refused; the file name opens it. */
export const workbookRefusals = {
  empty: (f: string) => new LedgerError('file_empty', `${f} 是空文件。请确认选择了正确的文件。`),
  tooLarge: (f: string, bytes: number) =>
    new LedgerError(
      'file_too_large',
      `“${f}”有 ${megabytes(bytes)} MB，超过 ${WORKBOOK_LIMITS.maxBytes / MB} MB 的上限，不像是单位报送的表格，未导入。请只保留需要导入的工作表，另存后再导入。`,
    ),
  unpacksTooLarge: (f: string, bytes: number) =>
    new LedgerError(
      'file_too_large',
      `“${f}”解压后有 ${megabytes(bytes)} MB，超过 ${WORKBOOK_LIMITS.maxUnpackedBytes / MB} MB 的上限，不像是单位报送的表格，未导入。请只保留需要导入的工作表，另存后再导入；若文件本身不大，它可能被改动过，请让报送单位重新发送原文件。`,
    ),
  damaged: (f: string) =>
    new LedgerError('file_damaged', `“${f}”已损坏，无法读取：可能没有复制完整，或被改动过，未导入。请让报送单位重新发送原文件。`),
  encrypted: (f: string) =>
    new LedgerError(
      'file_encrypted',
      `“${f}”设置了打开密码，无法读取，未导入。请在 Excel 中打开它，在“文件 → 信息 → 保护工作簿 → 用密码进行加密”中清空密码后另存，再导入。`,
    ),
  /** `what` says in plain words what is wrong inside the package. */
  abnormal: (f: string, what: string) =>
    new LedgerError(
      'file_abnormal',
      `“${f}”的内部结构不像 Excel 或 WPS 保存的工作簿（${what}），可能被改动过，未导入。请让报送单位用 Excel 或 WPS 打开后另存为 .xlsx，再重新发送。`,
    ),
  tooManySheets: (f: string, sheets: number) =>
    new LedgerError(
      'file_too_large',
      `“${f}”有 ${sheets} 个工作表，超过 ${WORKBOOK_LIMITS.maxSheets} 个的上限，未导入。请只保留需要导入的工作表，另存后再导入。`,
    ),
  tooManyRows: (f: string, sheet: string) =>
    new LedgerError(
      'file_too_large',
      `“${f}”工作表“${sheet}”超过 ${WORKBOOK_LIMITS.maxRows} 行的上限，未导入。请把它拆成几个文件后分别导入。`,
    ),
  tooManyCells: (f: string, cells: number) =>
    new LedgerError(
      'file_too_large',
      `“${f}”约有 ${cells} 个单元格，超过 ${WORKBOOK_LIMITS.maxCells} 个的上限，未导入。请只保留需要导入的工作表和行，另存后再导入，或拆成几个文件分别导入。`,
    ),
  /** `where` names the sheet (工作表“…”) or is empty for the whole file. */
  tooManyMerges: (f: string, where: string, merges: number, limit: number) =>
    new LedgerError(
      'file_too_large',
      `“${f}”${where}有 ${merges} 个合并单元格，超过 ${limit} 个的上限，不像是正常填写的表格，未导入。请取消不需要的合并单元格，另存后再导入。`,
    ),
  /** `where` names the sheet and cell, or is empty. */
  cellTooLong: (f: string, where: string) =>
    new LedgerError(
      'file_too_large',
      `“${f}”${where}的内容超过 ${WORKBOOK_LIMITS.maxCellChars} 个字符（Excel 单元格的上限），不像是正常填写的表格，未导入。请检查后另存再导入，或让报送单位重新发送原文件。`,
    ),
  unreadable: (f: string) =>
    new LedgerError(
      'file_unreadable',
      `无法读取“${f}”：文件可能已损坏、被加密，或不是 Excel/CSV 文件。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。`,
    ),
};

/**
 * Checks an .xlsx package (fileKind.ts has already seen its directory name a workbook) and returns it
 * rebuilt of uncompressed parts for SheetJS. Pictures, embedded objects and printer settings are left
 * out unread: SheetJS does not read them, and a bomb hidden there is never unpacked.
 */
export function inspectZipWorkbook(bytes: Uint8Array, fileName: string): Uint8Array {
  const directory = readZipDirectory(bytes);
  if (!directory || directory.entries.length < directory.declaredCount) throw workbookRefusals.damaged(fileName);
  const { entries, declaredCount } = directory;
  // 0xFFFF in the end record means a ZIP64 count, which no workbook of this size needs.
  if (declaredCount === 0xffff || entries.length > WORKBOOK_LIMITS.maxEntries) {
    throw workbookRefusals.abnormal(fileName, `内含 ${declaredCount} 个部件，上限 ${WORKBOOK_LIMITS.maxEntries} 个`);
  }
  const kept = checkedEntries(entries, fileName);
  const parts: { entry: ZipEntry; data: Uint8Array }[] = [];
  // Each part is unpacked straight into its place in the new package (which the scans then read), so the
  // unpacked bytes are held once.
  const rebuilt = storedZip(kept, (i, place) => {
    place.set(unpack(bytes, kept[i]!, fileName));
    parts.push({ entry: kept[i]!, data: place });
  });
  scanParts(parts, fileName);
  return rebuilt;
}

const UNREAD_PARTS = /^(xl\/(media|embeddings|printerSettings)\/|docProps\/thumbnail\.)|\.(png|jpe?g|gif|bmp|emf|wmf|tiff?)$/i;

/** The entries SheetJS reads, after the checks the directory alone allows. */
function checkedEntries(entries: readonly ZipEntry[], fileName: string): ZipEntry[] {
  const names = new Set<string>();
  const kept: ZipEntry[] = [];
  let declared = 0;
  for (const entry of entries) {
    // Part names compare case-insensitively (as SheetJS finds them): two spellings of one name are one part twice.
    const key = entry.name.toLowerCase();
    if (names.has(key)) throw workbookRefusals.abnormal(fileName, '有两个同名的部件');
    names.add(key);
    if (entry.flags & 0x2041) throw workbookRefusals.encrypted(fileName);
    if (entry.method !== 0 && entry.method !== 8) throw workbookRefusals.abnormal(fileName, '使用了 Excel 和 WPS 不用的压缩方式');
    if (UNREAD_PARTS.test(entry.name) || entry.name.endsWith('/')) continue;
    declared += entry.size;
    kept.push(entry);
  }
  if (declared > WORKBOOK_LIMITS.maxUnpackedBytes) throw workbookRefusals.unpacksTooLarge(fileName, declared);
  return kept;
}

/** One part unpacked, never past its declared size (already within the limit), with size and CRC-32 proven. */
function unpack(bytes: Uint8Array, entry: ZipEntry, fileName: string): Uint8Array {
  const range = entryDataRange(bytes, entry);
  if (!range) throw workbookRefusals.damaged(fileName);
  const stored = bytes.subarray(range.start, range.end);
  let data: Uint8Array;
  if (entry.method === 0) data = stored;
  else {
    try {
      // A stream longer than declared stops here, at one byte over (a lying header or a bomb).
      data = zlib.inflateRawSync(stored, { maxOutputLength: Math.max(1, entry.size) });
    } catch {
      throw workbookRefusals.damaged(fileName);
    }
  }
  if (data.length !== entry.size || zlib.crc32(data) !== entry.crc32) throw workbookRefusals.damaged(fileName);
  return data;
}

const SHEET_RELATIONSHIP = /\/(worksheet|chartsheet|dialogsheet|xlMacrosheet|xlIntlMacrosheet)$/;

/** Sheets (how many, and no two on one part), merged ranges and the longest text, from the unpacked XML. */
function scanParts(parts: readonly { entry: ZipEntry; data: Uint8Array }[], fileName: string): void {
  const sheetParts = new Map<string, string>();
  const workbooks: { name: string; sheets: { name: string; id: string }[] }[] = [];
  const relationships = new Map<string, Map<string, string>>();
  for (const { entry, data } of parts) {
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (entry.name.endsWith('.rels')) {
      const targets = sheetTargets(entry.name, buffer.toString('utf8'));
      if (new Set(targets.values()).size < targets.size) throw workbookRefusals.abnormal(fileName, '多个工作表指向同一份数据');
      relationships.set(entry.name.toLowerCase(), targets);
    } else if (buffer.includes('<sheets') || buffer.includes(':sheets')) {
      const sheets = sheetElements(buffer.toString('utf8'));
      if (sheets.length > WORKBOOK_LIMITS.maxSheets) throw workbookRefusals.tooManySheets(fileName, sheets.length);
      if (new Set(sheets.map((s) => s.id)).size < sheets.length) throw workbookRefusals.abnormal(fileName, '多个工作表指向同一份数据');
      workbooks.push({ name: entry.name, sheets });
    }
  }
  // Which part is which sheet, so a message can name the sheet as the clerk sees it.
  for (const book of workbooks) {
    const slash = book.name.lastIndexOf('/');
    const rels = relationships.get(`${book.name.slice(0, slash + 1)}_rels/${book.name.slice(slash + 1)}.rels`.toLowerCase());
    for (const sheet of book.sheets) {
      const part = rels?.get(sheet.id);
      if (part) sheetParts.set(part, sheet.name);
    }
  }
  let merges = 0;
  let cells = 0;
  for (const { entry, data } of parts) {
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const sheet = sheetParts.get(entry.name.toLowerCase());
    const where = sheet === undefined ? '' : `工作表“${sheet}”`;
    // The form SheetJS reads a merged range in; a count, not a parse, so a million of them cost little.
    const inSheet = count(buffer, 'mergeCell ref=');
    const { maxMergesPerSheet, maxMerges, maxCellChars } = WORKBOOK_LIMITS;
    if (inSheet > maxMergesPerSheet) throw workbookRefusals.tooManyMerges(fileName, where, inSheet, maxMergesPerSheet);
    merges += inSheet;
    if (merges > maxMerges) throw workbookRefusals.tooManyMerges(fileName, '', merges, maxMerges);
    cells += cellTags(buffer);
    if (cells > WORKBOOK_LIMITS.maxCells) throw workbookRefusals.tooManyCells(fileName, cells);
    // UTF-8 takes at most 3 bytes per character Excel counts; the slack covers entities such as &amp;.
    if (longestTextOver(buffer, maxCellChars * 4))
      throw workbookRefusals.cellTooLong(fileName, where ? `${where}中一个单元格` : '中一段文字');
  }
}

/** A relationships part's sheet targets by id, as part names (lower case) resolved against the part's folder. */
function sheetTargets(relsName: string, xml: string): Map<string, string> {
  const base = relsName.replace(/_rels\/[^/]*$/, '');
  const targets = new Map<string, string>();
  for (const tag of xml.match(/<(?:\w+:)?Relationship\s[^>]*>/g) ?? []) {
    const type = attribute(tag, 'Type');
    const target = attribute(tag, 'Target');
    if (!type || !target || !SHEET_RELATIONSHIP.test(type)) continue;
    targets.set(attribute(tag, 'Id') ?? '', resolvePart(base, target));
  }
  return targets;
}

function sheetElements(xml: string): { name: string; id: string }[] {
  return (xml.match(/<(?:\w+:)?sheet\s[^>]*>/g) ?? []).map((tag) => ({
    name: unescapeXml(attribute(tag, 'name') ?? ''),
    id: /\s\w+:id\s*=\s*["']([^"']*)["']/.exec(tag)?.[1] ?? '',
  }));
}

function attribute(tag: string, name: string): string | null {
  return new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`).exec(tag)?.[1] ?? null;
}

function unescapeXml(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(parseInt(e.slice(e[1] === 'x' || e[1] === 'X' ? 2 : 1), e[1] === 'x' || e[1] === 'X' ? 16 : 10))
      : (named[e] ?? whole),
  );
}

function resolvePart(base: string, target: string): string {
  const path = target.startsWith('/') ? [] : base.split('/').filter(Boolean);
  for (const step of target.split('/')) {
    if (step === '..') path.pop();
    else if (step && step !== '.') path.push(step);
  }
  return path.join('/').toLowerCase();
}

function count(buffer: Buffer, text: string): number {
  let n = 0;
  for (let at = buffer.indexOf(text); at >= 0; at = buffer.indexOf(text, at + text.length)) n++;
  return n;
}

/** Cell elements (<c …>, or <x:c …> with a namespace prefix), as SheetJS's parser finds them. */
function cellTags(buffer: Buffer): number {
  const ends = (b: number | undefined) => b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d;
  let n = 0;
  for (let at = buffer.indexOf('<c'); at >= 0; at = buffer.indexOf('<c', at + 2)) if (ends(buffer[at + 2])) n++;
  for (let at = buffer.indexOf(':c'); at >= 0; at = buffer.indexOf(':c', at + 2)) {
    if (!ends(buffer[at + 2])) continue;
    let p = at - 1;
    while (p >= 0 && /\w/.test(String.fromCharCode(buffer[p]!))) p--;
    if (p < at - 1 && buffer[p] === 0x3c) n++;
  }
  return n;
}

/**
 * A text file's cells, over-counted cheaply before parsing: every separator, line break or table cell
 * tag may start one (CSV, tab-separated text, an HTML table saved as .xls).
 */
export function textCellsAtMost(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2c || c === 0x09 || c === 0x0a || c === 0x3b) n++;
    else if (c === 0x3c && (text.charCodeAt(i + 1) | 0x20) === 0x74) n++; // <td, <th, <tr
  }
  return n;
}

/**
 * Whether some stretch between two '<' is longer than `limit` bytes. Jumping to the last '<' within
 * reach costs one short backward search per `limit` bytes, not one per tag.
 */
function longestTextOver(buffer: Buffer, limit: number): boolean {
  for (let at = -1; at + limit + 1 < buffer.length;) {
    const next = buffer.lastIndexOf(0x3c, at + limit + 1);
    if (next <= at) return true;
    at = next;
  }
  return false;
}
