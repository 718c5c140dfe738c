/**
 * Table detection stays near-linear however many merged ranges a sheet carries: a sheet with 100,000
 * ranges (a 主管部门 merged down over each pair of projects, a note merged across every row, and the title
 * range repeated thousands of times over itself, as no spreadsheet program writes but a crafted file may)
 * is read within the default test timeout, with each range applied as before. Scanning every range for
 * every cell, as detection once did, takes billions of steps here and times out.
 */
import { describe, expect, it } from 'vitest';
import { findTable, type ColumnSpec } from '../../electron/formats/findTable';
import type { CellRange, CellValue, SheetGrid } from '../../electron/formats/readWorkbook';

const SPEC: ColumnSpec[] = [
  { key: 'department', label: '主管部门', names: [], required: true },
  { key: 'unit', label: '预算单位', names: [], required: true },
  { key: 'name', label: '项目名称', names: [], required: true },
  { key: 'amount', label: '年初预算数', names: [], required: true, money: true },
];

const DATA_ROWS = 60_000;
const range = (sr: number, sc: number, er: number, ec: number): CellRange => ({ s: { r: sr, c: sc }, e: { r: er, c: ec } });

function crowdedSheet(): SheetGrid {
  const rows: CellValue[][] = [
    ['2023年项目表（单位：万元）'],
    ['资金', null, null, null],
    ['主管部门', '预算单位', '项目名称', '年初预算数', '备注'],
  ];
  const merges: CellRange[] = [];
  for (let k = 0; k < 10_000; k++) merges.push(range(0, 0, 0, 3));
  // "资金" heads the amount column from above: the header's second row fills from the range.
  merges.push(range(1, 0, 1, 3));
  for (let i = 0; i < DATA_ROWS; i++) {
    const r = rows.length;
    // Each pair of projects shares one department cell, merged down; every row's note is merged across.
    rows.push([i % 2 === 0 ? `部门${i / 2}` : null, `单位${i}`, `项目${i}`, i + 0.5, `说明${i}`, null]);
    if (i % 2 === 0) merges.push(range(r, 0, r + 1, 0));
    merges.push(range(r, 4, r, 5));
  }
  expect(merges.length).toBeGreaterThanOrEqual(100_000);
  return { name: '项目', rows, merges };
}

describe('a sheet with 100,000 merged ranges', () => {
  it('finds its header and reads every row, filling the departments merged down', () => {
    const table = findTable({ fileName: '项目.xlsx', format: 'xlsx', encoding: null, sheets: [crowdedSheet()] }, SPEC);
    if (!table.ok) throw new Error(`表头未找到：${JSON.stringify(table.missing.map((m) => m.label))}`);
    expect(table.headerRow).toBe(3);
    expect(table.columns.amount!.moneyUnit).toBe('万元');
    expect(table.rows).toHaveLength(DATA_ROWS);
    expect(table.rows[0]!.cells).toEqual({ department: '部门0', unit: '单位0', name: '项目0', amount: 0.5 });
    // The second of a pair takes the department from the range merged down over it.
    expect(table.rows[1]!.cells.department).toBe('部门0');
    expect(table.rows[DATA_ROWS - 1]!.cells).toEqual({
      department: `部门${DATA_ROWS / 2 - 1}`,
      unit: `单位${DATA_ROWS - 1}`,
      name: `项目${DATA_ROWS - 1}`,
      amount: DATA_ROWS - 1 + 0.5,
    });
  });
});
