import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../scripts/cli/io';
import { main } from '../../scripts/ledger';
import { recentAudit } from '../../electron/ledger/audit';
import { commitIndicatorImport, exportIndicators, previewIndicatorImport } from '../../electron/indicators/indicatorExchange';
import { listIndicators, loadDefaultLibrary } from '../../electron/indicators/indicators';
import {
  libraryExcelJs,
  libraryXlsx,
  buildLibrary,
  SAMPLE_LIBRARY,
  type LibraryLine,
  type LibraryVariant,
} from '../fixtures/indicatorLibraries';
import { workbookBytes, xlsx } from '../fixtures/workbooks';
import { freshContext, tempFolder } from '../ledger/tempLedger';

const HEADER = ['类别', '一级指标', '二级指标', '三级指标', '指标性质', '计量单位', '指标解释', '参考值'];
const comparable = (ctx: ReturnType<typeof freshContext>) =>
  listIndicators(ctx).map(({ id: _i, classId: _c, retiredAt: _r, ...rest }) => rest);

describe('the library workbook round trip', () => {
  it('exports 26 classes and 310 indicators that import into an empty ledger as the same library', async () => {
    const source = freshContext();
    loadDefaultLibrary(source);
    const exported = await exportIndicators(source);
    expect(exported).toMatchObject({ classCount: 26, indicatorCount: 310 });

    const fresh = freshContext();
    // The export prints "共 26 类 310 条指标" above its header; the count agrees, so nothing is noted.
    expect(previewIndicatorImport(fresh, { fileName: exported.fileName, bytes: exported.bytes }).warnings).toEqual([]);
    const result = commitIndicatorImport(fresh, { fileName: exported.fileName, bytes: exported.bytes });
    expect(result).toMatchObject({ classesCreated: 26, created: 310, updated: 0 });
    expect(comparable(fresh)).toEqual(comparable(source));
  });

  it('changes nothing, not even the audit log, when the same library comes back', async () => {
    const ctx = freshContext();
    loadDefaultLibrary(ctx);
    const exported = await exportIndicators(ctx);
    const auditBefore = recentAudit(ctx, 500).length;
    expect(commitIndicatorImport(ctx, { fileName: 'lib.xlsx', bytes: exported.bytes })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 310,
    });
    expect(recentAudit(ctx, 500)).toHaveLength(auditBefore);
  });
});

