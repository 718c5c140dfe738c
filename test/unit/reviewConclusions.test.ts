/**
 * The wordings a 会审意见表 writes its grades and conclusions in: each accepted one reads as its grade
 * (also spaced out, full-width or with a closing 。), a conclusion leading an opinion is split off it,
 * and nothing outside the table is guessed — "不同意" is never 同意, "修改后通过" never 通过.
 */
import { describe, expect, it } from 'vitest';
import {
  CONCLUSION_WORDINGS,
  conclusionOf,
  conclusionWordingsText,
  GRADE_WORDINGS,
  gradeOfWording,
} from '../../electron/rules/reviewConclusions';

describe('review wordings', () => {
  it.each(Object.entries(GRADE_WORDINGS))('the grade cell “%s” reads as %s', (wording, grade) => {
    expect(gradeOfWording(wording)).toBe(grade);
    expect(gradeOfWording(` ${[...wording].join(' ')}。`)).toBe(grade);
  });

  it.each(Object.entries(CONCLUSION_WORDINGS))('the conclusion “%s” reads as %s, alone or leading an opinion', (wording, grade) => {
    expect(conclusionOf(wording)).toEqual({ wording, grade, rest: '' });
    expect(conclusionOf(`${wording}。`)).toEqual({ wording, grade, rest: '' });
    expect(conclusionOf(`${wording}。建议补充满意度指标，细化资金测算。`, true)).toEqual({
      wording,
      grade,
      rest: '建议补充满意度指标，细化资金测算。',
    });
    // Only a table that has no 会审结论 column reads it from the opinion.
    expect(conclusionOf(`${wording}。建议补充满意度指标。`)).toBeNull();
  });

  it('reads the longest wording, so a negation or a condition is never taken for a pass', () => {
    expect(conclusionOf('不同意，项目已由上级资金安排。', true)).toMatchObject({ wording: '不同意', grade: '差' });
    expect(conclusionOf('修改后通过：补充时效指标。', true)).toMatchObject({ wording: '修改后通过', grade: '良' });
    expect(conclusionOf('不通过')).toMatchObject({ grade: '差' });
  });

  it('guesses nothing else', () => {
    for (const text of ['基本可行', '待定', '同意报送', '优良', 'A', '', '通过率高，建议保留']) expect(conclusionOf(text, true)).toBeNull();
    expect(gradeOfWording('通过')).toBeNull();
  });

  it('names the accepted wordings by grade for the messages', () => {
    expect(conclusionWordingsText()).toBe(
      '通过、同意、审核通过、会审通过、同意通过、予以通过（优）；修改后通过、完善后通过、补充完善后通过、修改完善后通过、基本同意、原则同意、原则通过、基本通过（良）；退回修改、修改后重报、修改后重新报送、退回重报（中）；不通过、不同意、不予通过、不予安排（差），或直接写 优、良、中、差',
    );
  });
});
