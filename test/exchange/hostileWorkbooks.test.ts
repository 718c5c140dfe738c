/**
 * Hostile and broken files, built here from real bytes: each is refused quickly with one zh-CN sentence
 * of the right kind — no English internals, no hang (a hang fails as the test timeout), no memory
 * blow-up — by the reader and by real importers' previews and commits, and nothing is written.
 *
 * Crafted packages are written by a small ZIP writer below (independent of the one the reader uses), on
 * a minimal .xlsx that is first shown to read correctly, so each refusal is the hostility's doing.
 */
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, projects } from '../../db/schema';
import type { ServiceContext } from '../../electron/ledger/context';
import { readWorkbook } from '../../electron/formats/readWorkbook';
import { commitProjectImport, previewProjectImport } from '../../electron/projects/projectImport';
import { previewTargetImport } from '../../electron/targets/targetImport';
import { PROJECT_HEADER, projectRow, utf8Bytes } from '../fixtures/workbooks';
import { freshContext } from '../ledger/tempLedger';

const YEAR = 2023;

interface Part {
  name: string;
  data: Uint8Array;
  /** 8 (default): deflated here; 0: stored. */
  method?: 0 | 8;
  /** Already deflated bytes, for a bomb built without holding what it unpacks to twice. */
  deflated?: Uint8Array;
  /** What the headers claim, when they lie. */
  declaredSize?: number;
  flags?: number;
}

/** A ZIP as Excel writes one: local headers, data, central directory, end record. */
function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const method = p.method ?? 8;
    const body = p.deflated ? Buffer.from(p.deflated) : method === 8 ? zlib.deflateRawSync(p.data) : Buffer.from(p.data);
    const name = Buffer.from(p.name, 'utf8');
    const fields = (h: Buffer, at: number) => {
      h.writeUInt16LE(20, at);
      h.writeUInt16LE((p.flags ?? 0) | 0x0800, at + 2);
      h.writeUInt16LE(method, at + 4);
      h.writeUInt32LE(0x00210000, at + 6);
      h.writeUInt32LE(zlib.crc32(p.data), at + 10);
      h.writeUInt32LE(body.length, at + 14);
      h.writeUInt32LE(p.declaredSize ?? p.data.length, at + 18);
      h.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const text = (s: string) => Buffer.from(s, 'utf8');
const NS = 'http://schemas.openxmlformats.org';
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** Sheet XML with inline strings: rows of cells, and merged ranges as given. */
function sheetXml(rows: (string | number)[][], merges = ''): string {
  const cells = rows
    .map(
      (row, r) =>
        `<row r="${r + 1}">${row
          .map((v, c) => {
            const ref = `${XLSX.utils.encode_col(c)}${r + 1}`;
            return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${escape(v)}</t></is></c>`;
          })
          .join('')}</row>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}/spreadsheetml/2006/main"><sheetData>${cells}</sheetData>${merges}</worksheet>`;
}

/**
 * A minimal .xlsx: `sheets` names each sheet and the part it points at (several may share one part);
 * `partXml` gives each part's XML.
 */
function minimalXlsx(sheets: { name: string; part: string }[], partXml: Map<string, string | Part>): Buffer {
  const types = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${NS}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${[
    ...partXml.keys(),
  ]
    .map((p) => `<Override PartName="/xl/${p}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join('')}</Types>`;
  const rootRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const book = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${NS}/officeDocument/2006/relationships"><sheets>${sheets
    .map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('')}</sheets></workbook>`;
  const bookRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS}/package/2006/relationships">${sheets
    .map((s, i) => `<Relationship Id="rId${i + 1}" Type="${NS}/officeDocument/2006/relationships/worksheet" Target="${s.part}"/>`)
    .join('')}</Relationships>`;
  return zip([
    { name: '[Content_Types].xml', data: text(types) },
    { name: '_rels/.rels', data: text(rootRels) },
    { name: 'xl/workbook.xml', data: text(book) },
    { name: 'xl/_rels/workbook.xml.rels', data: text(bookRels) },
    ...[...partXml].map(([p, xml]) => (typeof xml === 'string' ? { name: `xl/${p}`, data: text(xml) } : { ...xml, name: `xl/${p}` })),
  ]);
}

const oneSheet = (xml: string | Part) =>
  minimalXlsx([{ name: '明细', part: 'worksheets/sheet1.xml' }], new Map([['worksheets/sheet1.xml', xml]]));
const PROJECT_ROWS = [
  ['预算单位', '项目名称', '年初预算数（万元）'],
  ['县水利局', '农田水利设施维护', 12.5],
];

/** Real Excel-style bytes (deflated parts), from the spreadsheet library. */
function realXlsx(): Buffer {
  const book = XLSX.utils.book_new();
  const rows = [PROJECT_HEADER, ...Array.from({ length: 40 }, (_, i) => projectRow(i + 1, { name: `项目${i + 1}` }))];
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows as unknown[][]), '项目');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

