import { describe, expect, it } from 'vitest';
import { conclusionOf, presetPoints, scoreExAnte, verdictOfConclusion, type ItemScore } from '../../electron/rules/exAnteScore';
import { DEFAULT_RULE_SET } from '../../electron/rules/ruleSet';
import type { Grade } from '../../db/vocabulary';

const rules = DEFAULT_RULE_SET.exAnte;
const all = (rating: Grade, points?: number): ItemScore[] =>
  rules.framework.flatMap((d) =>
    d.items.map((i) => ({
      dimension: d.dimension,
      item: i.name,
      rating,
      points: points ?? presetPoints(rating, i.points, rules),
      basis: '依据',
    })),
  );

describe('事前评估 scoring', () => {
  it('has five dimensions of 20 points, two 10-point sub-items each', () => {
    expect(rules.framework.map((d) => [d.dimension, d.items.length, d.items.reduce((a, i) => a + i.points, 0)])).toEqual([
      ['立项必要性', 2, 20],
      ['投入经济性', 2, 20],
      ['绩效目标合理性', 2, 20],
      ['实施方案可行性', 2, 20],
      ['筹资合规性', 2, 20],
    ]);
  });

  it.each([
    ['优', 100, '予以支持'],
    ['良', 85, '予以支持'],
    ['中', 70, '调整完善后予以支持'],
    ['差', 40, '不予支持'],
  ] as const)('all %s gives %d, %s', (rating, total, conclusion) => {
    const s = scoreExAnte(all(rating), rules);
    expect(s.total).toBe(total);
    expect(s.conclusion).toBe(conclusion);
    expect(s.dimensions.every((d) => d.max === 20)).toBe(true);
  });

  it.each([
    [80, '予以支持'],
    [79.99, '调整完善后予以支持'],
    [60, '调整完善后予以支持'],
    [59.99, '不予支持'],
  ])('a total of %d is %s', (total, conclusion) => {
    expect(conclusionOf(total, rules)).toBe(conclusion);
  });

  it('adds decimal points exactly', () => {
    const items = all('良').map((i, n) => ({ ...i, points: n % 2 ? 8.1 : 8.2 }));
    expect(scoreExAnte(items, rules).total).toBe(81.5);
  });

  it("refuses points outside the rating's band, and gives no conclusion until every item is scored", () => {
    const items = all('优');
    items[0] = { ...items[0]!, points: 8 };
    items[1] = { ...items[1]!, rating: null };
    const s = scoreExAnte(items, rules);
    expect(s.conclusion).toBeNull();
    expect(s.problems).toEqual([
      '“立项必要性·政策相关性”评为“优”，得分应在 9.00–10.00 分之间，现为 8.00 分',
      '“立项必要性·需求迫切性”尚未评级',
    ]);
  });

  it('refuses a third decimal, as every score in the ledger is kept to the hundredth', () => {
    const items = all('优');
    items[0] = { ...items[0]!, points: 9.125 };
    const s = scoreExAnte(items, rules);
    expect(s.conclusion).toBeNull();
    expect(s.problems).toEqual(['“立项必要性·政策相关性”得分最多两位小数，现为 9.125 分']);
  });
});

describe('the verdict of a conclusion', () => {
  it('is the band’s place: the first supports, the last rejects, any between supports after revision', () => {
    expect(rules.conclusionBands.map((b) => verdictOfConclusion(b.conclusion, rules.conclusionBands))).toEqual([
      'support',
      'supportAfterRevision',
      'reject',
    ]);
    const four = [{ conclusion: '予以支持' }, { conclusion: '基本支持' }, { conclusion: '调整后支持' }, { conclusion: '不予支持' }];
    expect(four.map((b) => verdictOfConclusion(b.conclusion, four))).toEqual([
      'support',
      'supportAfterRevision',
      'supportAfterRevision',
      'reject',
    ]);
  });

  it('is null for a conclusion the bands do not name, never a guess', () => {
    expect(verdictOfConclusion('暂缓支持', rules.conclusionBands)).toBeNull();
    expect(verdictOfConclusion('予以支持', [])).toBeNull();
  });
});