describe('an official library as regions send it', () => {
  it('reads grouped rows, loose level names, 四分法 cost rows and operators written any way', () => {
    const ctx = freshContext();
    const file = xlsx([
      ['自治区共性绩效指标体系（节选）'],
      [],
      HEADER,
      ['培训', '产出', '数量', '培训人次', '≧', '人次', '实际参训人次', '≥500人次'],
      [null, null, null, '培训期数', '>=', '期', '举办期数', '5'],
      [null, null, '质量指标', '培训合格率', null, '%', '合格人数/参训人数', '≥95%'],
      [null, '成本指标', '经济成本指标', '人均培训成本', '≤', '元/人', '总支出/人数', '≤1000元/人'],
      [null, '效益指标', '社会效益指标', '业务能力提升情况', '定性', '%', '', '有效提升'],
      [null, '满意度指标', '服务对象满意度', '参训人员满意度', '≥', '%', '', '≥90%'],
    ]);
    const preview = previewIndicatorImport(ctx, { fileName: '区库.xlsx', bytes: file });
    expect(preview.errors).toEqual([]);
    expect(preview.toCreate).toHaveLength(6);
    expect(preview.warnings.map((w) => w.row)).toEqual([8]); // a unit on a 定性 indicator is dropped, with a note
    commitIndicatorImport(ctx, { fileName: '区库.xlsx', bytes: file });
    const byName = new Map(listIndicators(ctx).map((i) => [i.name, i]));
    expect(byName.get('培训人次')).toMatchObject({ className: '培训', level1: '产出指标', level2: '数量指标', nature: '≥', unit: '人次' });
    expect(byName.get('培训期数')!.nature).toBe('≥');
    expect(byName.get('培训合格率')!.nature).toBe('≥'); // fused into the 参考值
    expect(byName.get('人均培训成本')).toMatchObject({ level1: '产出指标', level2: '成本指标', nature: '≤' });
    expect(byName.get('业务能力提升情况')).toMatchObject({ nature: '定性', unit: null });
    expect(byName.get('参训人员满意度')!.level2).toBe('服务对象满意度指标');
  });

  it('lists every bad row with its row and column, and writes nothing', () => {
    const ctx = freshContext();
    loadDefaultLibrary(ctx);
    const before = listIndicators(ctx).length;
    const auditBefore = recentAudit(ctx, 500).length;
    const file = xlsx([
      HEADER,
      ['宣传', '产出指标', '数量指标', '宣传品发放数量', '≥', '', '', '≥1000'],
      ['宣传', '产出指标', '规模指标', '宣传覆盖面', '≥', '%', '', ''],
      ['宣传', '产出指标', '数量指标', '宣传活动次数', '约等于', '次', '', ''],
      ['宣传', '产出指标', '数量指标', '新闻发稿数量', '≥', '篇', '', ''],
      ['宣传', '产出指标', '数量指标', '新闻发稿数量', '≥', '篇', '', ''],
      ['宣传', '产出指标', '数量指标', '展板制作数量', '≥', '块', '', ''],
    ]);
    const preview = previewIndicatorImport(ctx, { fileName: '宣传类.xlsx', bytes: file });
    expect(preview.canCommit).toBe(false);
    expect(preview.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'F'],
      [3, 'C'],
      [4, 'E'],
      [6, 'D'],
    ]);
    expect(preview.errors[0]!.message).toMatch(/^宣传类\.xlsx 工作表“Sheet1”第 2 行 F 列（计量单位）：定量指标须填写计量单位/);
    expect(preview.errors[1]!.message).toContain('规模指标');
    expect(preview.errors[2]!.message).toContain('约等于');
    expect(preview.errors[3]!.message).toContain('与第 5 行重名');
    expect(() => commitIndicatorImport(ctx, { fileName: '宣传类.xlsx', bytes: file })).toThrow(/有 4 处问题，未导入任何数据/);
    expect(listIndicators(ctx)).toHaveLength(before);
    expect(recentAudit(ctx, 500)).toHaveLength(auditBefore);
  });

  it('still reports an indicator row without a name whose explanation happens to read like a count', () => {
    const ctx = freshContext();
    const preview = previewIndicatorImport(ctx, {
      fileName: '会议类.xlsx',
      bytes: xlsx([HEADER, ['会议', '产出指标', '数量指标', '', '≥', '次', '按共10项议程计算', '']]),
    });
    expect(preview.errors.map((e) => [e.row, e.column])).toEqual([[2, 'D']]);
    expect(preview.warnings).toEqual([]);
  });

  it('names the missing columns a file does not have', () => {
    const ctx = freshContext();
    const preview = previewIndicatorImport(ctx, {
      fileName: '别的表.xlsx',
      bytes: xlsx([
        ['项目名称', '预算单位'],
        ['x', 'y'],
      ]),
    });
    expect(preview.canCommit).toBe(false);
    expect(preview.errors.map((e) => e.message).join('\n')).toMatch(/缺少“一级指标”列/);
  });

  it('reads an old .xls the same way', () => {
    const ctx = freshContext();
    const file = workbookBytes(
      [{ name: '指标', rows: [HEADER, ['会议', '产出指标', '数量指标', '会议召开次数', '≥', '次', '', '≥4次']] }],
      'biff8',
    );
    expect(commitIndicatorImport(ctx, { fileName: '会议.xls', bytes: file })).toMatchObject({ created: 1 });
  });
});

