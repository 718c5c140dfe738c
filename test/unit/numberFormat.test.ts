import { describe, expect, it } from 'vitest';
import { formatDecimal, formatPercent, formatScore, formatShare, roundHalfUp } from '../../electron/rules/numberFormat';

describe('one way to write percentages and scores', () => {
  it.each([
    [1.005, 1.01],
    [2.675, 2.68],
    [-1.005, -1.01],
    [0.004, 0],
    [-0.004, 0],
    [89, 89],
  ])('rounds %s half-up to %s', (input, expected) => {
    expect(roundHalfUp(input)).toBe(expected);
  });

  it('writes two decimals with thousands separators', () => {
    expect(formatDecimal(13170.994)).toBe('13,170.99');
    expect(formatDecimal(128935.2888)).toBe('128,935.29');
  });

  it.each([
    [89, '89.00%'],
    [69.2, '69.20%'],
    [null, '—'],
    [Number.NaN, '—'],
  ])('percent %s → %s', (input, expected) => {
    expect(formatPercent(input)).toBe(expected);
  });

  it('shares of a whole, and none of nothing', () => {
    expect(formatShare(3, 4)).toBe('75.00%');
    expect(formatShare(1, 3)).toBe('33.33%');
    expect(formatShare(1, 0)).toBe('—');
  });

  it.each([
    [9.5, '9.50'],
    [84, '84.00'],
    [95.7, '95.70'],
    [null, '—'],
  ])('score %s → %s', (input, expected) => {
    expect(formatScore(input)).toBe(expected);
  });
});
