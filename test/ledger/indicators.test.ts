import { describe, expect, it } from 'vitest';
import {
  createIndicator,
  createIndicatorClass,
  listIndicatorClasses,
  listIndicators,
  loadDefaultLibrary,
  reinstateIndicator,
  retireIndicator,
  updateIndicator,
  type IndicatorInput,
} from '../../electron/indicators/indicators';
import { freshContext } from './tempLedger';

describe('the default common indicator library', () => {
  it('loads 26 classes and 310 indicators, each well-formed, and loading again changes nothing', () => {
    const ctx = freshContext();
    expect(loadDefaultLibrary(ctx)).toEqual({ classesCreated: 26, created: 310, updated: 0, unchanged: 0 });
    expect(loadDefaultLibrary(ctx)).toEqual({ classesCreated: 0, created: 0, updated: 0, unchanged: 310 });
    const classes = listIndicatorClasses(ctx);
    expect(classes).toHaveLength(26);
    expect(classes[0]!.name).toBe('购置');
    expect(classes.at(-1)!.name).toBe('其他');
    const all = listIndicators(ctx);
    expect(all).toHaveLength(310);
    for (const c of classes) {
      const mine = all.filter((i) => i.classId === c.id);
      expect(
        mine.some((i) => i.mandatory),
        c.name,
      ).toBe(true);
      expect(new Set(mine.map((i) => i.level1)), c.name).toEqual(new Set(['产出指标', '效益指标', '满意度指标']));
    }
    expect(all.filter((i) => i.nature !== '定性').every((i) => i.unit)).toBe(true);
  });
});

describe('keeping the library', () => {
  const draft = (classId: number, over: Partial<IndicatorInput> = {}): IndicatorInput => ({
    classId,
    level1: '产出指标',
    level2: '数量指标',
    name: '宣传品发放数量',
    nature: '≥',
    unit: '份',
    explanation: null,
    standard: '计划标准',
    keywords: '宣传品',
    referenceHint: '≥1000份',
    mandatory: false,
    scope: 'annual',
    ...over,
  });

  it('adds an indicator and refuses the same name twice in a class, at the field', () => {
    const ctx = freshContext();
    const cls = createIndicatorClass(ctx, { name: '宣传' });
    createIndicator(ctx, draft(cls.id));
    expect(() => createIndicator(ctx, draft(cls.id))).toThrow(
      expect.objectContaining({ fields: { name: '“宣传”类已有指标“宣传品发放数量”' } }),
    );
    const other = createIndicatorClass(ctx, { name: '其他' });
    expect(createIndicator(ctx, draft(other.id)).className).toBe('其他');
  });

  it('refuses a quantitative indicator without a unit and drops the unit of a qualitative one', () => {
    const ctx = freshContext();
    const cls = createIndicatorClass(ctx, { name: '宣传' });
    expect(() => createIndicator(ctx, draft(cls.id, { unit: '' }))).toThrow(
      expect.objectContaining({ fields: { unit: '定量指标须填写计量单位' } }),
    );
    const q = createIndicator(
      ctx,
      draft(cls.id, { level1: '效益指标', level2: '社会效益指标', name: '政策知晓度', nature: '定性', unit: '%' }),
    );
    expect(q.unit).toBeNull();
  });

  it('retires an indicator instead of deleting it, and can bring it back', () => {
    const ctx = freshContext();
    const cls = createIndicatorClass(ctx, { name: '宣传' });
    const ind = createIndicator(ctx, draft(cls.id));
    const retired = retireIndicator(ctx, { id: ind.id });
    expect(retired.retiredAt).not.toBeNull();
    expect(listIndicators(ctx)).toHaveLength(1);
    expect(listIndicatorClasses(ctx)[0]).toMatchObject({ activeCount: 0, retiredCount: 1 });
    expect(reinstateIndicator(ctx, { id: ind.id }).retiredAt).toBeNull();
  });

  it('edits wording and marks an indicator mandatory', () => {
    const ctx = freshContext();
    const cls = createIndicatorClass(ctx, { name: '宣传' });
    const ind = createIndicator(ctx, draft(cls.id));
    const edited = updateIndicator(ctx, { ...draft(cls.id, { name: '宣传资料发放数量', mandatory: true }), id: ind.id });
    expect(edited).toMatchObject({ name: '宣传资料发放数量', mandatory: true });
  });
});
