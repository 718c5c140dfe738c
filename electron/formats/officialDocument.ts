/**
 * Word documents in the layout government reports use (GB/T 9704 style): A4, 方正小标宋/黑体 title in
 * 二号, 黑体 first-level headings and 楷体 second-level ones in 三号, 仿宋 body text in 三号 with a
 * two-character first-line indent, and plain bordered tables. Every report the ledger drafts (事前评估,
 * 重点评价, 整改通知 …) is built from these pieces, so they all look alike.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';

const FONT = { body: '仿宋_GB2312', heading: '黑体', subheading: '楷体_GB2312', title: '方正小标宋简体', table: '仿宋_GB2312' } as const;
/** Sizes in half-points: 二号 22pt, 三号 16pt, 小四 12pt, 五号 10.5pt. A first-line indent of two 三号 characters is 640 twips. */
const SIZE = { title: 44, body: 32, table: 24, small: 21 } as const;

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

export type Block = Paragraph | Table;

/** The document's title; `newPage` starts it on a fresh page (several notices in one file). */
export function title(text: string, options: { newPage?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    pageBreakBefore: options.newPage ?? false,
    spacing: { after: 400 },
    children: [new TextRun({ text, font: font(FONT.title), size: SIZE.title })],
  });
}

/** A centred line under the title (the unit and date, "评估机构：…"). */
export function subtitle(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 300 },
    children: [new TextRun({ text, font: font(FONT.body), size: SIZE.body })],
  });
}

/** 主送机关: the addressee, flush left above the body, followed by a full-width colon ("轮台县教育局："). */
export function addressee(text: string): Paragraph {
  return new Paragraph({
    spacing: { before: 200, line: 560 },
    children: [new TextRun({ text: `${text}：`, font: font(FONT.body), size: SIZE.body })],
  });
}

/**
 * 发文机关署名 and 成文日期 under the body, after a blank line: the widest line (usually the date) ends
 * four characters in from the right margin (GB/T 9704 右空四字), the others centred above it.
 */
export function signature(lines: readonly string[]): Paragraph[] {
  // Width in 三号 characters: a CJK character is one, a digit or Latin letter about half.
  const widthOf = (line: string) => [...line].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 1 : 0.5), 0);
  const widest = Math.max(0, ...lines.map(widthOf));
  return lines.map(
    (line, i) =>
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { before: i === 0 ? 640 : 0, line: 560 },
        indent: { right: 1280 + Math.round(((widest - widthOf(line)) / 2) * 320) },
        children: [new TextRun({ text: line, font: font(FONT.body), size: SIZE.body })],
      }),
  );
}

/** 一、二、三 … headings in 黑体. */
export function heading1(text: string): Paragraph {
  return new Paragraph({
    spacing: { before: 200, after: 100 },
    indent: { firstLine: 640 },
    children: [new TextRun({ text, font: font(FONT.heading), size: SIZE.body })],
  });
}

/** （一）（二） … headings in 楷体. */
export function heading2(text: string): Paragraph {
  return new Paragraph({
    spacing: { before: 100 },
    indent: { firstLine: 640 },
    children: [new TextRun({ text, font: font(FONT.subheading), size: SIZE.body })],
  });
}

/** Body text; each line of `text` becomes its own indented paragraph. Empty text reads "无。". */
export function body(text: string | null | undefined): Paragraph[] {
  const lines = (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return (lines.length ? lines : ['无。']).map(
    (line) =>
      new Paragraph({
        spacing: { line: 560 },
        indent: { firstLine: 640 },
        children: [new TextRun({ text: line, font: font(FONT.body), size: SIZE.body })],
      }),
  );
}

export interface TableSpec {
  headers: string[];
  /** Relative column widths. */
  widths: number[];
  /** Numbers and figures already formatted ("94.00", "—") are centred; text is left-aligned. */
  rows: (string | number)[][];
  /** Rows (by index) shown in bold, e.g. subtotals and 合计. */
  boldRows?: number[];
}

export function table(spec: TableSpec): Table {
  const total = spec.widths.reduce((a, b) => a + b, 0);
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (text: string | number, column: number, bold: boolean, header: boolean) =>
    new TableCell({
      width: { size: Math.round((spec.widths[column]! / total) * 100), type: WidthType.PERCENTAGE },
      verticalAlign: VerticalAlignTable.CENTER,
      borders: { top: border, bottom: border, left: border, right: border },
      children: [
        new Paragraph({
          alignment: header || typeof text === 'number' || /^[\d.,%—-]+$/.test(text) ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [
            new TextRun({ text: String(text), bold: bold || header, font: font(header ? FONT.heading : FONT.table), size: SIZE.table }),
          ],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: spec.headers.map((h, c) => cell(h, c, true, true)) }),
      ...spec.rows.map((r, i) => new TableRow({ children: r.map((v, c) => cell(v, c, spec.boldRows?.includes(i) ?? false, false)) })),
    ],
  });
}

/** A small note under a table ("注：…"). */
export function note(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 100 }, children: [new TextRun({ text, font: font(FONT.body), size: SIZE.small })] });
}

/** The .docx bytes: A4 with the standard margins (上 37mm, 下 35mm, 左 28mm, 右 26mm) and page numbers. */
export async function documentBytes(meta: { title: string; creator: string }, blocks: Block[]): Promise<Buffer> {
  const mm = (n: number) => Math.round((n / 25.4) * 1440);
  const doc = new Document({
    title: meta.title,
    creator: meta.creator,
    sections: [
      {
        properties: {
          page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } },
        },
        // 页码 (GB/T 9704): "— 1 —" in 四号 宋体 under the text, on every page.
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('宋体'), size: 28 })],
              }),
            ],
          }),
        },
        children: blocks,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