/** 一级/二级 as other regions print them: outline marks, 产出数量, the 四分法's 成本 一级, 满意度 worded two ways. */
const REGIONAL_WORDING = ([l1, l2, name]: LibraryLine): [string, string] => {
  if (l2 === '成本指标') return ['成本指标', '经济成本指标'];
  const level1 = { 产出指标: '一、产出', 效益指标: '二、效益指标', 满意度指标: '三、满意度指标' }[l1]!;
  const level2: Record<string, string> = {
    数量指标: '产出数量',
    质量指标: '（二）质量指标',
    时效指标: '时效',
    社会效益指标: '社会效益',
    可持续影响指标: '可持续影响指标',
    服务对象满意度指标: name.startsWith('参') ? '社会公众或服务对象满意度指标' : '群众满意度指标',
  };
  return [level1, level2[l2]!];
};

const LIBRARY_VARIANTS: [string, LibraryVariant][] = [
  ['title, 说明 printing the counts, 类别/一级/二级 merged down their rows', { merged: true }],
  ['类别/一级/二级 left blank below, a blank row between classes', { blankBetween: true }],
  ['the header repeated after a page break, blank-below cells carrying across it', { pageBreakBefore: 1 }],
  ['merged cells with a page break before the last class', { merged: true, pageBreakBefore: 2 }],
  [
    'class labels with their count, 小计 under each class and a 合计 row',
    { merged: true, classLabels: true, subtotals: true, total: 'row' },
  ],
  [
    'blank-below class labels, 小计 and 合计 rows, blank rows between',
    { classLabels: true, subtotals: true, total: 'row', blankBetween: true },
  ],
  ['a closing line merged across the table: “共计：3 类 13 条”', { merged: true, blankBetween: true, total: 'line' }],
  ['outline-marked 一级, 二级 worded as other regions do, the 四分法 成本 一级', { merged: true, wording: REGIONAL_WORDING }],
];

const expectedLibrary = () =>
  SAMPLE_LIBRARY.flatMap((c) =>
    c.lines.map(([level1, level2, name, nature, unit]) => ({ className: c.name, level1, level2, name, nature, unit })),
  ).sort((a, b) => a.name.localeCompare(b.name));
const importedLibrary = (ctx: ReturnType<typeof freshContext>) =>
  listIndicators(ctx)
    .map(({ className, level1, level2, name, nature, unit }) => ({ className, level1, level2, name, nature, unit }))
    .sort((a, b) => a.name.localeCompare(b.name));

describe('a published library in every layout regions print', () => {
  const writers = [
    ['SheetJS', async (v: LibraryVariant) => libraryXlsx(v)],
    ['exceljs', libraryExcelJs],
  ] as const;
  for (const [variant, layout] of LIBRARY_VARIANTS) {
    for (const [writer, write] of writers) {
      it(`${variant} (${writer}): imports exactly 3 classes of 6, 3 and 4 indicators, noting nothing`, async () => {
        const ctx = freshContext();
        const input = { fileName: '共性指标库.xlsx', bytes: await write(layout) };
        const preview = previewIndicatorImport(ctx, input);
        expect(preview.errors).toEqual([]);
        expect(preview.warnings).toEqual([]);
        expect(preview.classesToCreate).toEqual(['培训', '会议', '购置']);
        expect(commitIndicatorImport(ctx, input)).toMatchObject({ classesCreated: 3, created: 13 });
        expect(importedLibrary(ctx)).toEqual(expectedLibrary());
      });
    }
  }

  const SLIPS: [string, LibraryVariant, string, string, string][] = [
    ['the 说明 row’s indicator count', { printed: { note: '本库共 3 类 14 条指标。' } }, 'note', '14', '13'],
    ['the 说明 row’s class count', { merged: true, printed: { note: '本库共 4 类 13 条指标。' } }, 'note', '4', '3'],
    ['a merged class label’s count', { merged: true, classLabels: true, printed: { classLabel: { 会议: 4 } } }, 'label:会议', '4', '3'],
    [
      'a blank-below class label’s count',
      { classLabels: true, blankBetween: true, printed: { classLabel: { 培训: 5 } } },
      'label:培训',
      '5',
      '6',
    ],
    ['a class 小计', { subtotals: true, total: 'row', printed: { subtotal: { 购置: 5 } } }, 'subtotal:购置', '5', '4'],
    ['a closing line’s class count', { total: 'line', printed: { total: '共计：2 类 13 条' } }, 'total', '2', '3'],
    ['the 合计 row', { merged: true, subtotals: true, total: 'row', printed: { total: '共 3 类 12 条' } }, 'total', '12', '13'],
  ];
  for (const [slip, layout, place, printed, computed] of SLIPS) {
    it(`reports a slip in ${slip} at its cell, and nothing else; the rows still import exactly`, () => {
      const ctx = freshContext();
      const input = { fileName: '区库.xlsx', bytes: libraryXlsx(layout) };
      const at = buildLibrary(layout).places.get(place)!;
      const preview = previewIndicatorImport(ctx, input);
      expect(preview.errors).toEqual([]);
      expect(preview.warnings).toEqual([expect.objectContaining({ row: at.row, column: at.column, printed, computed })]);
      expect(preview.warnings[0]!.message).toMatch(
        new RegExp(
          `^区库\\.xlsx 工作表“共性指标库”第 ${at.row} 行 ${at.column} 列（.+）：印有 ${printed} (条|类)，与.+ ${computed} (条|类)不一致`,
        ),
      );
      commitIndicatorImport(ctx, input);
      expect(importedLibrary(ctx)).toEqual(expectedLibrary());
    });
  }
});

