import { describe, expect, it } from 'vitest';
import { fenToWanYuanInput, formatWanYuan, formatYuan, moneyUnitIn, parseMoney } from '../../electron/rules/money';

describe('parseMoney keeps amounts exact in 分', () => {
  it.each([
    ['1234.5678', '万元', 1_234_567_800],
    ['0.01', '万元', 10_000],
    ['13170.99', '万元', 13_170_990_000],
    ['1,234.50', '万元', 1_234_500_000],
    ['1，234.50', '万元', 1_234_500_000],
    [' 864.2万 ', '元', 864_200_000],
    ['1200元', '万元', 120_000],
    ['１２３．４', '万元', 123_400_000],
    ['0.00', '万元', 0],
    ['0.1234567', '万元', 123_457], // finer than 1 分: half-up
    ['1e3', '元', 100_000],
  ] as const)('%s with column unit %s → %d 分', (text, unit, fen) => {
    expect(parseMoney(text, unit)).toEqual({ ok: true, fen });
  });

  it('reads spreadsheet doubles as the decimal the user typed, not the binary approximation', () => {
    expect(parseMoney(0.1 + 0.2, '万元')).toEqual({ ok: true, fen: 300_000 });
    expect(parseMoney(1234.56, '元')).toEqual({ ok: true, fen: 123_456 });
  });

  it.each([['abc'], [''], ['-5'], ['12..3'], [null], [Number.NaN]])('refuses %s with a reason', (value) => {
    const r = parseMoney(value, '万元');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
  });
});

describe('money display', () => {
  it('shows 万元 with 2 decimals, half-up, with separators', () => {
    expect(formatWanYuan(13_170_990_000)).toBe('13,170.99');
    expect(formatWanYuan(5_000)).toBe('0.01'); // 0.005 万元 rounds up
    expect(formatWanYuan(4_999)).toBe('0.00');
    expect(formatWanYuan(0)).toBe('0.00');
    expect(formatYuan(123_456)).toBe('1,234.56');
  });

  it('gives a form the exact 万元 it can edit and parse back', () => {
    for (const fen of [0, 1, 10_000, 1_234_567_800, 864_200_000]) {
      const parsed = parseMoney(fenToWanYuanInput(fen), '万元');
      expect(parsed).toEqual({ ok: true, fen });
    }
    // A finer amount is shown exactly where a change below 2 decimals must show, with separators still.
    expect(formatWanYuan(128_935_288_800, { exact: true })).toBe('128,935.2888');
    expect(formatWanYuan(128_935_000_000, { exact: true })).toBe('128,935.00');
    // A stored amount shows with 2 decimals, like every amount; a finer one stays exact.
    expect(fenToWanYuanInput(12_500_000)).toBe('12.50');
    expect(fenToWanYuanInput(84_000_000)).toBe('84.00');
    expect(fenToWanYuanInput(1_234_567_800)).toBe('1234.5678');
    expect(fenToWanYuanInput(-957_000_000)).toBe('-957.00');
  });

  it('finds the money unit in a header or note', () => {
    expect(moneyUnitIn('年初预算数（万元）')).toBe('万元');
    expect(moneyUnitIn('单位：万元')).toBe('万元');
    expect(moneyUnitIn('执行数(元)')).toBe('元');
    expect(moneyUnitIn('单位:元')).toBe('元');
    expect(moneyUnitIn('项目名称')).toBeNull();
  });
});
