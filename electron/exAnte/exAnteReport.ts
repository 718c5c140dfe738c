/**
 * 事前评估的评分表（xlsx）和评估报告提纲（docx）, filled from the recorded assessment: the report
 * follows the outline the bureau uses — 评估对象基本情况, 评估工作开展情况, 综合评估情况与评估结论
 * (by the five dimensions, with the scoring table), 相关建议, 其他需要说明的问题.
 */
import { eq } from 'drizzle-orm';
import { budgetUnits, projects } from '../../db/schema';
import { body, documentBytes, heading1, heading2, note, subtitle, table, title, type Block } from '../formats/officialDocument';
import { addTableSheet, newWorkbook, workbookBytes, type SheetColumn } from '../formats/styledWorkbook';
import { BUDGET_KINDS, CONTINUITY } from '../rules/labels';
import { formatWanYuan } from '../rules/money';
import { formatScore } from '../rules/numberFormat';
import type { ServiceContext } from '../ledger/context';
import { getLedgerSettings } from '../ledger/settings';
import { getAssessment, type AssessmentView } from './exAnte';

export interface GeneratedFile {
  fileName: string;
  bytes: Buffer;
}

const ASSESSOR = { bureau: '县财政局', thirdParty: '第三方机构' } as const;

/** 评估机构 as printed: the named assessor, else the bureau by its own name (本局信息) when it assessed. */
function assessorOf(ctx: ServiceContext, a: AssessmentView): string {
  return a.assessorName ?? (a.assessor === 'bureau' ? getLedgerSettings(ctx).bureauName : null) ?? ASSESSOR[a.assessor];
}
const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export async function exportExAnteReport(ctx: ServiceContext, input: { id: number }): Promise<GeneratedFile> {
  const a = getAssessment(ctx, input);
  const project = a.projectId ? ctx.ledger.db.select().from(projects).where(eq(projects.id, a.projectId)).get() : undefined;
  const unit = project ? ctx.ledger.db.select().from(budgetUnits).where(eq(budgetUnits.id, project.unitId)).get() : undefined;
  const conclusion = a.conclusion ?? a.score.conclusion ?? '（评分未完成）';
  const date = (a.finalizedAt ?? ctx.now().toISOString())
    .slice(0, 10)
    .replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_m, y, m, d) => `${y}年${Number(m)}月${Number(d)}日`);

  const basics = project
    ? [
        `${a.subjectName}由${unit?.name ?? '—'}实施，属${CONTINUITY[project.continuity]}项目，项目类型为${project.projectType}，资金来源为${BUDGET_KINDS[project.budgetKind]}，申请年初预算 ${formatWanYuan(project.initialBudgetFen)} 万元。${project.majorPolicy ? '该项目属于新增重大政策和项目，须经事前绩效评估后方可入库。' : ''}`,
      ].join('\n')
    : `${a.subjectName}（政策）。`;

  const blocks: Block[] = [
    title(`${a.subjectName}事前绩效评估报告`),
    subtitle(`评估机构：${assessorOf(ctx, a)}　　${date}`),
    heading1('一、评估对象基本情况'),
    ...body(basics),
    heading1('二、评估工作开展情况'),
    ...body(a.workSummary),
    heading1('三、综合评估情况与评估结论'),
    ...body(
      `经评估，${a.subjectName}综合得分 ${formatScore(a.score.total)} 分（满分 ${formatScore(a.score.dimensions.reduce((s, d) => s + d.max, 0))} 分），评估结论为“${conclusion}”。` +
        (a.recommendedBudgetFen != null ? `建议安排预算 ${formatWanYuan(a.recommendedBudgetFen)} 万元。` : ''),
    ),
    ...a.score.dimensions.flatMap((d, i) => [
      heading2(`（${CHINESE_NUMBERS[i]}）${d.dimension}`),
      ...body(
        [
          `该项得分 ${formatScore(d.points)} 分（满分 ${formatScore(d.max)} 分）。`,
          ...a.score.items
            .filter((it) => it.dimension === d.dimension)
            .map((it) => `${it.item}：评为“${it.rating ?? '未评'}”，得 ${formatScore(it.points)} 分。${it.basis}`),
        ].join('\n'),
      ),
    ]),
    heading2(`（${CHINESE_NUMBERS[a.score.dimensions.length]}）评估发现`),
    ...body(a.findings),
    scoreTable(a),
    note(
      `注：评分依据${a.ruleVersion ? ` ${a.ruleVersion} 版` : '本年度'}评分规则；评级与得分区间为 优 90%–100%、良 80%–90%、中 60%–80%、差 60% 以下。`,
    ),
    heading1('四、相关建议'),
    ...body(a.suggestions),
    heading1('五、其他需要说明的问题'),
    ...body(
      [a.otherNotes, a.revisedPlan ? `调整完善后的方案（${a.recheckedAt?.slice(0, 10)} 复核通过）：${a.revisedPlan}` : null]
        .filter(Boolean)
        .join('\n'),
    ),
  ];
  return {
    fileName: `${a.subjectName}事前绩效评估报告.docx`,
    bytes: await documentBytes({ title: `${a.subjectName}事前绩效评估报告`, creator: '绩效台账' }, blocks),
  };
}

