/**
 * 财政重点绩效评价 on real ledger files: templates re-weighted, framework refusals, experts scoring to a
 * grade through the rules, refusals at the field, 定稿, the findings as a 整改通知, result application
 * and the year's figures computed from the records.
 */
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_TEMPLATES, respreadWeights, templateById } from '../../electron/rules/keyEvaluationFrameworks';
import { frameworkProblems } from '../../electron/rules/keyEvaluationFrameworkCheck';
import type { Framework } from '../../electron/rules/keyEvaluationScore';
import type { ServiceContext } from '../../electron/ledger/context';
import {
  keyEvaluationYearFigures,
  listResultActions,
  publicationRows,
  recordResultAction,
  suggestedAction,
} from '../../electron/keyEvaluations/keyEvaluationResults';
import {
  getKeyEvaluation,
  issueFindingsNotice,
  saveEvaluationTexts,
  selectForEvaluation,
  type KeyEvaluationView,
} from '../../electron/keyEvaluations/keyEvaluations';
import { applyFrameworkTemplate, saveFramework } from '../../electron/keyEvaluations/keyEvaluationFramework';
import { finalizeKeyEvaluation, recordScores, setExperts } from '../../electron/keyEvaluations/keyEvaluationScoring';
import { listNotices } from '../../electron/rectification/noticeList';
import { createProject } from '../../electron/projects/projects';
import { createUnit } from '../../electron/projects/units';
import { createYear } from '../../electron/settings/yearSetup';
import { freshContext } from './tempLedger';
import { eq } from 'drizzle-orm';
import { fiscalYears } from '../../db/schema';
import { ruleSetOf } from '../../electron/ledger/years';
import { serialiseRuleSet } from '../../electron/rules/ruleSet';
import { refusal } from '../fixtures/refusal';

const codesOf = (f: Framework) => f.flatMap((l1) => l1.level2.flatMap((l2) => l2.indicators));

function setup() {
  const ctx = freshContext({ year: 2023 });
  const dept = createUnit(ctx, { name: '轮台县农业农村局', code: '101', parentId: null, classified: false });
  const unit = createUnit(ctx, { name: '轮台县农业技术推广站', code: '101001', parentId: dept.id, classified: false });
  const project = createProject(ctx, {
    year: 2023,
    unitId: unit.id,
    code: 'P-1',
    name: '2022年轮台县耕地轮作补助项目',
    projectType: '补助补贴',
    budgetKind: 'general',
    initialBudgetFen: 1_305_000_000,
    continuity: 'continuing',
    majorPolicy: false,
  });
  createProject(ctx, {
    year: 2023,
    unitId: dept.id,
    code: 'P-2',
    name: '农业综合执法经费',
    projectType: '特定目标类',
    budgetKind: 'general',
    initialBudgetFen: 12_345_600,
    continuity: 'continuing',
    majorPolicy: false,
  });
  return { ctx, dept, unit, project };
}

/** Every expert gives `share` of each indicator's points, rounded to 0.1. */
function scoreAll(ctx: ServiceContext, view: KeyEvaluationView, shares: number[]): KeyEvaluationView {
  let last = view;
  view.experts.forEach((e, k) => {
    last = recordScores(ctx, {
      id: view.id,
      expertId: e.id,
      scores: codesOf(view.framework).map((i) => ({
        indicatorCode: i.code,
        score: Math.round(i.points * shares[k]! * 10) / 10,
        basis: '查阅资料、现场核查',
      })),
    });
  });
  return last;
}

const NATIONAL = templateById('national10')!.framework;

