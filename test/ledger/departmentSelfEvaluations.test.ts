/**
 * 部门整体自评 on real ledger files: created from the shipped 部门整体 template (a copy that later
 * template edits leave alone), scored as one scorer with the year's bands (subtotals, total, grade stored
 * with the rule version), a score above its 分值 refused by name, the 报送 / 退回 / 审核通过 flow, a
 * closed year's refusal, and the audit log.
 */
import { describe, expect, it } from 'vitest';
import { recentAudit } from '../../electron/ledger/audit';
import { createFrameworkTemplate, updateFrameworkTemplate } from '../../electron/keyEvaluations/frameworkTemplates';
import { createUnit } from '../../electron/projects/units';
import { templateById } from '../../electron/rules/keyEvaluationFrameworks';
import { formatScore } from '../../electron/rules/numberFormat';
import {
  acceptDepartmentSelfEvaluation,
  createDepartmentSelfEvaluation,
  departmentSelfEvaluationCandidates,
  getDepartmentSelfEvaluation,
  listDepartmentSelfEvaluations,
  returnDepartmentSelfEvaluation,
  saveDepartmentSelfEvaluation,
  submitDepartmentSelfEvaluation,
  type DepartmentSelfEvaluationView,
} from '../../electron/selfEvaluations/departmentSelfEvaluations';
import { freshContext } from './tempLedger';

function setup() {
  const ctx = freshContext({ year: 2023 });
  const edu = createUnit(ctx, { name: '县教育局', code: '101', parentId: null, classified: false });
  const school = createUnit(ctx, { name: '县第一中学', code: '101001', parentId: edu.id, classified: false });
  const farm = createUnit(ctx, { name: '县农业农村局', code: '102', parentId: null, classified: false });
  return { ctx, edu, school, farm };
}

/** Every indicator scored at its 分值 less `deduct` points, taken from the indicators in order. */
function scored(view: DepartmentSelfEvaluationView, deduct: number) {
  let left = Math.round(deduct * 100);
  return view.score.indicators.map((ind) => {
    const off = Math.min(left, Math.round(ind.points * 100));
    left -= off;
    return { indicatorCode: ind.code, actual: `${ind.name}已完成`, score: (Math.round(ind.points * 100) - off) / 100, explanation: '' };
  });
}

