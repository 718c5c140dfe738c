/** "At most two decimals", the one check behind 分值, 权重 and 得分 everywhere. */
import { describe, expect, it } from 'vitest';
import { twoDecimalProblem } from '../../electron/rules/decimals';

describe('twoDecimalProblem', () => {
  it('accepts whole numbers and hundredths, including what binary arithmetic makes of a typed decimal', () => {
    for (const n of [0, 3, 2.5, 2.35, 33.33, 99.99, 0.1 + 0.2, 1.15 * 3, 40]) expect(twoDecimalProblem('分值', n), String(n)).toBeNull();
  });

  it('names the label when there is a third decimal', () => {
    expect(twoDecimalProblem('分值', 2.125)).toBe('分值最多两位小数');
    expect(twoDecimalProblem('权重', 40.001)).toBe('权重最多两位小数');
    expect(twoDecimalProblem('得分', 59.999)).toBe('得分最多两位小数');
    expect(twoDecimalProblem('评分', 0.005)).toBe('评分最多两位小数');
  });
});
