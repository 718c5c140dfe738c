/**
 * 重点绩效评价报告（提纲）, filled from the ledger: 基本情况, 评价工作开展情况, 综合评价情况及评价结论
 * (with the scoring table: every 三级 indicator, the 二级 and 一级 subtotals and the total, as printed),
 * 绩效评价指标分析 by 一级, 主要经验及做法、存在的问题及原因分析, 有关建议, 其他需要说明的问题.
 */
import { eq } from 'drizzle-orm';
import { projects } from '../../db/schema';
import { body, documentBytes, heading1, heading2, note, subtitle, table, title, type Block } from '../formats/officialDocument';
import { BUDGET_KINDS } from '../rules/labels';
import { formatWanYuan } from '../rules/money';
import { formatScore, formatShare } from '../rules/numberFormat';
import type { ServiceContext } from '../ledger/context';
import type { GeneratedFile } from '../exAnte/exAnteReport';
import { getKeyEvaluation, type KeyEvaluationView } from './keyEvaluations';

const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export async function exportKeyEvaluationReport(ctx: ServiceContext, input: { id: number }): Promise<GeneratedFile> {
  const e = getKeyEvaluation(ctx, input);
  const project = e.projectId ? ctx.ledger.db.select().from(projects).where(eq(projects.id, e.projectId)).get() : undefined;
  const s = e.score;
  const grade = e.grade ?? s.grade;
  const evaluator = e.evaluatorName ?? e.evaluatorLabel;
  const heading = `${e.name}绩效评价报告`;

  const basics = [
    `评价对象：${e.name}（${e.subjectLabel}），实施单位为${e.unitName}${project ? `，资金来源为${BUDGET_KINDS[project.budgetKind]}，项目类型为${project.projectType}` : ''}，涉及资金 ${formatWanYuan(e.coveredFen)} 万元。`,
    `选题理由：${e.selectionReason}`,
  ].join('\n');
  const work = [
    `本次评价由${evaluator}实施，采用${e.framework.map((l) => l.name).join('、')}${e.framework.length} 个一级指标构成的评价指标体系（权重分别为 ${e.framework.map((l) => formatScore(l.weight)).join('、')} 分），共 ${s.indicators.length} 个三级指标。`,
    `评分专家 ${e.experts.length} 名（${e.experts.map((x) => x.name).join('、')}），各指标得分取${e.aggregationLabel}。`,
  ].join('\n');
  const conclusion = s.complete
    ? `经评价，${e.name}综合得分 ${formatScore(s.total)} 分，评价等级为“${grade}”。`
    : `评分尚未完成（${s.problems.join('；') || '部分指标尚未评分'}），以下得分为当前汇总。`;

  const blocks: Block[] = [
    title(heading),
    subtitle(`评价机构：${evaluator}${e.finalizedAt ? `　　${e.finalizedAt.slice(0, 10)}` : ''}`),
    heading1('一、基本情况'),
    ...body(basics),
    heading1('二、评价工作开展情况'),
    ...body(work),
    heading1('三、综合评价情况及评价结论'),
    ...body(
      conclusion +
        s.level1.map((l) => `${l.name}指标得分 ${formatScore(l.score)} 分（权重 ${formatScore(l.weight)} 分）`).join('，') +
        '。',
    ),
    scoreTable(e),
    note('注：各三级指标得分为专家评分汇总后四舍五入保留两位小数，小计与总分为所列得分之和。'),
    heading1('四、绩效评价指标分析'),
    ...s.level1.flatMap((l, i) => [
      heading2(`（${CHINESE_NUMBERS[i]}）${l.name}指标`),
      ...body(
        [
          `${l.name}指标权重 ${formatScore(l.weight)} 分，得分 ${formatScore(l.score)} 分，得分率 ${formatShare(l.score, l.weight)}。`,
          ...s.indicators
            .filter((ind) => ind.level1 === l.name && ind.score !== null && ind.score < ind.points)
            .map((ind) => `“${ind.name}”得 ${formatScore(ind.score)} 分（满分 ${formatScore(ind.points)} 分）${basisOf(e, ind.code)}`),
        ].join('\n'),
      ),
    ]),
    heading1('五、主要经验及做法、存在的问题及原因分析'),
    heading2('（一）主要经验及做法'),
    ...body(e.experience),
    heading2('（二）存在的问题及原因分析'),
    ...body(e.findings),
    heading1('六、有关建议'),
    ...body(e.recommendations),
    heading1('七、其他需要说明的问题'),
    ...body(e.otherNotes),
  ];
  return { fileName: `${heading}.docx`, bytes: await documentBytes({ title: heading, creator: '绩效台账' }, blocks) };
}

/** The experts' 得分依据 for an indicator, joined, for the analysis of points lost. */
function basisOf(e: KeyEvaluationView, code: string): string {
  const bases = e.scores.filter((x) => x.indicatorCode === code && x.basis.trim()).map((x) => x.basis.trim());
  return bases.length ? `：${[...new Set(bases)].join('；')}` : '。';
}

function scoreTable(e: KeyEvaluationView) {
  const s = e.score;
  const rows: (string | number)[][] = [];
  const boldRows: number[] = [];
  for (const l1 of s.level1) {
    for (const l2 of s.level2.filter((x) => x.level1 === l1.name)) {
      for (const ind of s.indicators.filter((i) => i.level1 === l1.name && i.level2 === l2.name))
        rows.push([l1.name, l2.name, ind.name, formatScore(ind.points), formatScore(ind.score)]);
    }
    boldRows.push(rows.length);
    rows.push([`${l1.name}小计`, '', '', formatScore(l1.weight), formatScore(l1.score)]);
  }
  boldRows.push(rows.length);
  rows.push(['合计', '', e.grade ?? s.grade ?? '', formatScore(s.level1.reduce((a, l) => a + l.weight, 0)), formatScore(s.total)]);
  return table({ headers: ['一级指标', '二级指标', '三级指标', '分值', '得分'], widths: [2, 3, 5, 1, 1], rows, boldRows });
}