/** The real workbook with one bit flipped in the middle of its sheet's deflated stream. */
function flippedBit(real: Buffer): Buffer {
  for (let at = 0; real.readUInt32LE(at) === 0x04034b50;) {
    const nameLength = real.readUInt16LE(at + 26);
    const start = at + 30 + nameLength + real.readUInt16LE(at + 28);
    const size = real.readUInt32LE(at + 18);
    if (real.toString('utf8', at + 30, at + 30 + nameLength) === 'xl/worksheets/sheet1.xml') {
      expect(real.readUInt16LE(at + 8)).toBe(8);
      const copy = Buffer.from(real);
      copy[start + (size >> 1)]! ^= 0x10;
      return copy;
    }
    at = start + size;
  }
  throw new Error('工作表部件未找到');
}

/** An old-format container holding an encrypted package, as Excel saves a workbook with an open password. */
function passwordProtected(): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, 'EncryptionInfo', Buffer.alloc(200, 1));
  XLSX.CFB.utils.cfb_add(cfb, 'EncryptedPackage', Buffer.alloc(5000, 2));
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const PDF = utf8Bytes('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', false);

const DAMAGED = /已损坏，无法读取.*请让报送单位重新发送原文件/;
const INCOMPLETE = /不是 Excel 工作簿（看起来是不完整的文件/;
const UNPACKS_TOO_LARGE = /解压后有 \d+ MB，超过 200 MB 的上限/;

let cases: { name: string; file: string; bytes: Uint8Array; expected: RegExp }[] = [];

beforeAll(() => {
  const real = realXlsx();
  const manyMerges = Array.from({ length: 100_000 }, (_, i) => `<mergeCell ref="A${2 * i + 3}:B${2 * i + 3}"/>`).join('');
  const zeros = Buffer.alloc(200 * 1024 * 1024 + 1);
  const bomb = zlib.deflateRawSync(zeros, { level: 1 });
  const manySheets = Array.from({ length: 5000 }, (_, i) => ({ name: `表${i + 1}`, part: `worksheets/sheet${i + 1}.xml` }));
  const hugeCell = sheetXml([...PROJECT_ROWS, ['县财政局', '长说明', 'x'.repeat(10 * 1024 * 1024)]]);
  cases = [
    { name: 'one flipped bit in a deflated sheet', file: '翻转.xlsx', bytes: flippedBit(real), expected: DAMAGED },
    { name: 'the first 30 bytes', file: '前30字节.xlsx', bytes: real.subarray(0, 30), expected: INCOMPLETE },
    { name: 'the first half', file: '半截.xlsx', bytes: real.subarray(0, real.length >> 1), expected: INCOMPLETE },
    {
      name: 'a bomb: a sheet of 200 MB of zeros',
      file: '炸弹.xlsx',
      bytes: oneSheet({ name: '', data: zeros.subarray(0, 1), deflated: bomb, declaredSize: zeros.length }),
      expected: UNPACKS_TOO_LARGE,
    },
    {
      name: 'the same bomb declaring 1 KB',
      file: '谎报炸弹.xlsx',
      bytes: oneSheet({ name: '', data: zeros.subarray(0, 1024), deflated: bomb }),
      expected: DAMAGED,
    },
    {
      name: 'headers claiming 4 GB per part',
      file: '谎报大小.xlsx',
      bytes: oneSheet({ name: '', data: text(sheetXml(PROJECT_ROWS)), declaredSize: 0xfffffff0 }),
      expected: UNPACKS_TOO_LARGE,
    },
    {
      name: '60 sheets pointing at one part',
      file: '同一数据.xlsx',
      bytes: minimalXlsx(
        Array.from({ length: 60 }, (_, i) => ({ name: `表${i + 1}`, part: 'worksheets/sheet1.xml' })),
        new Map([['worksheets/sheet1.xml', sheetXml(PROJECT_ROWS)]]),
      ),
      expected: /多个工作表指向同一份数据/,
    },
    {
      name: '100,000 merged ranges',
      file: '合并.xlsx',
      bytes: oneSheet(sheetXml(PROJECT_ROWS, `<mergeCells count="100000">${manyMerges}</mergeCells>`)),
      expected: /工作表“明细”有 100000 个合并单元格，超过 50000 个的上限/,
    },
    {
      name: '5,000 sheets',
      file: '五千表.xlsx',
      bytes: minimalXlsx(manySheets, new Map(manySheets.map((s) => [s.part, sheetXml([['项目名称'], ['甲']])]))),
      expected: /有 5000 个工作表，超过 2000 个的上限/,
    },
    {
      name: 'a cell of 10 MB',
      file: '长文字.xlsx',
      bytes: oneSheet(hugeCell),
      expected: /工作表“明细”中一个单元格的内容超过 32767 个字符/,
    },
    { name: 'a PNG picture', file: '截图.xlsx', bytes: PNG, expected: /看起来是PNG 图片/ },
    { name: 'a PDF', file: '扫描件.xlsx', bytes: PDF, expected: /看起来是PDF 文件/ },
    {
      name: 'a package with an encrypted part',
      file: '加密部件.xlsx',
      bytes: oneSheet({ name: '', data: text(sheetXml(PROJECT_ROWS)), flags: 1 }),
      expected: /设置了打开密码.*清空密码后另存/,
    },
    {
      name: 'a workbook with an open password',
      file: '有密码.xlsx',
      bytes: passwordProtected(),
      expected: /设置了打开密码.*清空密码后另存/,
    },
  ];
});