describe('a library in several sheets', () => {
  const NOTES = {
    name: '说明',
    rows: [['填报说明'], ['一、本指标库按类别分表，每类一个工作表。'], ['二、指标性质填写 ≥、≤、＝ 或 定性。']],
  };
  // A different table: reference values by indicator, without the library's levels.
  const VALUES = {
    name: '参考值',
    rows: [
      ['类别', '三级指标', '参考值'],
      ['培训', '培训人次', '≥500人次'],
    ],
  };
  const training = (printed: number) => ({
    name: '培训类',
    rows: [
      ['培训类共性指标'],
      [`共 1 类 ${printed} 条指标`],
      HEADER,
      ['培训', '产出指标', '数量指标', '培训人次', '≥', '人次', '', ''],
      [null, null, '质量指标', '培训合格率', '≥', '%', '', ''],
      [null, '满意度指标', '服务对象满意度指标', '参训人员满意度', '≥', '%', '', ''],
    ],
  });
  const meetings = (printed: number) => ({
    name: '会议类',
    rows: [
      [`共 1 类 ${printed} 条指标`],
      HEADER,
      ['会议', '产出指标', '数量指标', '会议召开次数', '≥', '次', '', ''],
      [null, '效益指标', '社会效益指标', '会议精神传达落实情况', '定性', '', '', ''],
    ],
  });

  it('reads every sheet with an indicator table, says which were not read and why, and checks each sheet’s printed count', () => {
    const ctx = freshContext();
    const input = { fileName: '区库分表.xlsx', bytes: workbookBytes([NOTES, training(3), VALUES, meetings(3)]) };
    const preview = previewIndicatorImport(ctx, input);
    expect(preview.errors).toEqual([]);
    expect(preview.sheets).toEqual([
      { sheet: '培训类', headerRow: 3, dataRows: 3 },
      { sheet: '会议类', headerRow: 2, dataRows: 2 },
    ]);
    expect(preview.ignoredSheets).toEqual([
      { sheet: '说明', reason: '没有指标表的表头（类别、一级指标、二级指标、三级指标）' },
      { sheet: '参考值', reason: '第 1 行的表头缺少“一级指标”、“二级指标”列，不是指标表' },
    ]);
    expect(preview.sheetsNote).toBe(
      '读取 2 个工作表，共 5 行指标：“培训类”（表头在第 3 行，读到 3 行指标）、“会议类”（表头在第 2 行，读到 2 行指标）；' +
        '未读取的工作表：“说明”（没有指标表的表头（类别、一级指标、二级指标、三级指标））、“参考值”（第 1 行的表头缺少“一级指标”、“二级指标”列，不是指标表）。',
    );
    // 会议类 prints 3 for its 2 rows: noted on that sheet only; 培训类's 3 agrees.
    expect(preview.warnings).toHaveLength(1);
    expect(preview.warnings[0]!.message).toMatch(/^区库分表\.xlsx 工作表“会议类”第 1 行 A 列.*印有 3 条，与.+ 2 条不一致/);
    expect(preview.toCreate.map((c) => [c.sheet, c.row, c.className, c.name])).toEqual([
      ['培训类', 4, '培训', '培训人次'],
      ['培训类', 5, '培训', '培训合格率'],
      ['培训类', 6, '培训', '参训人员满意度'],
      ['会议类', 3, '会议', '会议召开次数'],
      ['会议类', 4, '会议', '会议精神传达落实情况'],
    ]);

    expect(commitIndicatorImport(ctx, input)).toMatchObject({ classesCreated: 2, created: 5 });
    expect(listIndicators(ctx).map((i) => [i.className, i.level2, i.name])).toEqual([
      ['培训', '数量指标', '培训人次'],
      ['培训', '质量指标', '培训合格率'],
      ['培训', '服务对象满意度指标', '参训人员满意度'],
      ['会议', '数量指标', '会议召开次数'],
      ['会议', '社会效益指标', '会议精神传达落实情况'],
    ]);
  });

  it('refuses an indicator listed twice across sheets, naming the sheet it was first read on; grouping stops at a sheet’s end', () => {
    const ctx = freshContext();
    const again = {
      name: '培训补充',
      rows: [
        HEADER,
        [null, '产出指标', '数量指标', '培训期数', '≥', '期', '', ''],
        ['培训', '产出指标', '数量指标', '培训人次', '≥', '人次', '', ''],
      ],
    };
    const input = { fileName: '区库分表.xlsx', bytes: workbookBytes([training(3), again]) };
    const preview = previewIndicatorImport(ctx, input);
    expect(preview.canCommit).toBe(false);
    expect(preview.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^区库分表\.xlsx 工作表“培训补充”第 2 行 A 列（类别）.*缺少类别/),
      expect.stringMatching(/^区库分表\.xlsx 工作表“培训补充”第 3 行 D 列（三级指标）.*“培训”类中的“培训人次”与工作表“培训类”第 4 行重名/),
    ]);
    expect(() => commitIndicatorImport(ctx, input)).toThrow(/2 处问题，未导入任何数据/);
    expect(listIndicators(ctx)).toEqual([]);
  });
});

