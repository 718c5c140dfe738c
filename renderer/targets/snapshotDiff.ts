/**
 * What changed between two versions of a target (one review round's and the next, or an adjustment's
 * before and after): the goals, the funds, and the indicators added, removed or given a new value.
 */
import type { TargetIndicatorInput, TargetSnapshot } from '../../electron/bridge/contract';

export type TextField = 'period' | 'midTermGoal' | 'annualGoal' | 'mainTasks';
export type FundField = 'annualTotalFen' | 'annualFiscalFen' | 'annualOtherFen' | 'midTotalFen' | 'midFiscalFen' | 'midOtherFen';

export const TEXT_LABELS: Record<TextField, string> = {
  period: '项目期',
  midTermGoal: '中期目标',
  annualGoal: '年度总体目标',
  mainTasks: '年度主要任务',
};
export const FUND_LABELS: Record<FundField, string> = {
  annualTotalFen: '年度资金总额',
  annualFiscalFen: '年度财政拨款',
  annualOtherFen: '年度其他资金',
  midTotalFen: '中期资金总额',
  midFiscalFen: '中期财政拨款',
  midOtherFen: '中期其他资金',
};

export interface IndicatorChange {
  before: TargetIndicatorInput;
  after: TargetIndicatorInput;
  /** Which parts differ, in the words of the 申报表. */
  parts: string[];
}

export interface SnapshotDiff {
  classChanged: boolean;
  texts: TextField[];
  funds: FundField[];
  added: TargetIndicatorInput[];
  removed: TargetIndicatorInput[];
  changed: IndicatorChange[];
}

export function diffSnapshots(before: TargetSnapshot, after: TargetSnapshot): SnapshotDiff {
  const texts = (Object.keys(TEXT_LABELS) as TextField[]).filter((f) => (before[f] ?? '') !== (after[f] ?? ''));
  const funds = (Object.keys(FUND_LABELS) as FundField[]).filter((f) => before[f] !== after[f]);
  const old = new Map(before.indicators.map((i) => [identity(i), i]));
  const now = new Map(after.indicators.map((i) => [identity(i), i]));
  const changed: IndicatorChange[] = [];
  for (const [key, a] of now) {
    const b = old.get(key);
    if (!b) continue;
    const parts = [
      b.name !== a.name && '名称',
      b.nature !== a.nature && '性质',
      b.value !== a.value && '指标值',
      (b.unit ?? '') !== (a.unit ?? '') && '计量单位',
      (b.level1 !== a.level1 || b.level2 !== a.level2) && '所属级次',
    ].filter((p): p is string => p !== false);
    if (parts.length) changed.push({ before: b, after: a, parts });
  }
  return {
    classChanged: before.indicatorClassId !== after.indicatorClassId,
    texts,
    funds,
    added: after.indicators.filter((i) => !old.has(identity(i))),
    removed: before.indicators.filter((i) => !now.has(identity(i))),
    changed,
  };
}

export function isUnchanged(d: SnapshotDiff): boolean {
  return (
    !d.classChanged &&
    d.texts.length === 0 &&
    d.funds.length === 0 &&
    d.added.length === 0 &&
    d.removed.length === 0 &&
    d.changed.length === 0
  );
}

/** "年度总体目标、新增指标 1 个、指标值变化 2 个": the changes in one line. */
export function diffSummary(d: SnapshotDiff): string {
  if (isUnchanged(d)) return '内容未变';
  return [
    d.classChanged && '指标类别',
    ...d.texts.map((f) => TEXT_LABELS[f]),
    ...d.funds.map((f) => FUND_LABELS[f]),
    d.added.length > 0 && `新增指标 ${d.added.length} 个`,
    d.removed.length > 0 && `删除指标 ${d.removed.length} 个`,
    d.changed.length > 0 && `修改指标 ${d.changed.length} 个`,
  ]
    .filter(Boolean)
    .join('、');
}

/** The same indicator across versions: by its library indicator, or a 个性 one by its name and period. */
export function identity(i: TargetIndicatorInput): string {
  return i.libraryIndicatorId !== null ? `${i.period}:lib:${i.libraryIndicatorId}` : `${i.period}:own:${i.name.trim()}`;
}

/** "≥ 500 人次", "定性 有效提升". */
export function indicatorValueText(i: Pick<TargetIndicatorInput, 'nature' | 'value' | 'unit'>): string {
  const value = i.value.trim() || '（未填）';
  return i.nature === '定性' ? value : `${i.nature} ${value}${i.unit ? ` ${i.unit}` : ''}`;
}
