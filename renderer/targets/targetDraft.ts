/**
 * The 申报表 as the clerk edits it: every field as typed (money in 万元 text), indicators in the order
 * they are saved — grouped by period, then by 一级/二级 in the year's layout — so a bridge message
 * keyed `indicators.3.value` names the fourth row on screen.
 */
import type {
  CallInput,
  IndicatorLayout,
  IndicatorRow,
  TargetDetail,
  TargetIndicatorInput,
  TargetPeriod,
} from '../../electron/bridge/contract';
import { FOUR_WAY_LEVELS, placeIndicator, THREE_WAY_LEVELS } from '../../electron/rules/indicatorRules';
import { fenToWanYuanInput } from '../../electron/rules/money';
import type { LastYearActual } from '../../electron/rules/targetChecks';

export const PERIOD_LABELS: Record<TargetPeriod, string> = { annual: '年度指标', midTerm: '中期指标' };

/** A row as the editor holds it: the stored shape, with the 计量单位 as typed text ('' for none). */
export interface DraftIndicator extends Omit<TargetIndicatorInput, 'unit'> {
  /** Stable React key for a row while the form is open. */
  key: string;
  /** The saved row's id (for 纳入指标库); null for a row added since the last save. */
  id: number | null;
  unit: string;
  libraryNameNow: string | null;
  /** What the project achieved on it last year, as the ledger gave it with the saved row; null for a new row. */
  lastYearActual: LastYearActual | null;
  /** The library's reference value ("≥90%"), shown as a hint while the value is empty. */
  hint: string | null;
}

export interface TargetDraft {
  indicatorClassId: string | null;
  period: string;
  midTermGoal: string;
  annualGoal: string;
  mainTasks: string;
  annualTotal: string;
  annualFiscal: string;
  annualOther: string;
  midTotal: string;
  midFiscal: string;
  midOther: string;
  indicators: DraftIndicator[];
}

/** The form's fields a bridge message can name, besides the indicator rows. */
export const TARGET_FIELDS = [
  'indicatorClassId',
  'period',
  'midTermGoal',
  'annualGoal',
  'mainTasks',
  'annualTotal',
  'annualFiscal',
  'annualOther',
  'midTotal',
  'midFiscal',
  'midOther',
  'reason',
] as const;

/** What an indicator row shows inputs for; other keys of a row (level1, level2) are listed under it. */
export const ROW_FIELDS = ['name', 'nature', 'value', 'unit'] as const;

/** Every key a save of this draft can be answered with, at a field of the form. */
export function fieldKeys(draft: TargetDraft): string[] {
  return [...TARGET_FIELDS, ...draft.indicators.flatMap((_, i) => ROW_FIELDS.map((f) => `indicators.${i}.${f}`))];
}

let nextKey = 0;
export function rowKey(): string {
  nextKey += 1;
  return `row-${nextKey}`;
}

export function draftOf(detail: TargetDetail, library: readonly IndicatorRow[], layout: IndicatorLayout): TargetDraft {
  const hints = new Map(library.map((i) => [i.id, i.referenceHint]));
  const money = (fen: number | null) => (fen === null ? '' : fenToWanYuanInput(fen));
  return {
    indicatorClassId: detail.indicatorClassId === null ? null : String(detail.indicatorClassId),
    period: detail.period ?? '',
    midTermGoal: detail.midTermGoal ?? '',
    annualGoal: detail.annualGoal,
    mainTasks: detail.mainTasks ?? '',
    annualTotal: money(detail.annualTotalFen),
    annualFiscal: money(detail.annualFiscalFen),
    annualOther: money(detail.annualOtherFen),
    midTotal: money(detail.midTotalFen),
    midFiscal: money(detail.midFiscalFen),
    midOther: money(detail.midOtherFen),
    indicators: ordered(
      detail.indicators.map((i) => ({
        key: rowKey(),
        id: i.id,
        libraryIndicatorId: i.libraryIndicatorId,
        period: i.period,
        level1: i.level1,
        level2: i.level2,
        name: i.name,
        nature: i.nature,
        value: i.value,
        unit: i.unit ?? '',
        libraryNameNow: i.libraryNameNow,
        lastYearActual: i.lastYearActual,
        hint: i.libraryIndicatorId === null ? null : (hints.get(i.libraryIndicatorId) ?? null),
      })),
      layout,
    ),
  };
}

