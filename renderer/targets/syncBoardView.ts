import { SYNC_STEPS, syncLags } from '../../electron/rules/jointReview';
import type { SyncStep, SyncTrack, TargetDetail, TargetListRow } from '../../electron/bridge/contract';

export type Sync = TargetDetail['sync'];

export const STEPS = Object.keys(SYNC_STEPS) as SyncStep[];
export const TRACK_LABELS: Record<SyncTrack, string> = { budget: '预算', target: '目标' };

export interface BoardRow {
  row: TargetListRow & { targetId: number };
  sync: Sync | null;
  lags: ReturnType<typeof syncLags>;
}

/** The board's rows: targets only, with the dates the list carries or, once edited here, the saved ones. */
export function boardRows(rows: readonly TargetListRow[], edited: ReadonlyMap<number, Sync>): BoardRow[] {
  return rows
    .filter((r): r is TargetListRow & { targetId: number } => r.targetId !== null)
    .map((row) => {
      const sync = edited.get(row.targetId) ?? row.sync;
      return { row, sync, lags: sync ? syncLags(sync) : [] };
    });
}

/** How many targets reached each step, on each track: the year's 五个同步 at a glance. */
export function stepCounts(rows: readonly BoardRow[]): Record<SyncStep, Record<SyncTrack, number>> {
  const counts = Object.fromEntries(STEPS.map((s) => [s, { budget: 0, target: 0 }])) as Record<SyncStep, Record<SyncTrack, number>>;
  for (const r of rows) {
    for (const s of STEPS) {
      if (r.sync?.budget[s]) counts[s].budget += 1;
      if (r.sync?.target[s]) counts[s].target += 1;
    }
  }
  return counts;
}

/** "申报：预算 2023-01-10，目标未到" for the 滞后 badge's explanation. */
export function lagText(lags: BoardRow['lags']): string {
  return lags.map((l) => `${SYNC_STEPS[l.step]}：预算 ${l.budget}，目标${l.target ? ` ${l.target}` : '尚未到这一步'}`).join('；');
}