describe('framework templates', () => {
  it('are usable as given, 20/20/30/30, with formulas where domain.md gives them', () => {
    for (const t of FRAMEWORK_TEMPLATES) {
      expect(frameworkProblems(t.framework), t.id).toEqual([]);
      expect(t.framework.map((l) => [l.name, l.weight])).toEqual([
        ['决策', 20],
        ['过程', 20],
        ['产出', 30],
        ['效益', 30],
      ]);
    }
    const national = codesOf(NATIONAL);
    expect(national.map((i) => i.name)).toEqual([
      '立项依据充分性',
      '立项程序规范性',
      '绩效目标合理性',
      '绩效指标明确性',
      '预算编制科学性',
      '资金分配合理性',
      '资金到位率',
      '预算执行率',
      '资金使用合规性',
      '管理制度健全性',
      '制度执行有效性',
      '实际完成率',
      '质量达标率',
      '完成及时性',
      '成本节约率',
      '社会效益',
      '经济效益',
      '生态效益',
      '可持续影响',
      '服务对象满意度',
    ]);
    expect(national.find((i) => i.name === '资金到位率')!.formula).toMatch(/实际到位资金 \/ 预算资金/);
    expect(national.find((i) => i.name === '成本节约率')!.formula).toMatch(/\(计划成本 − 实际成本\) \/ 计划成本/);
  });

  it('re-spreads weights proportionally in hundredths, the last indicator taking the rounding', () => {
    const f = respreadWeights(NATIONAL, [15, 25, 25, 35]);
    expect(frameworkProblems(f)).toEqual([]);
    expect(f.map((l) => l.weight)).toEqual([15, 25, 25, 35]);
    expect(f[0]!.level2.flatMap((l) => l.indicators.map((i) => i.points))).toEqual([2.25, 2.25, 3, 2.25, 3, 2.25]);
    // thirds: rounding lands on the last indicator of each 一级, never lost
    const odd = respreadWeights(NATIONAL, [33.33, 33.33, 16.67, 16.67]);
    expect(frameworkProblems(odd)).toEqual([]);
    for (const p of codesOf(odd).map((i) => i.points)) expect(Math.round(p * 100)).toBeCloseTo(p * 100, 6);
    // the template itself is not changed
    expect(NATIONAL[0]!.weight).toBe(20);
  });
});

