/** 五个同步: the date each step of a target's budget and target tracks was reached. */
import { and, eq } from 'drizzle-orm';
import { syncDates } from '../../db/schema';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { requireOpenYear } from '../ledger/years';
import type { SyncStep, SyncTrack } from '../../db/vocabulary';
import { requireTarget, targetDetail, type TargetDetail } from './targetDetail';

/** Records the date a step was reached (五个同步); null clears it. */
export function setSyncDate(
  ctx: ServiceContext,
  input: { targetId: number; track: SyncTrack; step: SyncStep; date: string | null },
): TargetDetail {
  return inTransaction(ctx, () => {
    const target = requireTarget(ctx, input.targetId);
    requireOpenYear(ctx, target.year);
    setSyncDateInside(ctx, target.id, input.track, input.step, input.date, true);
    return targetDetail(ctx, target.id);
  });
}

/** Sets a step's date; `overwrite` false keeps a date already recorded (the first time counts). */
export function setSyncDateInside(
  ctx: ServiceContext,
  targetId: number,
  track: SyncTrack,
  step: SyncStep,
  date: string | null,
  overwrite: boolean,
): void {
  const where = and(eq(syncDates.targetId, targetId), eq(syncDates.track, track), eq(syncDates.step, step));
  const existing = ctx.ledger.db.select().from(syncDates).where(where).get();
  if (existing && !overwrite) return;
  if (date === null) {
    if (existing) ctx.ledger.db.delete(syncDates).where(where).run();
  } else if (existing) ctx.ledger.db.update(syncDates).set({ date }).where(where).run();
  else ctx.ledger.db.insert(syncDates).values({ targetId, track, step, date }).run();
  appendAudit(ctx, {
    action: 'target.syncDate',
    entity: 'performance_target',
    entityId: targetId,
    before: existing ? { track, step, date: existing.date } : undefined,
    after: { track, step, date },
  });
}
