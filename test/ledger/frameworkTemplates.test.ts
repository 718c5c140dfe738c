/**
 * The bureau's own 评价指标体系模板 on a real ledger file: copied from a shipped template or from an
 * evaluation, edited indicator by indicator, refused when unusable, retired, and applied to an
 * evaluation — which keeps its own copy whatever later happens to the template.
 */
import { describe, expect, it } from 'vitest';
import { templateById } from '../../electron/rules/keyEvaluationFrameworks';
import type { Framework } from '../../electron/rules/keyEvaluationScore';
import { recentAudit } from '../../electron/ledger/audit';
import {
  createFrameworkTemplate,
  listFrameworkTemplates,
  setFrameworkTemplateRetired,
  updateFrameworkTemplate,
} from '../../electron/keyEvaluations/frameworkTemplates';
import { getKeyEvaluation, selectForEvaluation } from '../../electron/keyEvaluations/keyEvaluations';
import { applyFrameworkTemplate, saveFramework } from '../../electron/keyEvaluations/keyEvaluationFramework';
import { createProject } from '../../electron/projects/projects';
import { createUnit } from '../../electron/projects/units';
import { freshContext } from './tempLedger';
import { refusal } from '../fixtures/refusal';

function setup() {
  const ctx = freshContext({ year: 2023 });
  const unit = createUnit(ctx, { name: '轮台县水利局', code: '201', parentId: null, classified: false });
  const project = (code: string, name: string) =>
    createProject(ctx, {
      year: 2023,
      unitId: unit.id,
      code,
      name,
      projectType: '重点建设项目',
      budgetKind: 'general',
      initialBudgetFen: 500_000_000,
      continuity: 'new',
      majorPolicy: false,
    });
  const evaluation = (code: string, name: string) =>
    selectForEvaluation(ctx, {
      year: 2023,
      subject: 'project',
      projectId: project(code, name).id,
      selectionReason: '资金量大',
      evaluator: 'bureau',
    });
  return { ctx, evaluation };
}

/** The 10号 framework with 产出 made heavier: 实际完成率 +4, and 效益's 经济效益 −4 (weights 20/20/34/26). */
function heavierOutput(f: Framework): Framework {
  const copy = structuredClone(f);
  copy[2]!.weight = 34;
  copy[2]!.level2[0]!.indicators[0]!.points += 4;
  copy[3]!.weight = 26;
  copy[3]!.level2[0]!.indicators[1]!.points -= 4;
  return copy;
}