describe('an evaluation from selection to result', () => {
  it('selects a project with its budget as the money covered, and a 部门整体 with the unit’s projects', () => {
    const { ctx, project, dept } = setup();
    const e = selectForEvaluation(ctx, {
      year: 2023,
      subject: 'project',
      projectId: project.id,
      selectionReason: '资金量大、受益面广',
      evaluator: 'thirdParty',
      evaluatorName: '某会计师事务所',
    });
    expect(e).toMatchObject({
      name: project.name,
      coveredFen: 1_305_000_000,
      status: 'draft',
      statusLabel: '拟定',
      evaluatorLabel: '第三方机构',
      unitName: '轮台县农业技术推广站',
    });
    expect(
      refusal(() =>
        selectForEvaluation(ctx, { year: 2023, subject: 'project', projectId: project.id, selectionReason: 'x', evaluator: 'bureau' }),
      ).code,
    ).toBe('evaluation_exists');
    const d = selectForEvaluation(ctx, {
      year: 2023,
      subject: 'department',
      unitId: dept.id,
      selectionReason: '部门整体',
      evaluator: 'bureau',
    });
    expect(d).toMatchObject({ name: '轮台县农业农村局部门整体支出', coveredFen: 12_345_600, subjectLabel: '部门整体', projectId: null });
    expect(
      refusal(() =>
        selectForEvaluation(ctx, { year: 2023, subject: 'project', projectId: project.id + 99, selectionReason: '', evaluator: 'bureau' }),
      ).fields,
    ).toMatchObject({ projectId: expect.any(String) });
  });

  it('refuses a framework whose points do not add up, naming the problems', () => {
    const { ctx, project } = setup();
    const e = selectForEvaluation(ctx, {
      year: 2023,
      subject: 'project',
      projectId: project.id,
      selectionReason: '资金量大',
      evaluator: 'bureau',
    });
    const framed = applyFrameworkTemplate(ctx, { id: e.id, templateId: 'national10' });
    expect(framed.frameworkProblems).toEqual([]);
    const bad = structuredClone(framed.framework);
    bad[0]!.level2[0]!.indicators[0]!.points = 5;
    const err = refusal(() => saveFramework(ctx, { id: e.id, framework: bad }));
    expect(err.code).toBe('framework_invalid');
    expect(err.message).toMatch(/“决策”下三级指标分值合计为 22，应等于其权重 20/);
    expect(refusal(() => applyFrameworkTemplate(ctx, { id: e.id, templateId: 'national10', weights: [20, 20, 30, 35] })).message).toMatch(
      /一级指标权重合计为 105/,
    );
    expect(refusal(() => applyFrameworkTemplate(ctx, { id: e.id, templateId: 'nope' })).fields).toMatchObject({
      templateId: expect.any(String),
    });
    expect(getKeyEvaluation(ctx, { id: e.id }).framework).toEqual(framed.framework);
  });

  it('two experts score; the grade appears through the rules once every score is in; 定稿 fixes it', () => {
    const { ctx, project } = setup();
    const e = selectForEvaluation(ctx, {
      year: 2023,
      subject: 'project',
      projectId: project.id,
      selectionReason: '资金量大',
      evaluator: 'bureau',
    });
    applyFrameworkTemplate(ctx, { id: e.id, templateId: 'national10', weights: [15, 25, 25, 35] });
    const withExperts = setExperts(ctx, { id: e.id, names: ['张专家', '李专家'] });
    const [zhang, li] = withExperts.experts;
    const codes = codesOf(withExperts.framework);

    // the first expert only: no grade, and 定稿 is refused with what is missing
    const half = recordScores(ctx, {
      id: e.id,
      expertId: zhang!.id,
      scores: codes.map((i) => ({ indicatorCode: i.code, score: i.points, basis: '满分' })),
    });
    expect(half.status).toBe('scoring');
    expect(half.score).toMatchObject({ complete: false, grade: null });
    const incomplete = refusal(() => finalizeKeyEvaluation(ctx, { id: e.id }));
    expect(incomplete.code).toBe('evaluation_incomplete');
    expect(incomplete.message).toMatch(/还有 20 项专家评分未填写/);

    // the second: 80% everywhere → each indicator's mean of 100% and 80% printed half-up to 2 decimals
    // (2.25 and 1.8 → 2.03); the total is the exact means added up (89.995: 李专家's 80% of 6.67 is
    // 5.34) and rounded once: 90.00, 优 — the grade is read from the total as rounded
    const full = recordScores(ctx, {
      id: e.id,
      expertId: li!.id,
      scores: codes.map((i) => ({ indicatorCode: i.code, score: Math.round(i.points * 80) / 100, basis: '部分达成' })),
    });
    expect(full.score.complete).toBe(true);
    expect(full.score.total).toBe(90);
    expect(full.score.grade).toBe('优');
    expect(full.score.indicators[0]).toMatchObject({ points: 2.25, byExpert: [2.25, 1.8], score: 2.03 });
    expect(full.score.level1.map((l) => l.score)).toEqual([13.5, 22.5, 22.5, 31.5]);
    expect(full.subtotals).toBe('fromExact');

    // a year whose province prints sums of the printed scores: the same scores add up to 90.06
    const rules = ruleSetOf(ctx, 2023);
    ctx.ledger.db
      .update(fiscalYears)
      .set({ ruleSet: serialiseRuleSet({ ...rules, keyEvaluation: { ...rules.keyEvaluation, subtotals: 'fromPrinted' } }) })
      .where(eq(fiscalYears.year, 2023))
      .run();
    const printed = getKeyEvaluation(ctx, { id: e.id });
    expect(printed).toMatchObject({ subtotals: 'fromPrinted', score: { total: 90.06, grade: '优' } });
    expect(Math.round(printed.score.level1.reduce((s, l) => s + l.score * 100, 0))).toBe(9006);

    const final = finalizeKeyEvaluation(ctx, { id: e.id });
    expect(final).toMatchObject({ status: 'final', total: 90.06, grade: '优', ruleVersion: '2023.1' });
    expect(final.finalizedAt).not.toBeNull();
    expect(refusal(() => recordScores(ctx, { id: e.id, expertId: li!.id, scores: [] })).code).toBe('evaluation_final');
    expect(suggestedAction(ctx, { evaluationId: e.id })).toEqual({ grade: '优', action: '优先保障' });
  });

  it('refuses an out-of-range score at the field scores.<code>, saving none of the expert’s scores', () => {
    const { ctx, project } = setup();
    const e = selectForEvaluation(ctx, {
      year: 2023,
      subject: 'project',
      projectId: project.id,
      selectionReason: '资金量大',
      evaluator: 'bureau',
    });
    applyFrameworkTemplate(ctx, { id: e.id, templateId: 'national10' });
    const v = setExperts(ctx, { id: e.id, names: ['张专家'] });
    const err = refusal(() =>
      recordScores(ctx, {
        id: e.id,
        expertId: v.experts[0]!.id,
        scores: [
          { indicatorCode: '1.1.1', score: 2.5, basis: '' },
          { indicatorCode: '1.1.2', score: 3.5, basis: '' },
          { indicatorCode: '9.9.9', score: 1, basis: '' },
          { indicatorCode: '2.1.1', score: -1, basis: '' },
        ],
      }),
    );
    expect(err.code).toBe('invalid_input');
    expect(err.fields).toEqual({
      'scores.1.1.2': '“立项程序规范性”满分 3.00 分，评分应在 0–3.00 分之间',
      'scores.9.9.9': '指标体系中没有该指标',
      'scores.2.1.1': '“资金到位率”满分 4.00 分，评分应在 0–4.00 分之间',
    });
    expect(getKeyEvaluation(ctx, { id: e.id }).scores).toEqual([]);
  });

  it('issues the findings as a 整改通知 with source evaluation, once', () => {
    const { ctx, project } = setup();
    const e = selectForEvaluation(ctx, {
      year: 2023,
      subject: 'project',
      projectId: project.id,
      selectionReason: '资金量大',
      evaluator: 'bureau',
    });
    expect(refusal(() => issueFindingsNotice(ctx, { id: e.id, deadline: '2023-04-30' })).fields).toMatchObject({
      findings: expect.any(String),
    });
    saveEvaluationTexts(ctx, {
      id: e.id,
      findings: '轮作面积核实不到位。',
      recommendations: '建立轮作地块台账，逐户核实面积。',
      experience: null,
      otherNotes: null,
    });
    const notice = issueFindingsNotice(ctx, { id: e.id, deadline: '2023-04-30' });
    expect(notice).toMatchObject({
      source: 'evaluation',
      sourceLabel: expect.any(String),
      projectId: project.id,
      status: 'draft',
      requirements: '建立轮作地块台账，逐户核实面积。',
    });
    expect(notice.findings).toMatch(/轮作面积核实不到位/);
    expect(listNotices(ctx, { year: 2023 }).filter((n) => n.source === 'evaluation')).toHaveLength(1);
    expect(getKeyEvaluation(ctx, { id: e.id }).noticeId).toBe(notice.id);
    expect(refusal(() => issueFindingsNotice(ctx, { id: e.id, deadline: '2023-04-30' })).code).toBe('notice_exists');
  });

  it('suggests the action by grade and records actions against next year’s budget', () => {
    const { ctx, project, unit } = setup();
    const e = selectForEvaluation(ctx, {
      year: 2023,
      subject: 'project',
      projectId: project.id,
      selectionReason: '资金量大',
      evaluator: 'bureau',
    });
    applyFrameworkTemplate(ctx, { id: e.id, templateId: 'national10' });
    const v = setExperts(ctx, { id: e.id, names: ['甲', '乙'] });
    expect(suggestedAction(ctx, { evaluationId: e.id })).toEqual({ grade: null, action: null });
    expect(
      refusal(() =>
        recordResultAction(ctx, {
          evaluationId: e.id,
          actionType: '核减',
          amountFen: 1,
          nextYearProjectId: null,
          status: 'planned',
          note: null,
        }),
      ).code,
    ).toBe('evaluation_not_final');
    scoreAll(ctx, v, [0.7, 0.72]);
    const final = finalizeKeyEvaluation(ctx, { id: e.id });
    expect(final.grade).toBe('中');
    expect(suggestedAction(ctx, { evaluationId: e.id })).toEqual({ grade: '中', action: '核减' });

    createYear(ctx, { year: 2024 });
    const next = createProject(ctx, {
      year: 2024,
      unitId: unit.id,
      code: 'P-1',
      name: '2023年轮台县耕地轮作补助项目',
      projectType: '补助补贴',
      budgetKind: 'general',
      initialBudgetFen: 1_200_000_000,
      continuity: 'continuing',
      majorPolicy: false,
    });
    expect(
      refusal(() =>
        recordResultAction(ctx, {
          evaluationId: e.id,
          actionType: '核减',
          amountFen: 100,
          nextYearProjectId: project.id,
          status: 'planned',
          note: null,
        }),
      ).fields,
    ).toMatchObject({ nextYearProjectId: expect.stringMatching(/2024 年度/) });
    expect(
      refusal(() =>
        recordResultAction(ctx, {
          evaluationId: e.id,
          actionType: '随便',
          amountFen: null,
          nextYearProjectId: null,
          status: 'planned',
          note: null,
        }),
      ).fields,
    ).toMatchObject({ actionType: expect.any(String) });
    const action = recordResultAction(ctx, {
      evaluationId: e.id,
      actionType: '核减',
      amountFen: 105_000_000,
      nextYearProjectId: next.id,
      status: 'applied',
      note: '按评价结果核减 10.5 万元',
    });
    expect(action).toMatchObject({
      actionType: '核减',
      amountFen: 105_000_000,
      nextYearProjectName: '2023年轮台县耕地轮作补助项目',
      statusLabel: '已落实',
    });
    expect(listResultActions(ctx, { year: 2023 })).toHaveLength(1);
  });

  it('gives the year’s figures and publication rows from the final records only', () => {
    const { ctx, project, dept } = setup();
    const a = selectForEvaluation(ctx, {
      year: 2023,
      subject: 'project',
      projectId: project.id,
      selectionReason: '资金量大',
      evaluator: 'bureau',
    });
    const b = selectForEvaluation(ctx, {
      year: 2023,
      subject: 'department',
      unitId: dept.id,
      selectionReason: '部门整体',
      evaluator: 'bureau',
    });
    for (const [e, template, shares] of [
      [a, 'national10', [0.95, 0.93]],
      [b, 'department', [0.85, 0.86]],
    ] as const) {
      applyFrameworkTemplate(ctx, { id: e.id, templateId: template });
      scoreAll(ctx, setExperts(ctx, { id: e.id, names: ['甲', '乙'] }), [...shares]);
    }
    expect(keyEvaluationYearFigures(ctx, { year: 2023 })).toMatchObject({ count: 0, unfinished: 2, coveredFen: 0 });
    finalizeKeyEvaluation(ctx, { id: a.id });
    finalizeKeyEvaluation(ctx, { id: b.id });
    const figures = keyEvaluationYearFigures(ctx, { year: 2023 });
    expect(figures).toMatchObject({ count: 2, unfinished: 0, coveredFen: 1_305_000_000 + 12_345_600 });
    expect(figures.byGrade).toEqual([
      { grade: '优', count: 1, coveredFen: 1_305_000_000 },
      { grade: '良', count: 1, coveredFen: 12_345_600 },
      { grade: '中', count: 0, coveredFen: 0 },
      { grade: '差', count: 0, coveredFen: 0 },
    ]);
    expect(figures.sentence).toBe(
      '对 2 个项目开展重点项目绩效评价，涉及资金 1317.35 万元，评价结果等级为“优”的项目 1 个，“良”的项目 1 个。',
    );
    expect(publicationRows(ctx, { year: 2023 }).map((r) => [r.name, r.coveredFen, r.grade])).toEqual([
      [project.name, 1_305_000_000, '优'],
      ['轮台县农业农村局部门整体支出', 12_345_600, '良'],
    ]);
  });
});
