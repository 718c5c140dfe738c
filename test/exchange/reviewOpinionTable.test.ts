/**
 * A review party's own 会审意见表 (one table, many projects) as it comes back from finance, a 主管部门 or a
 * unit: every layout imports each project's opinion into its open round exactly, and a slip planted in
 * any printed 合计/小计 figure is reported at its cell with the printed and computed figures — nothing else.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findTable, normaliseHeader } from '../../electron/formats/findTable';
import { ImportRejected } from '../../electron/formats/importIssue';
import { readWorkbook } from '../../electron/formats/readWorkbook';
import { listRounds } from '../../electron/targets/jointReview';
import { commitReviewSheetImport, previewReviewSheetImport } from '../../electron/targets/reviewSheet';
import { REVIEW_TABLE_COLUMNS } from '../../electron/targets/reviewTable';
import { COUNTY_OPINIONS as ROWS, opinionTableBytes, type OpinionRow, type TableLayout } from '../fixtures/reviewOpinionTables';
import { auditCount, county, decide, targetInReview } from '../fixtures/targetForms';
import { xlsx } from '../fixtures/workbooks';

/** The county with all four projects' targets in review; target ids by project code. */
function countyInReview() {
  const c = county();
  const ids = {
    'JY-01': targetInReview(c.ctx, c.training.id),
    'JY-02': targetInReview(c.ctx, c.repair.id, '基础设施建设'),
    'YZ-01': targetInReview(c.ctx, c.aid.id),
    'BM-01': targetInReview(c.ctx, c.secretProject.id),
  };
  return { c, ids };
}

const LAYOUTS: [string, TableLayout, ('xlsx' | 'biff8')?][] = [
  [
    '单位：万元 under the title, 主管部门 merged down, 小计 and 合计 with 项目数',
    { unitAt: 'line', money: '万元', department: 'merged', count: 'nameColumn', grades: 'conclusion' },
  ],
  ['the unit only in the title', { unitAt: 'title', money: '万元', department: 'blankBelow', count: 'bare', grades: 'conclusion' }],
  [
    'no unit at all, amounts in 万元 (the ledger tells)',
    { unitAt: 'none', money: '万元', department: 'every', count: 'label', grades: 'conclusion' },
  ],
  [
    'no unit at all, amounts in 元 (the ledger tells), saved as .xls',
    { unitAt: 'none', money: '元', department: 'merged', count: 'nameColumn', grades: 'conclusion' },
    'biff8',
  ],
  [
    '元 in the header, the header repeated after a page break',
    { unitAt: 'header', money: '元', department: 'blankBelow', pageBreakAfter: 2, count: 'nameColumn', grades: 'conclusion' },
  ],
  [
    'group headings instead of a 主管部门 column, no 项目代码',
    { unitAt: 'line', money: '万元', department: 'every', groupHeadings: true, withoutCode: true, count: 'label', grades: 'conclusion' },
  ],
  [
    'the four dimensions graded, a 会审结论 beside them',
    { unitAt: 'title', money: '万元', department: 'merged', count: 'nameColumn', grades: 'dimensions' },
  ],
  [
    'the conclusion leading the 会审意见',
    { unitAt: 'line', money: '万元', department: 'blankBelow', count: 'bare', grades: 'leadingOpinion' },
  ],
];

const CONCLUSION_GRADE = { 通过: '优', 修改后通过: '良', 退回修改: '中', 不通过: '差' } as const;

