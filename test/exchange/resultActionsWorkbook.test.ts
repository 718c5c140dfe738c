/**
 * 评价结果应用情况表 for the budget office, read back with SheetJS as the office would open it: the
 * live actions of 自评, 部门评价 and 重点评价 in one list with their evidence and 万元 amounts, and the
 * summaries by action, 主管部门 and unit whose 合计 rows are the year's recovered, cleared and cut money.
 */
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { LedgerError } from '../../db/ledgerError';
import { exportResultActions } from '../../electron/resultApplication/resultActionsWorkbook';
import { appliedYear, resultActionsYear } from '../fixtures/resultActions';

const rowsOf = (book: XLSX.WorkBook, name: string) =>
  XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1, defval: null, blankrows: false });

describe('the result-actions workbook', () => {
  it('lists the live actions with evidence and 万元, and sums them by action, 主管部门 and unit', async () => {
    const { ctx } = appliedYear();
    const out = await exportResultActions(ctx, { year: 2023 });
    expect(out).toMatchObject({
      fileName: '2023年度绩效评价结果应用情况表.xlsx',
      count: 4,
      recoveredFen: 2_000_000,
      clearedFen: 7_870_000,
      cutFen: 1_000_000,
    });

    const book = XLSX.read(out.bytes, { type: 'buffer', cellNF: true });
    expect(book.SheetNames).toEqual(['结果应用清单', '按应用方式汇总', '按主管部门汇总', '按单位汇总']);

    const list = rowsOf(book, '结果应用清单');
    expect(list[0]).toEqual(['2023年度绩效评价结果应用情况表', ...Array(12).fill(null)]);
    expect(list[1]![0]).toBe('应用于 2024 年度预算；单位：万元；共 4 项（已撤销 1 项未列入）');
    expect(list[2]).toEqual([
      '序号',
      '评价来源',
      '评价对象',
      '项目编码',
      '主管部门',
      '预算单位',
      '评价得分',
      '评价等级',
      '应用方式',
      '金额（万元）',
      '2024年度项目',
      '状态',
      '说明',
    ]);
    expect(list.slice(3).map((r) => [r[1], r[2], r[5], r[6], r[7], r[8], r[9], r[11]])).toEqual([
      ['重点评价', '高素质农民培训项目', '轮台县农业农村局', expect.any(Number), '中', '核减', 1, '已落实'],
      ['部门评价', '党员远程教育项目', '轮台县党员电化教育中心', expect.any(Number), expect.any(String), '清理结转结余资金', 7.87, '拟定'],
      ['自评', '基层干部培训项目', '中共轮台县委组织部', 85.92, '良', '收回部分资金', 2, '已落实'],
      ['自评', '基层干部培训项目', '中共轮台县委组织部', 85.92, '良', '合理保障', null, '拟定'],
    ]);
    // Amounts are numbers shown with two decimals.
    const sheet = book.Sheets['结果应用清单']!;
    expect(sheet['J4']).toMatchObject({ t: 'n', v: 1, z: '#,##0.00', w: '1.00' });

    expect(rowsOf(book, '按应用方式汇总').slice(2)).toEqual(
      expect.arrayContaining([
        ['应用方式', '资金影响', '项数', '金额（万元）'],
        ['收回部分资金', '收回资金', 1, 2],
        ['清理结转结余资金', '清理结转结余资金', 1, 7.87],
        ['核减', '调减预算', 1, 1],
        ['合理保障', '—', 1, 0],
        ['合计', null, 4, null],
      ]),
    );
    expect(rowsOf(book, '按主管部门汇总').slice(2)).toEqual([
      ['主管部门', '项数', '收回资金（万元）', '清理结转结余资金（万元）', '调减预算（万元）'],
      ['轮台县农业农村局', 1, 0, 0, 1],
      ['中共轮台县委组织部', 3, 2, 7.87, 0],
      ['合计', 4, 2, 7.87, 1],
    ]);
    expect(rowsOf(book, '按单位汇总').slice(3)).toEqual([
      ['轮台县农业农村局', '轮台县农业农村局', 1, 0, 0, 1],
      ['中共轮台县委组织部', '轮台县党员电化教育中心', 1, 0, 7.87, 0],
      ['中共轮台县委组织部', '中共轮台县委组织部', 2, 2, 0, 0],
      ['合计', null, 4, 2, 7.87, 1],
    ]);
  });

  it('refuses a year with nothing to export, saying where actions are recorded', async () => {
    const { ctx } = resultActionsYear();
    const err = await exportResultActions(ctx, { year: 2023 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LedgerError);
    expect((err as LedgerError).message).toBe(
      '2023 年度还没有有效的评价结果应用可导出。请先在“自评与评价”或“重点评价”中记录评价结果的应用。',
    );
  });
});
