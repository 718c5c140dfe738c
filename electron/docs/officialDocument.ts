/**
 * Word documents in the layout government reports use (GB/T 9704 style): A4, 方正小标宋/黑体 title in
 * 二号, 黑体 first-level headings and 楷体 second-level ones in 三号, 仿宋 body text in 三号 with a
 * two-character first-line indent, and plain bordered tables. Every report the ledger drafts (事前评估,
 * 重点评价, 整改通知 …) is built from these pieces, so they all look alike.
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlignTable, WidthType } from 'docx';

const FONT = { body: '仿宋_GB2312', heading: '黑体', subheading: '楷体_GB2312', title: '方正小标宋简体', table: '仿宋_GB2312' } as const;
/** Sizes in half-points: 二号 22pt, 三号 16pt, 小四 12pt, 五号 10.5pt. A first-line indent of two 三号 characters is 640 twips. */
const SIZE = { title: 44, body: 32, table: 24, small: 21 } as const;

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

export type Block = Paragraph | Table;

export function title(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [new TextRun({ text, font: font(FONT.title), size: SIZE.title })] });
}

/** A centred line under the title (the unit and date, "评估机构：…"). */
export function subtitle(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [new TextRun({ text, font: font(FONT.body), size: SIZE.body })] });
}

/** 一、二、三 … headings in 黑体. */
export function heading1(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 200, after: 100 }, indent: { firstLine: 640 }, children: [new TextRun({ text, font: font(FONT.heading), size: SIZE.body })] });
}

/** （一）（二） … headings in 楷体. */
export function heading2(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 100 }, indent: { firstLine: 640 }, children: [new TextRun({ text, font: font(FONT.subheading), size: SIZE.body })] });
}

/** Body text; each line of `text` becomes its own indented paragraph. Empty text reads "无。". */
export function body(text: string | null | undefined): Paragraph[] {
  const lines = (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return (lines.length ? lines : ['无。']).map(
    (line) => new Paragraph({ spacing: { line: 560 }, indent: { firstLine: 640 }, children: [new TextRun({ text: line, font: font(FONT.body), size: SIZE.body })] }),
  );
}

export interface TableSpec {
  headers: string[];
  /** Relative column widths. */
  widths: number[];
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
          alignment: header || typeof text === 'number' ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [new TextRun({ text: String(text), bold: bold || header, font: font(header ? FONT.heading : FONT.table), size: SIZE.table })],
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

/** The .docx bytes: A4 with the standard margins (上 37mm, 下 35mm, 左 28mm, 右 26mm). */
export async function documentBytes(meta: { title: string; creator: string }, blocks: Block[]): Promise<Buffer> {
  const mm = (n: number) => Math.round((n / 25.4) * 1440);
  const doc = new Document({
    title: meta.title,
    creator: meta.creator,
    sections: [{ properties: { page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } } }, children: blocks }],
  });
  return Packer.toBuffer(doc);
}
