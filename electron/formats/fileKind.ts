/**
 * What a file picked for import appears to be, from its first and last bytes, so a photo, a PDF or a
 * Word document sent by mistake gets one sentence naming it instead of a page of "找不到表头". Only
 * formats a clerk is likely to pick by mistake are named; anything else is left to the spreadsheet
 * reader (which also reads CSV, tab-separated text and HTML tables saved as .xls).
 */
import { readZipDirectory } from './zipDirectory';

/** What a ZIP package cut short (a half-copied .xlsx) looks like, for callers that call it damaged rather than foreign. */
export const INCOMPLETE_FILE = '不完整的文件，可能没有下载或复制完';

/** What an .xlsx with an open password looks like; the reader answers it with how to remove the password. */
export const PASSWORD_PROTECTED = '设置了打开密码的 Excel 文件';

/** Null when the bytes may be a workbook; otherwise what the file looks like, as the message says it. */
export function notWorkbookKind(bytes: Uint8Array, fileName: string): string | null {
  const starts = (...signature: number[]) => signature.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'PNG 图片';
  if (starts(0xff, 0xd8, 0xff)) return 'JPEG 图片';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'GIF 图片';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'PDF 文件';
  if (starts(0x52, 0x61, 0x72, 0x21)) return 'RAR 压缩包';
  if (starts(0x37, 0x7a, 0xbc, 0xaf)) return '7z 压缩包';
  if (starts(0x50, 0x4b)) return zipKind(bytes);
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return compoundKind(bytes);
  if (hasBinaryControlBytes(bytes)) return '无法识别的二进制文件';
  // An .xlsx is always a ZIP package: text under that name was renamed, not saved by Excel or WPS.
  if (/\.xls[xm]$/i.test(fileName)) return '文本文件，只是扩展名改成了 .xlsx';
  return null;
}

/**
 * A ZIP package, by the names in its central directory: .xlsx keeps its sheets under xl/ (an OpenDocument
 * spreadsheet under content.xml with its mimetype), .docx under word/, .pptx under ppt/. A package whose
 * end-of-directory record is missing was cut short.
 */
function zipKind(bytes: Uint8Array): string | null {
  const names = readZipDirectory(bytes)?.entries.map((e) => e.name);
  if (!names) return INCOMPLETE_FILE;
  if (names.some((n) => n.startsWith('xl/') || n === 'content.xml')) return null;
  if (names.some((n) => n.startsWith('word/'))) return 'Word 文档';
  if (names.some((n) => n.startsWith('ppt/'))) return 'PowerPoint 演示文稿';
  return 'ZIP 压缩包';
}

/**
 * The old Office container holds .xls, .doc and .ppt alike, and an .xlsx with an open password; the
 * stream names in its directory (UTF-16) tell them apart. A workbook is checked first: an .xls may embed
 * a Word object, whose streams then appear too.
 */
function compoundKind(bytes: Uint8Array): string | null {
  const text = new TextDecoder('latin1').decode(bytes);
  const utf16 = (name: string) => text.includes(name.split('').join('\0') + '\0');
  if (utf16('EncryptedPackage')) return PASSWORD_PROTECTED;
  if (utf16('Workbook') || utf16('Book')) return null;
  if (utf16('WordDocument')) return 'Word 97-2003 文档';
  if (utf16('PowerPoint Document')) return 'PowerPoint 97-2003 演示文稿';
  return null;
}

/**
 * Text in the encodings the reader decodes has no control bytes other than tab, line breaks, form feed
 * and end-of-file; a binary file has many in its first KB. (UTF-16 with a byte-order mark is text.)
 */
function hasBinaryControlBytes(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const n = Math.min(bytes.length, 1024);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) controls++;
  }
  return controls > n * 0.05;
}
