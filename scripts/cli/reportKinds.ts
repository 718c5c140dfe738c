/** The report kinds of `report <类别>`: adding a kind is one entry in the map below. */
import type { ServiceContext } from '../../electron/ledger/context';
import { exAnteOverview } from '../../electron/exAnte/exAnte';
import { keyEvaluationYearFigures, publicationRows } from '../../electron/keyEvaluations/keyEvaluationResults';
import { monitoringReport, warningsReport } from '../../electron/monitoring/warnings';
import { yearSummary as yearSummaryReport } from '../../electron/reports/yearSummary';
import { annualSummaryDraft, computedSentences, figuresWithoutRecords } from '../../electron/reports/annualSummaryDraft';
import { formatWanYuan } from '../../electron/rules/money';
import { formatScore } from '../../electron/rules/numberFormat';
import { resultActionsReport } from '../../electron/resultApplication/resultActionsReport';
import { selfEvaluationYearFigures } from '../../electron/selfEvaluations/selfEvaluations';

export interface ReportKind {
  doc: string;
  /** Needs --round 轮次 (a monitoring round of the year, by name, id or month). */
  needsRound?: boolean;
  run(ctx: ServiceContext, input: { year: number; round: string | null }): { text: string[]; json: unknown };
}

export const reportKinds: Record<string, ReportKind> = {
  summary: {
    doc: '年度概况（单位数、项目数，按预算类型和主管部门汇总的年初预算）和年度绩效工作情况中由台账计算的各项数字',
    run: yearSummary,
  },
  'ex-ante': {
    doc: '事前绩效评估：评估数量、各结论的项目数和资金、尚未通过评估的重大项目',
    run(ctx, input) {
      const o = exAnteOverview(ctx, input);
      return {
        json: o,
        text: [
          `${o.year} 年度事前绩效评估：已定稿 ${o.assessed} 个${o.drafts ? `，草稿 ${o.drafts} 个` : ''}，涉及年初预算 ${formatWanYuan(o.budgetFen)} 万元，建议预算 ${formatWanYuan(o.recommendedFen)} 万元。`,
          ...o.byConclusion.map(
            (c) =>
              `  ${c.conclusion}：${c.count} 个，年初预算 ${formatWanYuan(c.budgetFen)} 万元，建议预算 ${formatWanYuan(c.recommendedFen)} 万元`,
          ),
          ...(o.majorWithoutSupport.length
            ? ['尚未通过事前评估的重大政策和项目：', ...o.majorWithoutSupport.map((m) => `  ${m.reason}`)]
            : ['所有重大政策和项目均已通过事前评估。']),
        ],
      };
    },
  },
  'key-evaluations': {
    doc: '财政重点绩效评价：定稿的评价个数、涉及资金、各等级个数，以及逐项的资金、得分和等级',
    run(ctx, input) {
      const figures = keyEvaluationYearFigures(ctx, input);
      const rows = publicationRows(ctx, input);
      return {
        json: { ...figures, evaluations: rows },
        text: [
          figures.sentence,
          ...(figures.unfinished ? [`另有 ${figures.unfinished} 个评价尚未定稿，未计入。`] : []),
          ...rows.map((r) => `  ${r.name}（${r.unitName}）：${formatWanYuan(r.coveredFen)} 万元，${formatScore(r.total)} 分，${r.grade}`),
        ],
      };
    },
  },
  'result-actions': {
    doc: '评价结果应用：自评、部门评价和重点评价对下年度预算的应用，按应用方式、主管部门汇总，收回、清理结转结余和调减的金额',
    run: resultActionsReport,
  },
  // --- report self-evaluations (绩效自评与部门评价的年度概况) ---
  'self-evaluations': {
    doc: '绩效自评与部门评价：自评的单位数和项目数、部门评价个数、各等级和各状态的个数、单位自评涉及的预算和执行资金',
    run(ctx, input) {
      const f = selfEvaluationYearFigures(ctx, input);
      const counts = (list: { count: number }[], label: (k: number) => string) => list.map((x, k) => `${label(k)} ${x.count}`).join('、');
      return {
        json: { year: input.year, ...f },
        text: f.byStatus.every((s) => s.count === 0)
          ? [f.sentence]
          : [
              f.sentence,
              `评价等级（单位自评和部门评价）：${counts(f.byGrade, (k) => f.byGrade[k]!.grade)}；未评等级或未填完 ${f.ungraded} 个。`,
              `状态：${counts(f.byStatus, (k) => f.byStatus[k]!.label)}。`,
              `单位自评资金：年初预算 ${formatWanYuan(f.money.initialFen)} 万元，全年预算 ${formatWanYuan(f.money.budgetFen)} 万元，全年执行 ${formatWanYuan(f.money.executedFen)} 万元。`,
            ],
      };
    },
  },
  // --- end self-evaluations ---
  warnings: {
    doc: '绩效监控预警（--round 轮次）：先按当年规则计算，再列出各项目的执行率、序时进度、目标完成率、偏离率和三条线的颜色',
    needsRound: true,
    run: (ctx, input) => warningsReport(ctx, { year: input.year, round: input.round! }),
  },
  monitoring: {
    doc: '绩效监控轮次汇总（--round 轮次）：监控的单位数和项目数，各预警线红黄灯数，整改通知下发和办结数',
    needsRound: true,
    run: (ctx, input) => monitoringReport(ctx, { year: input.year, round: input.round! }),
  },
};

/**
 * report summary: the year at a glance (electron/reports/yearSummary.ts) and the figures the annual
 * summary states (electron/reports/annualSummaryDraft.ts, section by section); money exact in 分 (JSON)
 * and 万元 (text).
 */
function yearSummary(ctx: ServiceContext, input: { year: number }): { text: string[]; json: unknown } {
  const s = yearSummaryReport(ctx, input);
  const draft = annualSummaryDraft(ctx, input);
  const text = [
    `${s.year} 年度概况`,
    `预算单位 ${s.units} 个（主管部门 ${s.departments} 个，有项目的单位 ${s.unitsWithProjects} 个）；项目 ${s.projects} 个；年初预算合计 ${formatWanYuan(s.totalFen)} 万元。`,
    '',
    '按预算类型：',
    ...s.byBudgetKind.map(
      (k) => `  ${k.label.padEnd(9, '　')} ${String(k.projects).padStart(4)} 个  ${formatWanYuan(k.fen).padStart(14)} 万元`,
    ),
    '',
    '按主管部门（年初预算从高到低）：',
    ...s.byDepartment.map((d) => `  ${d.department}：${d.units} 个单位，${d.projects} 个项目，${formatWanYuan(d.fen)} 万元`),
    '',
    `${s.year} 年度绩效工作情况（由台账计算的句子）：`,
    ...computedSentences(draft).flatMap(({ heading, sentences }) => [heading, ...sentences.map((x) => `  ${x}`)]),
  ];
  return { text, json: { ...s, annualSummary: figuresWithoutRecords(draft.figures) } };
}