export async function exportExAnteScoreSheet(ctx: ServiceContext, input: { id: number }): Promise<GeneratedFile> {
  const a = getAssessment(ctx, input);
  type Row = { dimension: string; item: string; max: number; rating: string; points: number | null; basis: string };
  const rows: Row[] = a.score.dimensions.flatMap((d) => [
    ...a.score.items
      .filter((i) => i.dimension === d.dimension)
      .map((i) => ({ dimension: d.dimension, item: i.item, max: i.max, rating: i.rating ?? '', points: i.points, basis: i.basis })),
    { dimension: `${d.dimension}小计`, item: '', max: d.max, rating: '', points: d.points, basis: '' },
  ]);
  rows.push({
    dimension: '合计',
    item: '',
    max: a.score.dimensions.reduce((s, d) => s + d.max, 0),
    rating: '',
    points: a.score.total,
    basis: `评估结论：${a.conclusion ?? a.score.conclusion ?? '评分未完成'}`,
  });
  const columns: SheetColumn<Row>[] = [
    { header: '评估维度', width: 18, kind: 'text', value: (r) => r.dimension },
    { header: '评估要点', width: 18, kind: 'text', value: (r) => r.item },
    { header: '分值', width: 8, kind: 'decimal', value: (r) => r.max },
    { header: '评级', width: 8, kind: 'text', value: (r) => r.rating },
    { header: '得分', width: 8, kind: 'decimal', value: (r) => r.points },
    { header: '评分依据', width: 60, kind: 'text', value: (r) => r.basis },
  ];
  const workbook = newWorkbook();
  workbook.created = ctx.now();
  addTableSheet(workbook, {
    name: '评分表',
    title: `${a.subjectName}事前绩效评估评分表`,
    note: `评估方：${assessorOf(ctx, a)}　　状态：${a.status === 'final' ? '定稿' : '草稿'}${a.recommendedBudgetFen != null ? `　　建议预算：${formatWanYuan(a.recommendedBudgetFen)} 万元` : ''}`,
    columns,
    rows,
  });
  return { fileName: `${a.subjectName}事前绩效评估评分表.xlsx`, bytes: await workbookBytes(workbook) };
}

/** The scoring table of the report: each sub-item, the dimension subtotals and the total. */
function scoreTable(a: AssessmentView) {
  const rows: (string | number)[][] = [];
  const boldRows: number[] = [];
  for (const d of a.score.dimensions) {
    for (const i of a.score.items.filter((it) => it.dimension === d.dimension))
      rows.push([d.dimension, i.item, formatScore(i.max), i.rating ?? '—', formatScore(i.points)]);
    boldRows.push(rows.length);
    rows.push([`${d.dimension}小计`, '', formatScore(d.max), '', formatScore(d.points)]);
  }
  boldRows.push(rows.length);
  rows.push([
    '合计',
    '',
    formatScore(a.score.dimensions.reduce((s, d) => s + d.max, 0)),
    a.conclusion ?? a.score.conclusion ?? '',
    formatScore(a.score.total),
  ]);
  return table({ headers: ['评估维度', '评估要点', '分值', '评级', '得分'], widths: [3, 3, 1, 2, 1], rows, boldRows });
}
