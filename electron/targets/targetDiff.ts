/**
 * A target as the ledger has it against the same target as a sheet declares it: what would change,
 * one line per field or indicator, after the normalising saveTarget does (so a re-import is unchanged).
 */
import { formatWanYuan } from '../rules/money';
import type { TargetIndicatorInput, TargetSnapshot } from './targetDetail';

type Comparable = Omit<TargetSnapshot, 'indicators'> & { indicators: TargetIndicatorInput[] };

/** The content as saveTarget would store it (trimmed, empty → null), for comparison. */
function normalised(c: Comparable): Comparable {
  return {
    ...c,
    period: c.period?.trim() || null,
    midTermGoal: c.midTermGoal?.trim() || null,
    annualGoal: c.annualGoal.trim(),
    mainTasks: c.mainTasks?.trim() || null,
    indicators: c.indicators.map((i) => ({
      libraryIndicatorId: i.libraryIndicatorId,
      period: i.period,
      level1: i.level1.trim(),
      level2: i.level2.trim(),
      name: i.name.trim(),
      nature: i.nature,
      value: i.value.trim(),
      unit: i.nature === '定性' && i.libraryIndicatorId == null ? null : i.unit?.trim() || null,
    })),
  };
}

export function sameSnapshot(a: Comparable, b: Comparable): boolean {
  return describeChanges(a, b, new Map()).length === 0;
}

const FIELD_LABELS: [keyof Omit<Comparable, 'indicators'>, string, 'text' | 'money' | 'class'][] = [
  ['period', '项目期', 'text'],
  ['indicatorClassId', '指标类别', 'class'],
  ['annualGoal', '年度总体目标', 'text'],
  ['midTermGoal', '中期目标', 'text'],
  ['mainTasks', '年度主要任务', 'text'],
  ['annualTotalFen', '年度资金总额', 'money'],
  ['annualFiscalFen', '年度财政拨款', 'money'],
  ['annualOtherFen', '年度其他资金', 'money'],
  ['midTotalFen', '中期资金总额', 'money'],
  ['midFiscalFen', '中期财政拨款', 'money'],
  ['midOtherFen', '中期其他资金', 'money'],
];

/** What differs between the target as it is and as the sheet has it, one line per field or indicator. */
export function describeChanges(beforeRaw: Comparable, afterRaw: Comparable, classNames: Map<number, string>): string[] {
  const before = normalised(beforeRaw);
  const after = normalised(afterRaw);
  const changes: string[] = [];
  for (const [key, label, kind] of FIELD_LABELS) {
    const a = before[key];
    const b = after[key];
    if (a === b) continue;
    if (kind === 'money')
      changes.push(
        `${label}：${a == null ? '（空）' : formatWanYuan(a as number)} → ${b == null ? '（空）' : formatWanYuan(b as number)} 万元`,
      );
    else if (kind === 'class')
      changes.push(
        `${label}：${a == null ? '（无）' : (classNames.get(a as number) ?? a)} → ${b == null ? '（无）' : (classNames.get(b as number) ?? b)}`,
      );
    else changes.push(a == null || a === '' ? `${label}：新填写` : b == null || b === '' ? `${label}：已清空` : `${label}：已修改`);
  }
  const key = (i: TargetIndicatorInput) => `${i.period}\u0000${i.name}`;
  const olds = new Map(before.indicators.map((i) => [key(i), i]));
  const news = new Map(after.indicators.map((i) => [key(i), i]));
  const added = after.indicators.filter((i) => !olds.has(key(i))).map((i) => i.name);
  const removed = before.indicators.filter((i) => !news.has(key(i))).map((i) => i.name);
  const changed = after.indicators
    .filter((i) => olds.has(key(i)))
    .flatMap((i) => {
      const o = olds.get(key(i))!;
      const parts: string[] = [];
      if (o.value !== i.value || o.nature !== i.nature || o.unit !== i.unit)
        parts.push(
          `${o.nature === '定性' ? '' : o.nature}${o.value}${o.unit ?? ''} → ${i.nature === '定性' ? '' : i.nature}${i.value}${i.unit ?? ''}`,
        );
      if (o.level1 !== i.level1 || o.level2 !== i.level2) parts.push(`${o.level2} → ${i.level2}`);
      if (o.libraryIndicatorId !== i.libraryIndicatorId) parts.push(i.libraryIndicatorId == null ? '改为个性指标' : '改为共性指标');
      return parts.length ? [`“${i.name}”${parts.join('，')}`] : [];
    });
  if (added.length) changes.push(`新增指标：${added.join('、')}`);
  if (removed.length) changes.push(`删除指标：${removed.join('、')}`);
  if (changed.length) changes.push(`修改指标：${changed.join('；')}`);
  if (
    !added.length &&
    !removed.length &&
    !changed.length &&
    before.indicators.map(key).join('\u0001') !== after.indicators.map(key).join('\u0001')
  )
    changes.push('指标顺序调整');
  return changes;
}
