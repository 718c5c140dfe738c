/**
 * 年度绩效工作情况: the bureau's "本级汇总的预算绩效情况说明" for a year, drafted section by section the way
 * the bureau writes it. Each paragraph is the bureau's own prose (annualSummaryTexts.ts, kept and edited
 * per year) around sentences computed from the records (annualSummaryFigures.ts,
 * annualSummaryEvaluations.ts); every number is a figure carrying its records. Where the ledger lacks
 * what a sentence needs, the sentence says so instead of stating a figure. One draft for the screen,
 * the Word document and `report summary`.
 */
import type { ServiceContext } from '../ledger/context';
import { requireYear } from '../ledger/years';
import { getLedgerSettings } from '../ledger/settings';
import { formatWanYuanInText } from '../rules/money';
import { SETTINGS_PLACE } from '../rules/ledgerSettingsRules';
import type { SummaryTextSlot } from '../../db/vocabulary';
import {
  exAnteFigures,
  indicatorFigures,
  monitoringFigures,
  syncFigures,
  targetFigures,
  type CountedRecords,
  type ExAnteFigures,
  type IndicatorFigures,
  type MonitoringFigures,
  type SyncFigures,
  type TargetFigures,
} from './annualSummaryFigures';
import {
  keyEvaluationFigures,
  resultApplicationFigures,
  selfEvaluationFigures,
  type KeyEvaluationFigures,
  type ResultApplicationFigures,
  type SelfEvaluationFigures,
} from './annualSummaryEvaluations';
import { yearSummaryTexts, type SummaryText } from './annualSummaryTexts';
import type { RecordRef } from './recordRef';

/** A run of a paragraph: plain words, a figure with its records, or one of the bureau's own paragraphs. */
export type SummaryPiece =
  | { kind: 'text'; text: string }
  | { kind: 'figure'; text: string; title: string; records: RecordRef[] }
  | { kind: 'prose'; slot: SummaryTextSlot; label: string; text: string; edited: boolean };

export interface SummarySection {
  /** "（一）建章立制，夯实绩效管理工作基础"; null for a part's paragraphs without sub-headings. */
  heading: string | null;
  paragraphs: SummaryPiece[][];
}

export interface SummaryPart {
  /** "一、2023 年预算绩效完成情况". */
  heading: string;
  sections: SummarySection[];
}

export interface AnnualSummaryFigures {
  indicators: IndicatorFigures;
  targets: TargetFigures;
  sync: SyncFigures;
  exAnte: ExAnteFigures;
  monitoring: MonitoringFigures;
  selfEvaluations: SelfEvaluationFigures;
  resultApplication: ResultApplicationFigures;
  keyEvaluations: KeyEvaluationFigures;
}

export interface AnnualSummaryDraft {
  year: number;
  title: string;
  subtitle: string;
  parts: SummaryPart[];
  /**
   * 发文机关 (本局信息; null while not filled in), the line printed for it (where to fill it in, when
   * missing) and 成文日期 (the bureau's own line).
   */
  signature: { bureauName: string | null; bureauLine: string; date: SummaryPiece & { kind: 'prose' } };
  figures: AnnualSummaryFigures;
}

const text = (t: string): SummaryPiece => ({ kind: 'text', text: t });
const figure = (t: string, title: string, records: RecordRef[]): SummaryPiece => ({ kind: 'figure', text: t, title, records });
const prose = (p: SummaryText): SummaryPiece & { kind: 'prose' } => ({
  kind: 'prose',
  slot: p.slot,
  label: p.label,
  text: p.text,
  edited: p.edited,
});
/** "N 个" as a figure of its records. */
const countOf = (c: CountedRecords, title: string, unit = '个') => figure(`${c.count} ${unit}`, `${title}：${c.count} ${unit}`, c.records);
const wan = (fen: number) => `${formatWanYuanInText(fen)} 万元`;

