/**
 * What a target is monitored on in a round. Target indicator rows are re-created whenever a target is
 * saved, so an entry names its indicator by `annual:<name>` and keeps a copy of the indicator as it
 * stood when the entry was saved. An indicator is judged against that copy (so a later target
 * adjustment does not rewrite a past round); an indicator without an entry is judged against the target
 * as it stands. An entry whose indicator the target no longer has stays in the round (`inTarget: false`)
 * until it is saved empty. Read by the forms and by the warning computation.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { monitoringEntries, targetIndicators } from '../../db/schema';
import type { TargetIndicator } from '../rules/targetChecks';
import type { IndicatorProgress } from '../rules/warningLines';
import type { ServiceContext } from '../ledger/context';
import type { TargetPeriod } from '../../db/vocabulary';

/** The indicator an entry reports on, as it stood in the target (its 年度指标值 as written). */
export type MonitoredIndicator = TargetIndicator;

export const indicatorKey = (name: string, period: TargetPeriod = 'annual') => `${period}:${name}`;

export type EntryRow = typeof monitoringEntries.$inferSelect;

export interface RoundIndicator {
  key: string;
  indicator: MonitoredIndicator;
  inTarget: boolean;
  targetNow: MonitoredIndicator | null;
  entry: EntryRow | null;
}

const sameIndicator = (a: MonitoredIndicator, b: MonitoredIndicator) =>
  a.level1 === b.level1 &&
  a.level2 === b.level2 &&
  a.name === b.name &&
  a.nature === b.nature &&
  a.value === b.value &&
  (a.unit ?? null) === (b.unit ?? null);

/**
 * The indicators each target is monitored on in a round: its annual indicators now, plus indicators an
 * entry was saved against that the target no longer has. Batch-loaded for the warning computation.
 */
export function roundIndicators(ctx: ServiceContext, roundId: number, targetIds: readonly number[]): Map<number, RoundIndicator[]> {
  const result = new Map<number, RoundIndicator[]>();
  if (targetIds.length === 0) return result;
  const ids = [...new Set(targetIds)];
  const current = new Map<number, { key: string; indicator: MonitoredIndicator }[]>();
  for (const chunk of chunks(ids)) {
    const rows = ctx.ledger.db
      .select()
      .from(targetIndicators)
      .where(and(inArray(targetIndicators.targetId, chunk), eq(targetIndicators.period, 'annual')))
      .orderBy(asc(targetIndicators.targetId), asc(targetIndicators.sortOrder), asc(targetIndicators.id))
      .all();
    for (const r of rows) {
      const list = current.get(r.targetId) ?? [];
      // Names are unique within a target (the machine check); should two collide, the first one counts.
      if (!list.some((x) => x.indicator.name === r.name)) {
        list.push({
          key: indicatorKey(r.name),
          indicator: { level1: r.level1, level2: r.level2, name: r.name, nature: r.nature, value: r.value, unit: r.unit },
        });
      }
      current.set(r.targetId, list);
    }
  }
  const entries = new Map<number, EntryRow[]>();
  for (const chunk of chunks(ids)) {
    const rows = ctx.ledger.db
      .select()
      .from(monitoringEntries)
      .where(and(eq(monitoringEntries.roundId, roundId), inArray(monitoringEntries.targetId, chunk)))
      .orderBy(asc(monitoringEntries.id))
      .all();
    for (const e of rows) entries.set(e.targetId, [...(entries.get(e.targetId) ?? []), e]);
  }
  for (const id of ids) {
    const saved = new Map((entries.get(id) ?? []).map((e) => [e.targetIndicatorKey, e]));
    const list: RoundIndicator[] = [];
    for (const c of current.get(id) ?? []) {
      const entry = saved.get(c.key) ?? null;
      saved.delete(c.key);
      const copy = entry ? parseIndicator(entry.indicator) : null;
      list.push({
        key: c.key,
        indicator: copy ?? c.indicator,
        inTarget: true,
        targetNow: copy && !sameIndicator(copy, c.indicator) ? c.indicator : null,
        entry,
      });
    }
    for (const entry of saved.values())
      list.push({ key: entry.targetIndicatorKey, indicator: parseIndicator(entry.indicator), inTarget: false, targetNow: null, entry });
    result.set(id, list);
  }
  return result;
}

function parseIndicator(json: string): MonitoredIndicator {
  const i = JSON.parse(json) as MonitoredIndicator;
  return { level1: i.level1, level2: i.level2, name: i.name, nature: i.nature, value: i.value, unit: i.unit ?? null };
}

/** IN lists go 500 ids at a time, well under SQLite's limit on bound parameters. */
export function* chunks<T>(items: readonly T[], size = 500): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** An indicator with a reported value, as the warning-line rules take it. */
export const progressOf = (indicator: MonitoredIndicator, current: string): IndicatorProgress => ({
  name: indicator.name,
  level2: indicator.level2,
  nature: indicator.nature,
  target: indicator.value,
  current,
});