describe('a party’s 会审意见表 table', () => {
  it.each(LAYOUTS)('%s: each project’s opinion goes into its open round, and nothing is reported', (_, layout, bookType) => {
    const { c, ids } = countyInReview();
    const { bytes, at } = opinionTableBytes(ROWS, layout, bookType);
    const fileName = bookType === 'biff8' ? '会审意见.xls' : '会审意见.xlsx';
    const preview = previewReviewSheetImport(c.ctx, { fileName, bytes, party: 'finance' });
    expect(preview.errors).toEqual([]);
    expect(preview.warnings).toEqual([]);
    expect(preview.notes).toHaveLength(1);
    expect(preview.notes[0]!.note).toMatch(/读到 4 个项目/);
    if (layout.unitAt === 'none')
      expect(preview.notes[0]!.note).toMatch(new RegExp(`与台账中 4 个项目的年度资金总额或年初预算相比为${layout.money}`));

    const grades = (r: OpinionRow) =>
      layout.grades === 'dimensions' ? r.grades! : Array(4).fill(CONCLUSION_GRADE[r.conclusion as keyof typeof CONCLUSION_GRADE]);
    expect(preview.sheets.map((s) => [s.row, s.targetId, s.action, s.party, Object.values(s.grades), s.opinion])).toEqual(
      ROWS.map((r, i) => [at.projectRows[i], ids[r.code as keyof typeof ids], 'record', 'finance', grades(r), r.opinion]),
    );
    if (layout.grades !== 'dimensions') expect(preview.sheets.map((s) => s.conclusion)).toEqual(ROWS.map((r) => r.conclusion));

    expect(commitReviewSheetImport(c.ctx, { fileName, bytes, party: 'finance' })).toMatchObject({ recorded: 4, unchanged: 0 });
    for (const r of ROWS) {
      const [completeness, relevance, appropriateness, feasibility] = grades(r);
      expect(listRounds(c.ctx, { targetId: ids[r.code as keyof typeof ids] })[0]!.opinions).toEqual([
        expect.objectContaining({ party: 'finance', completeness, relevance, appropriateness, feasibility, opinion: r.opinion }),
      ]);
    }
    // The same file again changes nothing.
    const audit = auditCount(c.ctx);
    expect(commitReviewSheetImport(c.ctx, { fileName, bytes, party: 'finance' })).toMatchObject({ recorded: 0, unchanged: 4 });
    expect(auditCount(c.ctx)).toBe(audit);
  });

  describe('a slip in a printed figure', () => {
    let shared: ReturnType<typeof countyInReview>;
    beforeAll(() => {
      shared = countyInReview();
    });
    const SLIPS: { at: string; figure: 'amount' | 'count'; printed: string; computed: string }[] = [
      { at: 'total', figure: 'amount', printed: '73.45', computed: '73.35' },
      { at: 'total', figure: 'count', printed: '5', computed: '4' },
      { at: '轮台县教育局', figure: 'amount', printed: '70.45', computed: '70.35' },
      { at: '轮台县教育局', figure: 'count', printed: '4', computed: '3' },
      { at: '轮台县保密局', figure: 'amount', printed: '3.10', computed: '3.00' },
      { at: '轮台县保密局', figure: 'count', printed: '2', computed: '1' },
    ];
    const cases = LAYOUTS.flatMap(([name, layout, bookType]) =>
      SLIPS.map(
        (slip) =>
          [
            `${slip.at === 'total' ? '合计' : `${slip.at}小计`}的${slip.figure === 'amount' ? '金额' : '项目数'}（${name}）`,
            layout,
            bookType,
            slip,
          ] as const,
      ),
    );
    it.each(cases)('%s is reported at its cell, and only it', (_, layout, bookType, slip) => {
      const { bytes, at } = opinionTableBytes(ROWS, { ...layout, slip: { at: slip.at, figure: slip.figure } }, bookType);
      const preview = previewReviewSheetImport(shared.c.ctx, { fileName: '会审意见.xlsx', bytes, party: 'finance' });
      const row = slip.at === 'total' ? at.total : at.subtotals[slip.at]!;
      expect(preview.errors).toEqual([]);
      expect(preview.warnings.map((w) => [w.sheet, w.row, w.column, w.printed, w.computed])).toEqual([
        ['会审意见', row, slip.figure === 'amount' ? at.amountColumn : at.countColumn, slip.printed, slip.computed],
      ]);
      const label = slip.at === 'total' ? '合计行' : '小计行';
      expect(preview.warnings[0]!.message).toContain(
        slip.figure === 'amount' ? `${label}的预算金额 ${slip.printed} 万元与` : `${label}的项目数 ${slip.printed} 个与`,
      );
      // A slip in a printed figure does not stop the opinions.
      expect(preview.canCommit).toBe(true);
    });
  });

  it('reads 会审方 from a line above the table, and refuses a table that names none when no party is chosen', () => {
    const { c, ids } = countyInReview();
    const layout: TableLayout = { unitAt: 'line', money: '万元', department: 'merged', count: 'nameColumn', grades: 'conclusion' };
    const named = opinionTableBytes(ROWS, { ...layout, partyLine: '会审方：轮台县教育局（主管部门）' }).bytes;
    const preview = previewReviewSheetImport(c.ctx, { fileName: '主管部门意见.xlsx', bytes: named });
    expect(preview.errors).toEqual([]);
    expect(preview.sheets.map((s) => s.party)).toEqual(['unit', 'unit', 'unit', 'unit']);

    const unnamed = opinionTableBytes(ROWS, layout).bytes;
    const refused = previewReviewSheetImport(c.ctx, { fileName: '意见.xlsx', bytes: unnamed });
    expect(refused.errors.map((e) => e.message)).toEqual([
      '意见.xlsx 工作表“会审意见”：请填写会审方（预算单位（主管部门）、财政局（业务股室、绩效股）、第三方机构），或在导入时选择会审方。',
    ]);
    expect(refused.sheets.map((s) => s.action)).toEqual(['error', 'error', 'error', 'error']);
    expect(() => commitReviewSheetImport(c.ctx, { fileName: '意见.xlsx', bytes: unnamed })).toThrow(ImportRejected);
    expect(listRounds(c.ctx, { targetId: ids['JY-01'] })[0]!.opinions).toEqual([]);
  });

  it('names a conclusion it does not know, a project not in review and one not in the ledger, each at its cell', () => {
    const { c, ids } = countyInReview();
    decide(c.ctx, ids['BM-01'], '优');
    const rows: OpinionRow[] = [
      { ...ROWS[0]!, conclusion: '基本可行' },
      ROWS[1]!,
      { ...ROWS[2]!, code: 'YZ-99', name: '2023年营养餐项目' },
      ROWS[3]!,
    ];
    const layout: TableLayout = { unitAt: 'line', money: '万元', department: 'merged', count: 'nameColumn', grades: 'conclusion' };
    const { bytes, at } = opinionTableBytes(rows, layout);
    const preview = previewReviewSheetImport(c.ctx, { fileName: '意见.xlsx', bytes, party: 'thirdParty' });
    expect(preview.errors.map((e) => [e.row, e.column])).toEqual([
      [at.projectRows[0], 'G'],
      [at.projectRows[2], 'E'],
      [at.projectRows[3], 'E'],
    ]);
    expect(preview.errors[0]!.message).toMatch(
      /第 \d+ 行 G 列（会审结论）：“基本可行”不是会审结论。可写：通过、同意.*（优）；修改后通过.*（良）/,
    );
    expect(preview.errors[1]!.message).toMatch(/台账 2023 年度中没有项目代码为“YZ-99”的项目，也没有项目“2023年营养餐项目”/);
    expect(preview.errors[2]!.message).toMatch(/“2023年保密设备购置项目”当前为“待批复”，没有进行中的会审（第 1 轮已作出结论：优）/);
    expect(preview.sheets.filter((s) => s.action === 'record').map((s) => s.name)).toEqual(['2023年校舍维修改造项目']);
    expect(() => commitReviewSheetImport(c.ctx, { fileName: '意见.xlsx', bytes, party: 'thirdParty' })).toThrow(/意见\.xlsx 有 3 处问题/);
  });

  it('tells an amount that disagrees with the ledger, and a header unit the amounts contradict, without reading them 10,000× off', () => {
    const { c } = countyInReview();
    const layout: TableLayout = { unitAt: 'line', money: '万元', department: 'merged', count: 'nameColumn', grades: 'conclusion' };
    const rows = [ROWS[0]!, { ...ROWS[1]!, fen: 60_000_000 }, ROWS[2]!, ROWS[3]!];
    const { bytes, at } = opinionTableBytes(rows, layout);
    const preview = previewReviewSheetImport(c.ctx, { fileName: '意见.xlsx', bytes, party: 'finance' });
    expect(preview.warnings.map((w) => [w.row, w.column, w.printed, w.computed])).toEqual([
      [at.projectRows[1], at.amountColumn, '60.00', '年度资金总额 10.00 万元、年初预算 50.00 万元'],
    ]);
    expect(preview.errors).toEqual([]);

    // 元 amounts under a 万元 header: one warning at the header, no row read as 10,000 times the ledger.
    const mislabelled = opinionTableBytes(ROWS, { ...layout, unitAt: 'header', money: '元', unitWritten: '万元' });
    const wrongUnit = previewReviewSheetImport(c.ctx, { fileName: '意见.xlsx', bytes: mislabelled.bytes, party: 'finance' });
    expect(wrongUnit.warnings.map((w) => [w.row, w.column, w.printed, w.computed])).toEqual([
      [mislabelled.at.headerRow, mislabelled.at.amountColumn, '万元', '元'],
    ]);
    expect(wrongUnit.warnings[0]!.message).toMatch(/表中写明金额单位是万元，但与台账比对，4 个项目中有 4 个按元读才与台账一致/);
    expect(wrongUnit.canCommit).toBe(true);
  });
});

describe('the table’s header wordings', () => {
  const columns = REVIEW_TABLE_COLUMNS;
  const cases = columns.flatMap((c) => [c.label, ...c.names].map((name) => [c.key, name] as const));
  it.each(cases)('%s is found under “%s”, below a title, beside the other columns', (key, name) => {
    const header = columns.map((c) => (c.key === key ? name : c.label));
    const row = columns.map((c) => (c.key === 'amount' ? 12.35 : c.key === 'conclusion' ? '通过' : `${c.label}内容`));
    const book = readWorkbook(xlsx([['2023年度项目绩效目标三方联合会审意见表'], header, row], ['A1:E1']), '会审意见.xlsx');
    const table = findTable(book, columns);
    expect(table.ok && table.columns[key]?.index).toBe(columns.findIndex((c) => c.key === key));
  });

  it('gives no two columns the same name', () => {
    const seen = new Map<string, string>();
    for (const c of columns)
      for (const n of [c.label, ...c.names].map(normaliseHeader)) {
        expect(seen.get(n), `${n} 同属 ${seen.get(n)} 和 ${c.key}`).toBeUndefined();
        seen.set(n, c.key);
      }
  });
});