/** Refuses a year the ledger does not hold. */
export function annualSummaryDraft(ctx: ServiceContext, input: { year: number }): AnnualSummaryDraft {
  const { year } = input;
  requireYear(ctx, year);
  const t = yearSummaryTexts(ctx, year);
  const { bureauName } = getLedgerSettings(ctx);
  const figures: AnnualSummaryFigures = {
    indicators: indicatorFigures(ctx),
    targets: targetFigures(ctx, year),
    sync: syncFigures(ctx, year),
    exAnte: exAnteFigures(ctx, year),
    monitoring: monitoringFigures(ctx, year),
    selfEvaluations: selfEvaluationFigures(ctx, year),
    resultApplication: resultApplicationFigures(ctx, year),
    keyEvaluations: keyEvaluationFigures(ctx, year),
  };
  const f = figures;
  const done: SummarySection[] = [
    { heading: '（一）建章立制，夯实绩效管理工作基础', paragraphs: [[prose(t.foundation)]] },
    {
      heading: '（二）全面实施绩效目标管理，提高预算编制水平',
      paragraphs: [[prose(t.indicatorLead), ...indicatorSentence(f.indicators)], [prose(t.jointReview)], reviewSentence(year, f.targets)],
    },
    {
      heading: '（三）注重事前预算评估，严防财政风险',
      paragraphs: [
        [prose(t.syncPolicy), ...syncSentence(year, f.sync)],
        [prose(t.exAntePolicy), ...exAnteSentence(year, f.exAnte)],
      ],
    },
    {
      heading: '（四）全面实施绩效监控，充分发挥“事中”纠偏作用',
      paragraphs: [[prose(t.monitoringPolicy), ...monitoringSentences(year, f.monitoring), prose(t.monitoringClosing)]],
    },
    {
      heading: '（五）强化评价结果应用，优化财政资金分配格局',
      paragraphs: [
        [
          prose(t.resultPolicy),
          ...selfEvaluationSentence(f.selfEvaluations),
          ...resultSentence(year, f.resultApplication),
          prose(t.resultClosing),
        ],
      ],
    },
    {
      heading: '（六）突出重点项目管理，做好决策指南针',
      paragraphs: [[prose(t.keyEvaluationPolicy), ...keyEvaluationSentence(year, f.keyEvaluations), prose(t.keyEvaluationClosing)]],
    },
  ];
  const plan: SummarySection[] = [
    { heading: null, paragraphs: [[prose(t.nextYearIntro), prose(t.nextYearProgress)], [prose(t.nextYearPlan)]] },
  ];
  return {
    year,
    title: '本级汇总的预算绩效情况说明',
    subtitle: `（${year} 年度）`,
    parts: [
      { heading: `一、${year} 年预算绩效完成情况`, sections: done },
      { heading: `二、${year + 1} 年预算绩效工作安排`, sections: plan },
    ],
    signature: { bureauName, bureauLine: bureauName ?? `（财政局名称未填写，请在${SETTINGS_PLACE}中填写）`, date: prose(t.signDate) },
    figures,
  };
}

/** A paragraph as one line of text: its runs joined. */
export function paragraphText(pieces: readonly SummaryPiece[]): string {
  return pieces.map((p) => p.text).join('');
}

/**
 * The sentences the ledger wrote, section by section (the bureau's prose left out): what `report
 * summary` prints for a clerk to check the figures.
 */
export function computedSentences(draft: AnnualSummaryDraft): { heading: string; sentences: string[] }[] {
  return draft.parts.flatMap((part) =>
    part.sections
      .map((section) => ({
        heading: section.heading ?? part.heading,
        sentences: section.paragraphs
          .map((p) => paragraphText(p.filter((piece) => piece.kind !== 'prose')))
          .map((sentence) => sentence.replace(/，$/, '。'))
          .filter((sentence) => sentence !== ''),
      }))
      .filter((s) => s.sentences.length > 0),
  );
}

/** The figures with each list of records reduced to its count: the document `report summary --json` prints. */
export function figuresWithoutRecords(figures: AnnualSummaryFigures): unknown {
  return JSON.parse(JSON.stringify(figures, (key, value: unknown) => (key === 'records' ? undefined : value)));
}