describe('ledger init, export indicators, import indicators', () => {
  const io = (): CliIO & { text: () => string } => {
    let out = '';
    return { out: (t) => (out += t + '\n'), err: (t) => (out += t + '\n'), env: {}, actor: '命令行:测试员', text: () => out };
  };

  it('a new ledger holds the default library, whose export re-imports into another without a change', async () => {
    const dir = tempFolder();
    const a = path.join(dir, 'a.db');
    const b = path.join(dir, 'b.db');
    const lib = path.join(dir, 'lib.xlsx');
    expect(await main(['init', a], io())).toBe(0);
    expect(await main(['export', 'indicators', '--ledger', a, '--out', lib], io())).toBe(0);
    expect(fs.existsSync(lib)).toBe(true);
    expect(await main(['init', b], io())).toBe(0);
    const out = io();
    expect(await main(['import', 'indicators', lib, '--ledger', b, '--json'], out)).toBe(0);
    expect(JSON.parse(out.text())).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 310 });

    const bad = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(bad, xlsx([HEADER, ['宣传', '产出指标', '数量指标', '宣传品发放数量', '≥', '', '', '']]));
    const refused = io();
    expect(await main(['import', 'indicators', bad, '--ledger', b], refused)).toBe(1);
    expect(refused.text()).toMatch(/第 2 行 F 列（计量单位）/);
  });
});
