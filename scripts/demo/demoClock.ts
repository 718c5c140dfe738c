import type { ServiceContext } from '../../electron/ledger/context';

/**
 * The context a demo step runs in: its clock reads 10:00 Beijing time on `day` (YYYY-MM-DD), so the
 * records it writes carry their day in the demo year, whenever the demo is built.
 */
export function onDay(ctx: ServiceContext, day: string): ServiceContext {
  const at = new Date(`${day}T10:00:00+08:00`);
  return { ...ctx, now: () => at };
}