function indicatorSentence(f: IndicatorFigures): SummaryPiece[] {
  if (f.indicators.count === 0) return [text('台账中尚未录入共性指标库，请在“指标库”中载入默认指标库或导入本县指标体系。')];
  const label = `${f.classes} 类 ${f.indicators.count} 条`;
  return [text('目前共收录 '), figure(label, `共性指标库：${label}`, f.indicators.records), text('共性指标。')];
}

function reviewSentence(year: number, f: TargetFigures): SummaryPiece[] {
  if (f.reviewed.count === 0) return [text(`${year} 年度尚未录入三方联合会审记录，会审情况待录入后生成。`)];
  const parts = [
    f.reviewedProjects && `项目 ${f.reviewedProjects} 个`,
    f.reviewedDepartments && `部门整体 ${f.reviewedDepartments} 个`,
  ].filter(Boolean);
  return [
    text(`${year} 年对 `),
    figure(`${f.reviewed.count} 个绩效目标`, `三方联合会审的绩效目标：${f.reviewed.count} 个`, f.reviewed.records),
    text(
      `（${parts.join('、')}）开展三方联合会审，涉及项目年初预算 ${wan(f.reviewedProjectFen)}，会审结果为${f.byResult.map((g) => `“${g.grade}”${g.count} 个`).join('、')}`,
    ),
    ...(f.reReviewed.count ? [text('，其中 '), countOf(f.reReviewed, '退回修改后重新会审的绩效目标'), text('经退回修改后重新会审')] : []),
    text('；已批复 '),
    countOf(f.approved, '已批复的绩效目标'),
    text('。'),
  ];
}

function syncSentence(year: number, f: SyncFigures): SummaryPiece[] {
  if (f.tracked === 0) return [text(`${year} 年度尚未录入“五个同步”的预算和绩效目标日期。`)];
  return [
    text(`${year} 年 `),
    figure(`${f.together.count} 个绩效目标`, `与预算同布置、同申报、同审核、同批复的绩效目标：${f.together.count} 个`, f.together.records),
    text('与预算同布置、同申报、同审核、同批复，'),
    ...(f.lagging.count ? [countOf(f.lagging, '滞后于预算的绩效目标'), text('目标滞后于预算')] : [text('没有滞后于预算的目标')]),
    text('；已随预算公开 '),
    countOf(f.published, '已公开的绩效目标'),
    text(f.classifiedUnpublished ? `（涉密单位 ${f.classifiedUnpublished} 个不公开）。` : '。'),
  ];
}

function exAnteSentence(year: number, f: ExAnteFigures): SummaryPiece[] {
  const drafts = f.drafts ? `另有 ${f.drafts} 个评估尚未定稿，未计入。` : '';
  if (f.assessed.count === 0) return [text(`${year} 年度尚未录入定稿的事前绩效评估。${drafts}`)];
  const only = f.byConclusion.length === 1 ? f.byConclusion[0]! : null;
  const results = only ? `均为“${only.conclusion}”` : `为${f.byConclusion.map((c) => `“${c.conclusion}”${c.count} 个`).join('、')}`;
  return [
    text(`${year} 年我县共开展 `),
    figure(`${f.assessed.count} 个项目`, `事前绩效评估：${f.assessed.count} 个项目`, f.assessed.records),
    text(`事前绩效评估工作，审核结果${results}。${drafts}`),
  ];
}

