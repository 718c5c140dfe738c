/**
 * Reading tables as units really send them (domain.md §8): the header found by its names wherever it
 * is, every non-project row skipped with a reason, the money unit taken from the header or a note.
 */
import { describe, expect, it } from 'vitest';
import { decodeTextBytes } from '../../electron/formats/decodeText';
import { findTable, normaliseHeader, type ColumnSpec, type TableFound } from '../../electron/formats/findTable';
import { readWorkbook } from '../../electron/formats/readWorkbook';
import { PROJECT_COLUMNS } from '../../electron/projects/projectRows';
import { LedgerError } from '../../db/ledgerError';
import { csvText, gbkBytes, PROJECT_HEADER, projectRow, utf8Bytes, workbookBytes, xlsx, type Cell } from '../fixtures/workbooks';

function table(bytes: Uint8Array, fileName = '项目.xlsx', spec: readonly ColumnSpec[] = PROJECT_COLUMNS): TableFound {
  const found = findTable(readWorkbook(bytes, fileName), spec);
  if (!found.ok) throw new Error(`table not found: missing ${found.missing.map((m) => m.label).join(',')}`);
  return found;
}

describe('finding the header', () => {
  it('finds the header under title rows and a 单位：万元 line', () => {
    const t = table(
      xlsx(
        [
          ['2023年度轮台县部门预算项目表'],
          ['填报单位：轮台县教育局', null, null, null, null, null, null, null, '单位：万元'],
          [],
          PROJECT_HEADER.map((h) => (h === '年初预算数（万元）' ? '年初预算数' : h)),
          projectRow(1),
        ],
        ['A1:J1'],
      ),
    );
    expect(t.headerRow).toBe(4);
    expect(t.columns.initialBudget).toMatchObject({ letter: 'I', moneyUnit: '万元', moneyUnitSource: 'note' });
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]!.rowNumber).toBe(5);
  });

  it('reads a two-row merged header: names merged down, money under a merged group with its unit', () => {
    const t = table(
      xlsx(
        [
          ['项目清单'],
          ['预算单位', '项目名称', '项目类型', '预算类型', '新增/延续', '资金情况（元）', null],
          [null, null, null, null, null, '年初预算数', '其中：财政拨款'],
          ['轮台县第一中学', '教学设备购置', '政府采购', '一般公共预算', '新增', '125000', '125000'],
        ],
        ['A1:G1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3', 'F2:G2'],
      ),
    );
    expect(t.rows.map((r) => r.rowNumber)).toEqual([4]);
    expect(t.columns.initialBudget).toMatchObject({ letter: 'F', moneyUnit: '元' });
    expect(t.columns.name!.letter).toBe('B');
  });

  it('reads a two-row header without merges (group names above, column names below)', () => {
    const t = table(
      xlsx([
        ['预算单位', '项目名称', '项目类型', '预算类型', '新增/延续', '资金（万元）'],
        [null, null, null, null, null, '年初预算数'],
        ['轮台县第一中学', '教学设备购置', '政府采购', '一般公共预算', '新增', 12.5],
      ]),
    );
    expect(t.headerRow).toBe(1);
    expect(t.headerRowCount).toBe(2);
    expect(t.columns.initialBudget).toMatchObject({ letter: 'F', moneyUnit: '万元', moneyUnitSource: 'header' });
    expect(t.rows.map((r) => r.rowNumber)).toEqual([3]);
  });

  it('maps columns by synonyms in any order and any decoration', () => {
    const t = table(
      xlsx([
        ['*项目名称', '实施单位', '资金性质', '项目属性', '项目类别', '年初预算金额\n（元）', '是否重大项目', '项目编码'],
        ['教学设备购置', '轮台县第一中学', '一般公共预算', '延续', '政府采购', 1000, '是', 'X-1'],
      ]),
    );
    expect(Object.fromEntries(Object.values(t.columns).map((c) => [c.key, c.letter]))).toEqual({
      name: 'A',
      unit: 'B',
      budgetKind: 'C',
      continuity: 'D',
      projectType: 'E',
      initialBudget: 'F',
      majorPolicy: 'G',
      code: 'H',
    });
    expect(t.columns.initialBudget!.moneyUnit).toBe('元');
  });

  it('normalises headers: full-width brackets, spaces, stars, units', () => {
    expect(normaliseHeader(' 年初预算数 （万元）')).toBe('年初预算数');
    expect(normaliseHeader('年初预算数/万元')).toBe('年初预算数');
    expect(normaliseHeader('★项目 名称')).toBe('项目名称');
    expect(normaliseHeader('年初预算数 单位：元')).toBe('年初预算数');
  });

  it('says 万元 by default when no unit is written anywhere', () => {
    const t = table(xlsx([PROJECT_HEADER.map((h) => (h === '年初预算数（万元）' ? '年初预算数' : h)), projectRow(1)]));
    expect(t.columns.initialBudget).toMatchObject({ moneyUnit: '万元', moneyUnitSource: 'default' });
  });

  it('reports the missing required columns of the closest header', () => {
    const found = findTable(
      readWorkbook(
        xlsx([['标题'], ['预算单位', '项目名称', '项目类型', '新增/延续', '年初预算数'], ['a', 'b', '政府采购', '新增', 1]]),
        'x.xlsx',
      ),
      PROJECT_COLUMNS,
    );
    expect(found.ok).toBe(false);
    if (found.ok) return;
    expect(found.headerRow).toBe(2);
    expect(found.missing.map((m) => m.label)).toEqual(['预算类型']);
  });

  it('takes the first sheet that has the table (skipping an instructions sheet)', () => {
    const bytes = workbookBytes([
      { name: '填表说明', rows: [['填表说明'], ['1. 金额以万元为单位'], ['2. 预算类型填四本预算之一']] },
      { name: '项目表', rows: [PROJECT_HEADER, projectRow(1), projectRow(2)] },
    ]);
    const t = table(bytes);
    expect(t.sheet).toBe('项目表');
    expect(t.rows).toHaveLength(2);
  });
});