/** A library indicator as a new row of the target; its wording is the library's, the value is the unit's. */
export function rowFromLibrary(indicator: IndicatorRow, period: TargetPeriod): DraftIndicator {
  return {
    key: rowKey(),
    id: null,
    libraryIndicatorId: indicator.id,
    period,
    level1: indicator.level1,
    level2: indicator.level2,
    name: indicator.name,
    nature: indicator.nature,
    value: '',
    unit: indicator.unit ?? '',
    libraryNameNow: null,
    lastYearActual: null,
    hint: indicator.referenceHint,
  };
}

/** The draft as the call's input: text as typed; the bridge parses money and judges everything. */
export function contentOf(draft: TargetDraft, id: number): CallInput<'targets.save'> {
  const optional = (v: string) => (v.trim() === '' ? null : v);
  return {
    id,
    indicatorClassId: draft.indicatorClassId === null ? null : Number(draft.indicatorClassId),
    period: draft.period,
    midTermGoal: draft.midTermGoal,
    annualGoal: draft.annualGoal,
    mainTasks: draft.mainTasks,
    annualTotal: draft.annualTotal,
    annualFiscal: draft.annualFiscal,
    annualOther: draft.annualOther,
    midTotal: optional(draft.midTotal),
    midFiscal: optional(draft.midFiscal),
    midOther: optional(draft.midOther),
    indicators: draft.indicators.map((i) => ({
      libraryIndicatorId: i.libraryIndicatorId,
      period: i.period,
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      nature: i.nature,
      value: i.value,
      unit: i.unit,
    })),
  };
}

/** The same draft compared by what is saved, to tell whether there are unsaved changes. */
export function sameContent(a: TargetDraft, b: TargetDraft): boolean {
  return JSON.stringify(contentOf(a, 0)) === JSON.stringify(contentOf(b, 0));
}

/** Rows sorted by period, then 一级 and 二级 in the year's layout; stable within a group. */
export function ordered(rows: readonly DraftIndicator[], layout: IndicatorLayout): DraftIndicator[] {
  const rank = groupRank(layout);
  return rows
    .map((row, i) => ({ row, i }))
    .sort(
      (a, b) =>
        (a.row.period === b.row.period ? 0 : a.row.period === 'annual' ? -1 : 1) ||
        rankOf(a.row, layout, rank) - rankOf(b.row, layout, rank) ||
        a.i - b.i,
    )
    .map(({ row }) => row);
}

export interface IndicatorGroup {
  level1: string;
  level2: string;
  /** Positions in the draft's indicator list (and so in the bridge's `indicators.N` keys). */
  indexes: number[];
}

/** One period's rows under their 一级/二级, as placed in the year's layout, for the merged-cell table. */
export function groupRows(rows: readonly DraftIndicator[], period: TargetPeriod, layout: IndicatorLayout): IndicatorGroup[] {
  const groups: IndicatorGroup[] = [];
  rows.forEach((row, index) => {
    if (row.period !== period) return;
    const place = placeIndicator(row.level1, row.level2, layout);
    const last = groups.at(-1);
    if (last && last.level1 === place.level1 && last.level2 === place.level2) last.indexes.push(index);
    else groups.push({ ...place, indexes: [index] });
  });
  return groups;
}

function groupRank(layout: IndicatorLayout): Map<string, number> {
  const levels = layout === 'four' ? FOUR_WAY_LEVELS : THREE_WAY_LEVELS;
  const rank = new Map<string, number>();
  let n = 0;
  for (const [level1, level2s] of Object.entries(levels)) for (const level2 of level2s) rank.set(`${level1}/${level2}`, n++);
  return rank;
}

function rankOf(row: DraftIndicator, layout: IndicatorLayout, rank: Map<string, number>): number {
  const place = placeIndicator(row.level1, row.level2, layout);
  return rank.get(`${place.level1}/${place.level2}`) ?? rank.size;
}