function monitoringSentences(year: number, f: MonitoringFigures): SummaryPiece[] {
  const held = f.rounds.filter((r) => r.held);
  const notHeld = f.rounds.filter((r) => !r.held);
  const pending = notHeld.length ? `；${notHeld.map((r) => `“${r.name}”`).join('')}尚未录入监控数据` : '';
  if (held.length === 0)
    return [
      text(
        `${year} 年度尚未录入绩效监控数据（执行数据或监控表）${pending ? `，${notHeld.map((r) => `“${r.name}”`).join('')}均待录入` : ''}。`,
      ),
    ];
  const coverage: SummaryPiece[] = f.projects.count
    ? [
        text(`${year} 年对全县 `),
        figure(
          `${f.units} 个部门单位、${f.projects.count} 个项目`,
          `绩效监控覆盖的项目：${f.units} 个部门单位、${f.projects.count} 个项目`,
          f.projects.records,
        ),
        text('开展绩效监控工作'),
      ]
    : [text(`${year} 年开展绩效监控工作`)];
  const rounds: SummaryPiece[] = held.flatMap((r) =>
    r.projects
      ? [
          text(`；“${r.name}”（截至 ${r.asOfMonth} 月）触及红灯的项目 `),
          countOf(r.red, `“${r.name}”红灯项目`),
          text(`，偏离率大于 ${f.threshold}% 的项目 `),
          countOf(r.noticeDue, `“${r.name}”偏离率大于 ${f.threshold}% 的项目`),
        ]
      : [text(`；“${r.name}”（截至 ${r.asOfMonth} 月）覆盖 ${r.departmentTargets} 个部门整体绩效目标`)],
  );
  const notices: SummaryPiece[] = f.noticesIssued.count
    ? [
        text(`对偏离度大于 ${f.threshold}% 的项目单位及时下发整改通知 `),
        countOf(f.noticesIssued, '已下发的监控整改通知', '份'),
        text(`（已办结 ${f.noticesClosed} 份），`),
      ]
    : [text(`${year} 年度尚未下发监控整改通知。`)];
  return [...coverage, ...rounds, text(`${pending}。`), ...notices];
}

function selfEvaluationSentence(f: SelfEvaluationFigures): SummaryPiece[] {
  if (f.selfEvaluations.count + f.departmentEvaluations.count === 0)
    return [text(`台账中尚未录入 ${f.year} 年度的绩效自评和部门评价，自评情况待录入后生成。`)];
  return [
    text('已按照绩效管理要求对全县 '),
    figure(
      `${f.units} 个部门单位、${f.projects} 个项目`,
      `${f.year} 年度绩效自评：${f.units} 个部门单位、${f.projects} 个项目`,
      f.selfEvaluations.records,
    ),
    text(`开展 ${f.year} 年度绩效自评及部门评价工作`),
    ...(f.departmentEvaluations.count ? [text('（部门评价 '), countOf(f.departmentEvaluations, `${f.year} 年度部门评价`), text('）')] : []),
    ...(f.byGrade.length
      ? [
          text('，评价等级为'),
          ...f.byGrade.flatMap((g, i) => [
            text(`${i ? '、' : ''}“${g.grade}”`),
            figure(`${g.count} 个`, `${f.year} 年度自评和部门评价等级“${g.grade}”：${g.count} 个`, g.records),
          ]),
        ]
      : []),
    text('。'),
  ];
}

function resultSentence(year: number, f: ResultApplicationFigures): SummaryPiece[] {
  if (f.actions.count === 0) return [text(`台账中尚未录入 ${f.year} 年度评价结果在 ${year} 年度预算中的应用。`)];
  return [
    text(`评价结果应用至 ${year} 年度预算编制中，共 `),
    countOf(f.actions, `${f.year} 年度评价结果应用`, '项'),
    text(`，收回资金 ${wan(f.recoveredFen)}、清理结转结余资金 ${wan(f.clearedFen)}、调减预算 ${wan(f.cutFen)}，`),
  ];
}

function keyEvaluationSentence(year: number, f: KeyEvaluationFigures): SummaryPiece[] {
  const unfinished = f.unfinished ? `另有 ${f.unfinished} 个评价尚未定稿，未计入。` : '';
  if (f.evaluations.count === 0) return [text(`${year} 年度尚未录入定稿的财政重点绩效评价。${unfinished}`)];
  return [
    text('对 '),
    countOf(f.evaluations, '财政重点绩效评价', '个项目'),
    text('开展重点项目绩效评价，涉及资金 '),
    figure(wan(f.coveredFen), `重点绩效评价涉及资金：${wan(f.coveredFen)}`, f.evaluations.records),
    text(`，分别为${f.evaluations.records.map((r) => r.label).join('、')}，`),
    ...f.byGrade.flatMap((g, i) => [
      text(`${i ? '，' : '评价结果'}等级为“${g.grade}”的项目 `),
      figure(`${g.count} 个`, `重点绩效评价等级“${g.grade}”：${g.count} 个`, g.records),
    ]),
    text(`。${unfinished}`),
  ];
}