describe('部门整体自评', () => {
  it('is created for a 主管部门 from the shipped 部门整体 framework, blank and unscored', () => {
    const { ctx, edu, farm } = setup();
    expect(departmentSelfEvaluationCandidates(ctx, { year: 2023 }).map((c) => c.unitName)).toEqual(['县教育局', '县农业农村局']);
    const view = createDepartmentSelfEvaluation(ctx, { year: 2023, unitId: edu.id, templateId: 'department' });
    expect(view.templateName).toBe('部门整体支出绩效评价指标体系');
    expect(view.framework).toEqual(templateById('department')!.framework);
    const names = view.score.indicators.map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining(['预算完成率', '结转结余率', '三公经费控制率', '政府采购执行率']));
    expect(view.entries).toHaveLength(names.length);
    expect(view).toMatchObject({ status: 'draft', statusLabel: '填报中', total: 0, grade: null, complete: false, ruleVersion: '2023.1' });
    expect(departmentSelfEvaluationCandidates(ctx, { year: 2023 }).map((c) => c.unitId)).toEqual([farm.id]);
    expect(() => createDepartmentSelfEvaluation(ctx, { year: 2023, unitId: edu.id, templateId: 'department' })).toThrow(
      '“县教育局”2023 年度已有部门整体自评，请在列表中打开它。',
    );
  });

  it('scores subtotals, total and grade by the year’s half-open bands and stores them', () => {
    const { ctx, edu } = setup();
    const view = createDepartmentSelfEvaluation(ctx, { year: 2023, unitId: edu.id, templateId: 'department' });
    const good = saveDepartmentSelfEvaluation(ctx, { id: view.id, entries: scored(view, 10) });
    expect(good).toMatchObject({ total: 90, grade: '优', complete: true });
    const first = good.score.level1[0]!;
    expect(first.score).toBe(first.weight - Math.min(10, first.weight));
    expect(good.score.level1.reduce((s, l) => s + Math.round(l.score * 100), 0) / 100).toBe(90);

    const edge = saveDepartmentSelfEvaluation(ctx, { id: view.id, entries: scored(view, 10.01) });
    expect(edge).toMatchObject({ total: 89.99, grade: '良' });
    expect(listDepartmentSelfEvaluations(ctx, { year: 2023 })).toEqual([
      expect.objectContaining({ unitName: '县教育局', total: 89.99, grade: '良', statusLabel: '填报中', ruleVersion: '2023.1' }),
    ]);
    expect(getDepartmentSelfEvaluation(ctx, { id: view.id }).entries[0]!.actual).toContain('已完成');

    const partly = scored(view, 0).map((e, k) => (k === 0 ? { ...e, score: null } : e));
    expect(saveDepartmentSelfEvaluation(ctx, { id: view.id, entries: partly })).toMatchObject({ grade: null, complete: false });
  });

  it('refuses a score above its 分值, naming the indicator, and keeps what was saved', () => {
    const { ctx, edu } = setup();
    const view = createDepartmentSelfEvaluation(ctx, { year: 2023, unitId: edu.id, templateId: 'department' });
    saveDepartmentSelfEvaluation(ctx, { id: view.id, entries: scored(view, 5) });
    const target = view.score.indicators.find((i) => i.name === '预算完成率')!;
    const over = scored(view, 0).map((e) => (e.indicatorCode === target.code ? { ...e, score: target.points + 1 } : e));
    expect(() => saveDepartmentSelfEvaluation(ctx, { id: view.id, entries: over })).toThrow(
      `“预算完成率”的得分 ${formatScore(target.points + 1)} 超出 0–${formatScore(target.points)} 分`,
    );
    expect(getDepartmentSelfEvaluation(ctx, { id: view.id }).total).toBe(95);
  });

  it('keeps its own copy of the framework when the bureau edits the template later', () => {
    const { ctx, farm } = setup();
    const own = createFrameworkTemplate(ctx, { name: '本县部门整体自评', description: '', fromTemplateId: 'department' });
    const view = createDepartmentSelfEvaluation(ctx, { year: 2023, unitId: farm.id, templateId: own.id });
    const renamed = own.framework.map((l1) => ({
      ...l1,
      level2: l1.level2.map((l2) => ({ ...l2, indicators: l2.indicators.map((i) => ({ ...i, name: `${i.name}（新）` })) })),
    }));
    updateFrameworkTemplate(ctx, { id: own.id, name: own.name, description: '', framework: renamed });
    const again = getDepartmentSelfEvaluation(ctx, { id: view.id });
    expect(again.templateName).toBe('本县部门整体自评');
    expect(again.score.indicators.some((i) => i.name.endsWith('（新）'))).toBe(false);
  });

  it('goes 报送 → 退回 with findings → corrected → 报送 → 审核通过, each step audited', () => {
    const { ctx, edu } = setup();
    const view = createDepartmentSelfEvaluation(ctx, { year: 2023, unitId: edu.id, templateId: 'department' });
    expect(() => submitDepartmentSelfEvaluation(ctx, { id: view.id })).toThrow('尚未评分，请填写得分后再报送');
    saveDepartmentSelfEvaluation(ctx, { id: view.id, entries: scored(view, 30) });
    expect(submitDepartmentSelfEvaluation(ctx, { id: view.id })).toMatchObject({ status: 'submitted', statusLabel: '已报送' });
    expect(() => saveDepartmentSelfEvaluation(ctx, { id: view.id, entries: scored(view, 0) })).toThrow(
      '已报送，不能修改。需要改正时请先退回单位。',
    );
    expect(() => returnDepartmentSelfEvaluation(ctx, { id: view.id, findings: ' ' })).toThrow('请写明退回的原因');
    const returned = returnDepartmentSelfEvaluation(ctx, { id: view.id, findings: '预算完成率与决算不符，请核对' });
    expect(returned).toMatchObject({ status: 'returned', findings: '预算完成率与决算不符，请核对', editable: true });
    expect(saveDepartmentSelfEvaluation(ctx, { id: view.id, entries: scored(view, 12) })).toMatchObject({ total: 88, grade: '良' });
    submitDepartmentSelfEvaluation(ctx, { id: view.id });
    expect(acceptDepartmentSelfEvaluation(ctx, { id: view.id })).toMatchObject({
      status: 'accepted',
      statusLabel: '已审核通过',
      editable: false,
    });
    expect(() => returnDepartmentSelfEvaluation(ctx, { id: view.id, findings: '再改' })).toThrow('已审核通过，不能退回');
    const actions = recentAudit(ctx, 20)
      .filter((a) => a.entity === 'department_self_evaluation')
      .map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'departmentSelfEvaluation.create',
        'departmentSelfEvaluation.save',
        'departmentSelfEvaluation.submit',
        'departmentSelfEvaluation.return',
        'departmentSelfEvaluation.accept',
      ]),
    );
  });

  it('refuses every write in a closed year and leaves the evaluation as it was', () => {
    const { ctx, edu, farm } = setup();
    const view = createDepartmentSelfEvaluation(ctx, { year: 2023, unitId: edu.id, templateId: 'department' });
    ctx.ledger.sqlite.prepare(`update fiscal_years set status = 'closed' where year = 2023`).run();
    expect(() => saveDepartmentSelfEvaluation(ctx, { id: view.id, entries: scored(view, 0) })).toThrow(
      '2023 年度已关账，只能查看，不能修改。',
    );
    expect(() => createDepartmentSelfEvaluation(ctx, { year: 2023, unitId: farm.id, templateId: 'department' })).toThrow('2023 年度已关账');
    expect(getDepartmentSelfEvaluation(ctx, { id: view.id })).toMatchObject({ total: 0, status: 'draft' });
    expect(listDepartmentSelfEvaluations(ctx, { year: 2023 })).toHaveLength(1);
  });
});
