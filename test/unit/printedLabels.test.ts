/**
 * Printed labels as real tables write them, one entry each: the name and the weight read, and the
 * names whose numbers are part of the name left whole.
 */
import { describe, expect, it } from 'vitest';
import { parsePrintedLabel, parsePrintedNumber, printedGradeOf, printedTotalOf, sameGrade } from '../../electron/formats/printedLabels';

describe('parsePrintedLabel', () => {
  it.each([
    ['一、决策（15分）', '决策', 15, '分'],
    ['A决策15分', '决策', 15, '分'],
    ['B过程25分', '过程', 25, '分'],
    ['A 决策 (15分)', '决策', 15, '分'],
    ['A、决策（15分）', '决策', 15, '分'],
    ['决策(15)', '决策', 15, null],
    ['决策（15）', '决策', 15, null],
    ['决策 15分', '决策', 15, '分'],
    ['决策：15分', '决策', 15, '分'],
    ['决策（2.5分）', '决策', 2.5, '分'],
    ['（二）项目立项', '项目立项', null, null],
    ['(1)项目立项（5分）', '项目立项', 5, '分'],
    ['1.1 立项依据充分性(3分)', '立项依据充分性', 3, '分'],
    ['1.1.2立项程序规范性', '立项程序规范性', null, null],
    ['1、资金到位率', '资金到位率', null, null],
    ['一、决策（权重15%）', '决策', 15, '%'],
    ['决策（15%）', '决策', 15, '%'],
    ['决策（权重：15分）', '决策', 15, '分'],
    ['决策 权重15%', '决策', 15, '%'],
    ['II、过程（25分）', '过程', 25, '分'],
    ['①立项依据充分性', '立项依据充分性', null, null],
    ['项目立项', '项目立项', null, null],
    ['四、效益', '效益', null, null],
    // Numbers that belong to the name, and targets, are not weights.
    ['2024年度任务完成率', '2024年度任务完成率', null, null],
    ['PM2.5年均浓度下降率', 'PM2.5年均浓度下降率', null, null],
    ['综合评分不低于85分', '综合评分不低于85分', null, null],
    ['群众满意度达到90分', '群众满意度达到90分', null, null],
    ['覆盖率达到95%', '覆盖率达到95%', null, null],
    ['3年内完成率', '3年内完成率', null, null],
    ['15分', '15分', null, null],
  ])('%s → %s, %s', (text, name, weight, unit) => {
    expect(parsePrintedLabel(text)).toEqual({ name, weight, unit });
  });
});

describe('parsePrintedNumber', () => {
  it.each([
    [3, 3],
    ['2.5', 2.5],
    ['3分', 3],
    ['３分', 3],
    [' 15% ', 15],
    ['.5', 0.5],
    ['五分', null],
    ['约3分', null],
    ['', null],
  ])('%s → %s', (text, value) => {
    expect(parsePrintedNumber(String(text))).toBe(value);
  });
});

describe('printed totals and grades', () => {
  it.each([
    ['合计', { kind: 'total', names: null }],
    ['合 计', { kind: 'total', names: null }],
    ['总分', { kind: 'total', names: null }],
    ['得分合计：', { kind: 'total', names: null }],
    ['小计', { kind: 'subtotal', names: null }],
    ['本页小计', { kind: 'subtotal', names: null }],
    ['本页合计', { kind: 'subtotal', names: null }],
    ['决策小计', { kind: 'subtotal', names: '决策' }],
    ['一、决策合计', { kind: 'subtotal', names: '决策' }],
    ['小计（项目立项）', { kind: 'subtotal', names: '项目立项' }],
    ['立项依据充分性', null],
    ['合计数应等于各项之和', null],
  ])('%s', (text, expected) => {
    expect(printedTotalOf(text)).toEqual(expected);
  });

  it.each([
    ['评价等级：良', { grade: '良' }],
    ['等级:优秀', { grade: '优秀' }],
    ['评价等级', 'label'],
    ['等级：', 'label'],
    ['评价结论：该项目总体实施较好，达到预期目标', null],
    ['评价得分', null],
  ])('%s', (text, expected) => {
    expect(printedGradeOf(text)).toEqual(expected);
  });

  it.each([
    ['良', '良', true],
    ['良好', '良', true],
    ['优秀', '优', true],
    ['良', '优', false],
    ['优良', '优', false],
    ['良好。', '良', true],
  ])('%s is %s: %s', (printed, grade, same) => {
    expect(sameGrade(printed, grade)).toBe(same);
  });
});