describe('rows that are not projects', () => {
  const rows: Cell[][] = [
    ['2023年项目表'],
    PROJECT_HEADER,
    projectRow(1),
    [],
    projectRow(2),
    [null, '轮台县教育局小计', null, null, null, null, null, null, 23],
    PROJECT_HEADER,
    projectRow(3),
    [null, null, null, null, '……', null, null, null, null],
    ['', '', '', '', '指标2'],
    [null, '合  计', null, null, null, null, null, null, 36],
    [],
    ['注：本表金额以万元为单位。'],
    ['填报人：张三', null, null, null, null, null, '联系电话：0996-1234567'],
  ];

  it('skips blank, 合计/小计, repeated-header, placeholder and note rows with reasons', () => {
    const t = table(xlsx(rows, ['A1:J1']));
    expect(t.rows.map((r) => r.rowNumber)).toEqual([3, 5, 8]);
    expect(t.blankRows).toBe(2);
    expect(t.skipped.map((s) => [s.rowNumber, s.kind])).toEqual([
      [6, 'subtotal'],
      [7, 'header'],
      [9, 'placeholder'],
      [10, 'placeholder'],
      [11, 'total'],
      [13, 'empty'], // the note sits in the 序号 column: no project content at all
      [14, 'note'],
    ]);
    expect(t.skipped.every((s) => s.reason.length > 0)).toBe(true);
  });

  it('fills a 主管部门 merged down over its projects into each row', () => {
    const t = table(
      xlsx(
        [
          PROJECT_HEADER,
          projectRow(1, { department: '轮台县教育局' }),
          projectRow(2, { department: null }),
          projectRow(3, { department: null }),
        ],
        ['B2:B4'],
      ),
    );
    expect(t.rows.map((r) => r.cells.department)).toEqual(['轮台县教育局', '轮台县教育局', '轮台县教育局']);
  });
});

describe('file formats and encodings', () => {
  const rows: Cell[][] = [
    ['单位：万元'],
    PROJECT_HEADER,
    projectRow(1, { name: '“轮台白杏”广告代理服务费等', amount: '1,234.50' }),
    projectRow(2, { code: '001', amount: '864.2万' }),
  ];

  const expected = (t: TableFound) => {
    expect(t.rows.map((r) => r.cells.name)).toEqual(['“轮台白杏”广告代理服务费等', '测试项目2']);
    expect(t.rows.map((r) => r.cells.unit)).toEqual(['轮台县第一中学', '轮台县第一中学']);
    expect(String(t.rows[0]!.cells.initialBudget)).toBe('1,234.50');
  };

  it('reads a GB18030/GBK CSV', () => {
    const bytes = gbkBytes(csvText(rows));
    expect(decodeTextBytes(bytes).encoding).toBe('gb18030');
    const t = table(bytes, '项目.csv');
    expected(t);
    expect(t.rows[1]!.cells.code).toBe('001'); // codes stay text in CSV
  });

  it('reads a UTF-8 CSV with and without BOM', () => {
    for (const bom of [true, false]) {
      const bytes = utf8Bytes(csvText(rows), bom);
      expect(decodeTextBytes(bytes)).toMatchObject({ encoding: 'utf-8', bom });
      expected(table(bytes, '项目.csv'));
    }
  });

  it('reads an old .xls (BIFF8) workbook', () => {
    const bytes = workbookBytes([{ name: '项目', rows }], 'biff8');
    expect([...bytes.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    const t = table(bytes, '项目.xls');
    expected(t);
    expect(t.sheet).toBe('项目');
  });

  it('reads an HTML table saved as .xls by an older system', () => {
    const html = `<html><head><meta charset="utf-8"></head><body><table>${rows
      .map((r) => `<tr>${r.map((c) => `<td>${c ?? ''}</td>`).join('')}</tr>`)
      .join('')}</table></body></html>`;
    expected(table(utf8Bytes(html, false), '项目.xls'));
  });

  it('refuses an empty or corrupt file with a message naming it', () => {
    expect(() => readWorkbook(new Uint8Array(), '空.xlsx')).toThrow(/空.xlsx 是空文件/);
    const broken = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]);
    try {
      readWorkbook(broken, '坏.xlsx');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(LedgerError);
      expect((err as LedgerError).message).toMatch(/^“坏.xlsx”不是 Excel 工作簿（看起来是不完整的文件/);
    }
  });
});
