/**
 * The ZIP container an .xlsx is stored in, read and written by hand: its central directory (what the
 * package says it holds, read without unpacking anything) and a package of uncompressed entries. Both
 * fileKind.ts (what a picked file is) and workbookInspection.ts (whether it is safe to parse) read the
 * directory here.
 */

export interface ZipEntry {
  /** The name as stored (bytes), and decoded as UTF-8 for comparisons and messages. */
  rawName: Uint8Array;
  name: string;
  /** General-purpose flags: bits 0, 6 and 13 mean encryption, bit 11 a UTF-8 name. */
  flags: number;
  /** 0 stored, 8 deflated; anything else no spreadsheet program writes. */
  method: number;
  crc32: number;
  compressedSize: number;
  /** Unpacked size as the directory declares it (not yet proven). */
  size: number;
  /** Where the entry's local header starts. */
  headerOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** The count the end record declares; more than were read means the directory is broken. */
  declaredCount: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** A 32-bit field at this value says the real figure is in the ZIP64 extra field. */
const ZIP64_MARK = 0xffffffff;

/** The central directory, or null when the end record is missing (a file cut short). */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  // The end record (PK 05 06, 22 bytes plus a comment of up to 64 KB) closes every complete ZIP.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const declaredCount = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let k = 0; k < declaredCount && at + 46 <= bytes.length && view.getUint32(at, true) === DIRECTORY_ENTRY; k++) {
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    const entry: ZipEntry = {
      rawName,
      name: decoder.decode(rawName),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc32: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      headerOffset: view.getUint32(at + 42, true),
    };
    readZip64Sizes(view, at + 46 + nameLength, Math.min(extraLength, bytes.length - (at + 46 + nameLength)), entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + view.getUint16(at + 32, true);
  }
  return { entries, declaredCount };
}

/** Sizes and offset a ZIP64 extra field gives for the fields marked 0xFFFFFFFF, in the order the format fixes. */
function readZip64Sizes(view: DataView, start: number, length: number, entry: ZipEntry): void {
  for (let at = start; at + 4 <= start + length;) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + size) return ZIP64_MARK;
        const value = view.getUint32(field, true) + view.getUint32(field + 4, true) * 2 ** 32;
        field += 8;
        return value;
      };
      if (entry.size === ZIP64_MARK) entry.size = next();
      if (entry.compressedSize === ZIP64_MARK) entry.compressedSize = next();
      if (entry.headerOffset === ZIP64_MARK) entry.headerOffset = next();
      return;
    }
    at += 4 + size;
  }
}

/** Where an entry's stored bytes are, from its local header; null when the header is not where the directory says. */
export function entryDataRange(bytes: Uint8Array, entry: ZipEntry): { start: number; end: number } | null {
  const at = entry.headerOffset;
  if (at + 30 > bytes.length) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(at, true) !== LOCAL_HEADER) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  return end <= bytes.length ? { start, end } : null;
}

export interface StoredPart {
  rawName: Uint8Array;
  /** Keeps bit 11 (UTF-8 name) of the original entry. */
  flags: number;
  crc32: number;
  size: number;
}

/**
 * A ZIP of uncompressed (stored) entries, so a reader needs no decompressor to take it apart. The
 * package is allocated once; `fill` writes each part's bytes into the place kept for it, so the parts
 * need not all be held at once beside it.
 */
export function storedZip(parts: readonly StoredPart[], fill: (index: number, place: Uint8Array) => void): Uint8Array {
  let total = 22;
  for (const p of parts) total += 30 + 46 + 2 * p.rawName.length + p.size;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  const header = (signature: number, p: StoredPart, central: boolean) => {
    view.setUint32(at, signature, true);
    let f = at + 4;
    if (central) {
      view.setUint16(f, 20, true); // made by: version 2.0
      f += 2;
    }
    view.setUint16(f, 20, true); // needed to extract: version 2.0
    view.setUint16(f + 2, p.flags & 0x0800, true);
    view.setUint16(f + 4, 0, true); // method: stored
    view.setUint32(f + 6, 0x00210000, true); // 1980-01-01 00:00
    view.setUint32(f + 10, p.crc32, true);
    view.setUint32(f + 14, p.size, true);
    view.setUint32(f + 18, p.size, true);
    view.setUint16(f + 22, p.rawName.length, true);
    return f + 24;
  };
  parts.forEach((p, i) => {
    offsets.push(at);
    const f = header(LOCAL_HEADER, p, false);
    // Extra field length stays 0.
    out.set(p.rawName, f + 2);
    const start = f + 2 + p.rawName.length;
    fill(i, out.subarray(start, start + p.size));
    at = start + p.size;
  });
  const directoryStart = at;
  parts.forEach((p, i) => {
    const f = header(DIRECTORY_ENTRY, p, true);
    // Extra and comment lengths, disk number and attributes stay 0; then the local header's offset.
    view.setUint32(f + 12, offsets[i]!, true);
    out.set(p.rawName, f + 16);
    at = f + 16 + p.rawName.length;
  });
  view.setUint32(at, END_OF_DIRECTORY, true);
  view.setUint16(at + 8, parts.length, true);
  view.setUint16(at + 10, parts.length, true);
  view.setUint32(at + 12, at - directoryStart, true);
  view.setUint32(at + 16, directoryStart, true);
  return out;
}
