import { describe, expect, it } from 'vitest';
import { callNames, contract } from '../../electron/bridge/contract';
import { dispatch } from '../../electron/bridge/dispatcher';
import { handlers } from '../../electron/bridge/handlers';
import { listProjects } from '../../electron/projects/projects';
import { freshContext } from './tempLedger';

async function setup() {
  const ctx = freshContext({ year: 2023 });
  const unit = await dispatch(ctx, 'units.create', { name: '县水利局', code: '010', parentId: null, classified: false });
  if (!unit.ok) throw new Error(unit.error.message);
  return { ctx, unitId: (unit.value as { id: number }).id };
}

const goodProject = (unitId: number) => ({
  year: 2023,
  unitId,
  code: 'SL-01',
  name: '农田水利设施维护',
  projectType: '重点建设项目',
  budgetKind: 'general',
  initialBudget: '1,250.5',
  continuity: 'new',
  majorPolicy: true,
});

describe('the dispatcher', () => {
  it('has a handler for every call in the contract and nothing else', async () => {
    expect(Object.keys(handlers).sort()).toEqual([...callNames].sort());
    for (const name of callNames) expect(name).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/);
    expect(Object.values(contract).every((c) => typeof c.write === 'boolean' && c.doc.length > 0)).toBe(true);
  });

  it('creates a project from form input, turning 万元 text into exact 分', async () => {
    const { ctx, unitId } = await setup();
    const r = await dispatch(ctx, 'projects.create', goodProject(unitId));
    expect(r).toMatchObject({ ok: true, value: { name: '农田水利设施维护', initialBudgetFen: 1_250_500_000, majorPolicy: true } });
  });

  it('answers an empty name at the field, in Chinese, and writes nothing', async () => {
    const { ctx, unitId } = await setup();
    const r = await dispatch(ctx, 'projects.create', { ...goodProject(unitId), name: '   ' });
    expect(r).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('请填写项目名称'), fields: { name: '请填写项目名称' } },
    });
    expect(listProjects(ctx, { year: 2023 })).toHaveLength(0);
  });

  it.each([
    ['not money', { initialBudget: '一千万' }, 'initialBudget', '万元'],
    ['negative money', { initialBudget: '-3' }, 'initialBudget', '负数'],
    ['unknown budget kind', { budgetKind: 'lottery' }, 'budgetKind', '四本预算'],
    ['unknown project type', { projectType: '随便' }, 'projectType', '项目类型'],
    ['missing unit', { unitId: null }, 'unitId', '预算单位'],
    ['year out of range', { year: 1949 }, 'year', '2000'],
    ['overlong name', { name: '项'.repeat(201) }, 'name', '200'],
  ])('refuses %s at the field', async (_label, patch, field, words) => {
    const { ctx, unitId } = await setup();
    const r = await dispatch(ctx, 'projects.create', { ...goodProject(unitId), ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fields?.[field]).toContain(words);
    expect(listProjects(ctx, { year: 2023 })).toHaveLength(0);
  });

  it.each([
    ['-3', '年初预算数不能为负数，请填写数字（单位万元），如 12.50'],
    ['abc', '“abc”不是金额，请填写数字（单位万元），如 12.50'],
  ])('says once what is wrong with the amount %s, naming the field', async (initialBudget, message) => {
    const { ctx, unitId } = await setup();
    const r = await dispatch(ctx, 'projects.create', { ...goodProject(unitId), initialBudget });
    expect(r.ok ? null : r.error.fields?.initialBudget).toBe(message);
  });

  it('names a target form amount by its field', async () => {
    const { ctx } = await setup();
    const r = await dispatch(ctx, 'targets.save', { id: 1, annualTotal: '10', annualFiscal: '-1', annualOther: '0' });
    expect(r.ok ? null : r.error.fields?.annualFiscal).toBe('财政拨款不能为负数，请填写数字（单位万元），如 12.50');
  });

  it('answers a service rule (unknown unit) at the field too', async () => {
    const { ctx } = await setup();
    const r = await dispatch(ctx, 'projects.create', goodProject(9999));
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { unitId: '请选择预算单位' } } });
  });

  it.each([
    ['a name outside the contract', 'projects.drop'],
    ['a prototype key', '__proto__'],
    ['constructor', 'constructor'],
    ['toString', 'toString'],
    ['not a string', 42],
    ['an object', { call: 'projects.list' }],
    ['nothing', undefined],
  ])('refuses %s as a call', async (_label, call) => {
    const { ctx } = await setup();
    const r = await dispatch(ctx, call, { year: 2023 });
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown_call', message: expect.stringContaining('未知的操作') } });
  });

  it.each([
    ['null', null],
    ['a string', 'year=2023'],
    ['an array', [2023]],
    ['a prototype-polluting object', JSON.parse('{"__proto__": {"polluted": true}, "year": "2023"}')],
    ['extra fields with the wrong type', { year: 2023.5 }],
  ])('refuses %s as input without throwing', async (_label, input) => {
    const { ctx } = await setup();
    const r = await dispatch(ctx, 'projects.list', input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('invalid_input');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('turns an unexpected failure into a Chinese message instead of throwing', async () => {
    const { ctx } = await setup();
    ctx.ledger.sqlite.close();
    const r = await dispatch(ctx, 'projects.list', { year: 2023 });
    expect(r).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('操作未完成') } });
  });
});