/** What a clerk may read in Latin letters: the names of programs and formats. */
const KNOWN_WORDS = new Set(['Excel', 'xlsx', 'WPS', 'CSV', 'PNG', 'PDF', 'ZIP', 'Word']);

function expectOneZhSentence(err: unknown, c: { name: string; file: string; expected: RegExp }): void {
  expect(err, c.name).toBeInstanceOf(Error);
  const message = (err as Error).message;
  expect(message, c.name).toMatch(c.expected);
  expect(message, c.name).toContain(c.file);
  expect(message.split('\n'), c.name).toHaveLength(1);
  const english = (message.replace(/“[^”]*”/g, '').match(/[A-Za-z]{4,}/g) ?? []).filter((w) => !KNOWN_WORDS.has(w));
  expect(english, c.name).toEqual([]);
}

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    return err;
  }
  return null;
}

function counts(ctx: ServiceContext) {
  const n = (t: typeof projects | typeof auditLog) =>
    ctx.ledger.db
      .select({ n: sql<number>`count(*)` })
      .from(t)
      .get()!.n;
  return { projects: n(projects), audit: n(auditLog) };
}

describe('hostile workbooks', () => {
  it('a minimal package built like the hostile ones reads, so each refusal is the hostility’s doing', () => {
    const sheets = readWorkbook(
      oneSheet(sheetXml(PROJECT_ROWS, '<mergeCells count="1"><mergeCell ref="A3:B3"/></mergeCells>')),
      '正常.xlsx',
    ).sheets;
    expect(sheets.map((s) => s.name)).toEqual(['明细']);
    expect(sheets[0]!.rows).toEqual(PROJECT_ROWS);
    expect(sheets[0]!.merges).toEqual([{ s: { r: 2, c: 0 }, e: { r: 2, c: 1 } }]);
    expect(readWorkbook(realXlsx(), '项目.xlsx').sheets[0]!.rows).toHaveLength(41);
  });

  it('the reader refuses each with one zh-CN sentence of its kind', () => {
    for (const c of cases)
      expectOneZhSentence(
        refusal(() => readWorkbook(c.bytes, c.file)),
        c,
      );
  });

  it('the project and target imports refuse each the same way and write nothing', () => {
    const ctx = freshContext({ year: YEAR });
    commitProjectImport(ctx, { year: YEAR, fileName: '项目.xlsx', bytes: realXlsx() });
    const before = counts(ctx);
    expect(before.projects).toBe(40);
    for (const c of cases) {
      const input = { year: YEAR, fileName: c.file, bytes: c.bytes };
      expectOneZhSentence(
        refusal(() => previewProjectImport(ctx, input)),
        c,
      );
      expectOneZhSentence(
        refusal(() => commitProjectImport(ctx, input)),
        c,
      );
      expectOneZhSentence(
        refusal(() => previewTargetImport(ctx, input)),
        c,
      );
    }
    expect(counts(ctx)).toEqual(before);
  });
});
