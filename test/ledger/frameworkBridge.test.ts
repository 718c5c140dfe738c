/**
 * Every framework the editor refuses is refused through the bridge as well, in the editor's own words
 * and at the editor's own fields, and nothing is written: saving an evaluation's framework, saving a
 * template of the bureau's, and spreading a template on weights. The editor's messages are computed
 * with the editor's own function (draftMessages); a few are spelled out so the test fails if the words
 * change on both sides at once.
 */
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { dispatch } from '../../electron/bridge/dispatcher';
import type { BridgeError, Envelope, FrameworkTemplateRow, KeyEvaluationView } from '../../electron/bridge/contract';
import type { ServiceContext } from '../../electron/ledger/context';
import type { Framework } from '../../electron/rules/keyEvaluationScore';
import { canSave, draftMessages } from '../../renderer/keyEvaluations/frameworkDraft';
import { freshContext } from './tempLedger';

async function call<T>(ctx: ServiceContext, name: string, input: unknown): Promise<T> {
  const r = (await dispatch(ctx, name, input)) as Envelope<T>;
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value;
}

/** A ledger with one evaluation on the 10号 framework (20/20/30/30) and a bureau template copied from it. */
async function setup() {
  const ctx = freshContext({ year: 2023 });
  const unit = await call<{ id: number }>(ctx, 'units.create', { name: '轮台县水利局', code: '010', parentId: null, classified: false });
  const project = await call<{ id: number }>(ctx, 'projects.create', {
    year: 2023,
    unitId: unit.id,
    code: 'SL-01',
    name: '农田水利设施维护',
    projectType: '重点建设项目',
    budgetKind: 'general',
    initialBudget: '1,250.5',
    continuity: 'new',
    majorPolicy: false,
  });
  const selected = await call<KeyEvaluationView>(ctx, 'keyEvaluations.select', {
    year: 2023,
    subject: 'project',
    projectId: project.id,
    unitId: null,
    name: null,
    selectionReason: '资金量大、受益面广',
    evaluator: 'bureau',
    evaluatorName: null,
    covered: null,
  });
  const evaluation = await call<KeyEvaluationView>(ctx, 'keyEvaluations.applyTemplate', {
    id: selected.id,
    templateId: 'national10',
    weights: null,
  });
  const template = await call<FrameworkTemplateRow>(ctx, 'keyEvaluations.createTemplate', {
    name: '水利项目评价指标体系',
    description: '',
    fromTemplateId: 'national10',
  });
  return { ctx, evaluation, template };
}

const auditCount = (ctx: ServiceContext) => ctx.ledger.db.select().from(auditLog).all().length;

/** What the editor shows for `f`, as the bridge's refusal carries it: each input's message at `framework.<input>`, the alert at `framework`. */
function editorFields(f: Framework): Record<string, string> {
  const { fields, overall } = draftMessages(f);
  const atInputs = Object.fromEntries(Object.entries(fields).map(([input, message]) => [`framework.${input}`, message]));
  return overall.length ? { ...atInputs, framework: overall.join('；') } : atInputs;
}

type Case = [label: string, change: (f: Framework) => Framework, literal: Record<string, string>];

const twoLevels = (w1: number, w2: number): Framework => [
  {
    name: '决策',
    weight: w1,
    level2: [
      { name: '项目立项', indicators: [{ code: '1.1.1', name: '立项依据充分性', points: w1, rule: '依据充分得满分', formula: null }] },
    ],
  },
  {
    name: '效益',
    weight: w2,
    level2: [
      { name: '满意度', indicators: [{ code: '2.1.1', name: '服务对象满意度', points: w2, rule: '满意度 ≥ 90% 得满分', formula: null }] },
    ],
  },
];