describe('the bureau’s framework templates', () => {
  it('lists the two shipped templates, read-only, before any of the bureau’s', () => {
    const { ctx } = setup();
    const list = listFrameworkTemplates(ctx);
    expect(list.map((t) => [t.id, t.builtIn])).toEqual([
      ['national10', true],
      ['department', true],
    ]);
    expect(
      refusal(() => updateFrameworkTemplate(ctx, { id: 'national10', name: 'x', description: '', framework: list[0]!.framework })).code,
    ).toBe('template_builtin');
  });

  it('copies a shipped template, edits it indicator by indicator, and builds an evaluation from it on its own weights', () => {
    const { ctx, evaluation } = setup();
    const copy = createFrameworkTemplate(ctx, { name: '水利工程项目评价指标体系', description: '产出加重', fromTemplateId: 'national10' });
    expect(copy).toMatchObject({
      id: expect.stringMatching(/^bureau:\d+$/),
      builtIn: false,
      retired: false,
      origin: expect.stringContaining('10号框架'),
    });
    expect(copy.framework).toEqual(templateById('national10')!.framework);

    const edited = heavierOutput(copy.framework);
    edited[2]!.level2[0]!.indicators.push({ code: '3.1.2', name: '工程验收合格率', points: 0.5, rule: '验收合格得满分', formula: null });
    // 产出 now adds up to 34.5 against a weight of 34: refused, nothing written
    const bad = refusal(() =>
      updateFrameworkTemplate(ctx, { id: copy.id, name: copy.name, description: copy.description, framework: edited }),
    );
    expect(bad.code).toBe('framework_invalid');
    expect(bad.fields?.framework).toContain('“产出”下三级指标分值合计为 34.5，应等于其权重 34');
    expect(listFrameworkTemplates(ctx).find((t) => t.id === copy.id)!.framework).toEqual(copy.framework);

    edited[2]!.level2[0]!.indicators[0]!.points -= 0.5;
    const saved = updateFrameworkTemplate(ctx, { id: copy.id, name: copy.name, description: '产出加重，含工程验收', framework: edited });
    expect(saved.framework[2]!.level2[0]!.indicators.map((i) => [i.code, i.points])).toEqual([
      ['3.1.1', 11.5],
      ['3.1.2', 0.5],
    ]);

    // without weights a bureau template keeps its own 20/20/34/26; a shipped one takes the year's 20/20/30/30
    const e = evaluation('SL-1', '农村饮水安全巩固提升工程');
    const built = applyFrameworkTemplate(ctx, { id: e.id, templateId: copy.id });
    expect(built.templateId).toBe(copy.id);
    expect(built.framework.map((l) => l.weight)).toEqual([20, 20, 34, 26]);
    expect(built.frameworkProblems).toEqual([]);
    expect(listFrameworkTemplates(ctx).find((t) => t.id === copy.id)!.usedBy).toBe(1);
    expect(applyFrameworkTemplate(ctx, { id: e.id, templateId: 'national10' }).framework.map((l) => l.weight)).toEqual([20, 20, 30, 30]);

    const actions = recentAudit(ctx, 10).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['frameworkTemplate.create', 'frameworkTemplate.update']));
  });

  it('saves an evaluation’s edited framework as a template; the evaluation keeps its copy when the template changes', () => {
    const { ctx, evaluation } = setup();
    const e = evaluation('SL-2', '高标准农田建设项目');
    applyFrameworkTemplate(ctx, { id: e.id, templateId: 'national10' });
    const framework = heavierOutput(getKeyEvaluation(ctx, { id: e.id }).framework);
    saveFramework(ctx, { id: e.id, framework });

    const t = createFrameworkTemplate(ctx, { name: '农田建设类', description: '', fromEvaluationId: e.id });
    expect(t.origin).toBe('取自 2023 年度评价：高标准农田建设项目');
    expect(t.framework).toEqual(framework);

    const changed = structuredClone(framework);
    changed[0]!.level2[0]!.indicators[0]!.name = '立项依据';
    updateFrameworkTemplate(ctx, { id: t.id, name: t.name, description: '', framework: changed });
    expect(getKeyEvaluation(ctx, { id: e.id }).framework).toEqual(framework);
  });

  it('refuses an unusable source, an empty or taken name, and offers a retired template no more', () => {
    const { ctx, evaluation } = setup();
    const blank = evaluation('SL-3', '河道治理项目');
    expect(refusal(() => createFrameworkTemplate(ctx, { name: '空的', description: '', fromEvaluationId: blank.id })).code).toBe(
      'framework_invalid',
    );
    expect(refusal(() => createFrameworkTemplate(ctx, { name: '无来源', description: '' })).fields).toEqual({
      fromTemplateId: '请选择要复制的模板',
    });
    expect(refusal(() => createFrameworkTemplate(ctx, { name: '  ', description: '', fromTemplateId: 'department' })).fields).toEqual({
      name: '请填写模板名称',
    });
    expect(
      refusal(() => createFrameworkTemplate(ctx, { name: templateById('department')!.name, description: '', fromTemplateId: 'department' }))
        .fields?.name,
    ).toBe('与随软件提供的模板重名，请另取名称');

    const t = createFrameworkTemplate(ctx, { name: '部门整体（本县）', description: '', fromTemplateId: 'department' });
    expect(
      refusal(() => createFrameworkTemplate(ctx, { name: '部门整体（本县）', description: '', fromTemplateId: 'national10' })).fields?.name,
    ).toBe('已有名为“部门整体（本县）”的模板');

    const retired = setFrameworkTemplateRetired(ctx, { id: t.id, retired: true });
    expect(retired.retired).toBe(true);
    expect(listFrameworkTemplates(ctx).map((x) => x.id)).not.toContain(t.id);
    expect(listFrameworkTemplates(ctx, { includeRetired: true }).map((x) => x.id)).toContain(t.id);
    const applied = refusal(() => applyFrameworkTemplate(ctx, { id: blank.id, templateId: t.id }));
    expect(applied.fields).toEqual({ templateId: '该模板已停用' });
    expect(getKeyEvaluation(ctx, { id: blank.id }).framework).toEqual([]);

    setFrameworkTemplateRetired(ctx, { id: t.id, retired: false });
    expect(applyFrameworkTemplate(ctx, { id: blank.id, templateId: t.id }).frameworkProblems).toEqual([]);
    expect(refusal(() => setFrameworkTemplateRetired(ctx, { id: 'bureau:999', retired: true })).code).toBe('template_missing');
  });
});