const CASES: Case[] = [
  [
    'a 一级 whose points do not add up to its weight',
    (f) => {
      f[0]!.level2[0]!.indicators[0]!.points = 5;
      return f;
    },
    { framework: '“决策”下三级指标分值合计为 22，应等于其权重 20' },
  ],
  [
    'weights not adding up to 100',
    (f) => {
      f[3]!.weight = 35;
      f[3]!.level2[1]!.indicators[0]!.points += 5;
      return f;
    },
    { framework: '一级指标权重合计为 105，应为 100' },
  ],
  // 40.001 + 59.999 is 100 in hundredths, and each 一级 adds up in hundredths: only the decimals are wrong.
  [
    'more than two decimals',
    () => twoLevels(40.001, 59.999),
    { 'framework.0.weight': '权重最多两位小数', 'framework.0.0.0.points': '分值最多两位小数', 'framework.1.weight': '权重最多两位小数' },
  ],
  [
    'an empty 评分标准',
    (f) => {
      f[1]!.level2[0]!.indicators[1]!.rule = '  ';
      return f;
    },
    { 'framework.1.0.1.rule': '请填写评分标准' },
  ],
  [
    'a 一级 given twice',
    (f) => {
      f[1]!.name = '决策';
      return f;
    },
    { 'framework.0.name': '一级指标“决策”重复', 'framework.1.name': '一级指标“决策”重复' },
  ],
];

function expectEditorsRefusal(r: Envelope<unknown>, bad: Framework, literal: Record<string, string>): void {
  expect(r.ok).toBe(false);
  const error = (r as { error: BridgeError }).error;
  expect(error.code).toBe('framework_invalid');
  expect(error.fields).toEqual(editorFields(bad));
  expect(error.fields).toMatchObject(literal);
  const { fields, overall } = draftMessages(bad);
  for (const m of [...Object.values(fields), ...overall]) expect(error.message).toContain(m);
}

describe('a framework the editor refuses, sent through the bridge', () => {
  it.each(CASES)('is refused on saving an evaluation’s framework: %s', async (_label, change, literal) => {
    const { ctx, evaluation } = await setup();
    const bad = change(structuredClone(evaluation.framework));
    expect(canSave(bad)).toBe(false);
    const before = auditCount(ctx);
    expectEditorsRefusal(await dispatch(ctx, 'keyEvaluations.saveFramework', { id: evaluation.id, framework: bad }), bad, literal);
    expect((await call<KeyEvaluationView>(ctx, 'keyEvaluations.get', { id: evaluation.id })).framework).toEqual(evaluation.framework);
    expect(auditCount(ctx)).toBe(before);
  });

  it.each(CASES)('is refused on saving a template of the bureau’s: %s', async (_label, change, literal) => {
    const { ctx, template } = await setup();
    const bad = change(structuredClone(template.framework));
    const before = auditCount(ctx);
    expectEditorsRefusal(
      await dispatch(ctx, 'keyEvaluations.updateTemplate', { id: template.id, name: template.name, description: '改过', framework: bad }),
      bad,
      literal,
    );
    const stored = (await call<FrameworkTemplateRow[]>(ctx, 'keyEvaluations.templates', {})).find((t) => t.id === template.id)!;
    expect(stored).toMatchObject({ description: '', framework: template.framework });
    expect(auditCount(ctx)).toBe(before);
  });

  it('is refused when a template is spread on weights with more than two decimals', async () => {
    const { ctx, evaluation } = await setup();
    const before = auditCount(ctx);
    const r = await dispatch(ctx, 'keyEvaluations.applyTemplate', {
      id: evaluation.id,
      templateId: 'national10',
      weights: [20.001, 19.999, 30, 30],
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'framework_invalid', fields: { 'framework.0.weight': '权重最多两位小数', 'framework.1.weight': '权重最多两位小数' } },
    });
    expect((await call<KeyEvaluationView>(ctx, 'keyEvaluations.get', { id: evaluation.id })).framework).toEqual(evaluation.framework);
    expect(auditCount(ctx)).toBe(before);
  });

  it('while the framework the editor accepts is saved', async () => {
    const { ctx, evaluation } = await setup();
    const good = twoLevels(40.5, 59.5);
    expect(canSave(good)).toBe(true);
    const saved = await call<KeyEvaluationView>(ctx, 'keyEvaluations.saveFramework', { id: evaluation.id, framework: good });
    expect(saved).toMatchObject({ framework: good, frameworkProblems: [] });
  });
});
