/**
 * Writing a committed execution import into the round's records (execution_records, one per round and
 * project): a new record or an update, each with its audit entry. Rows whose amounts are already in
 * the ledger are left alone.
 */
import { and, eq } from 'drizzle-orm';
import { executionRecords } from '../../db/schema';
import { appendAudit } from '../ledger/audit';
import type { ServiceContext } from '../ledger/context';
import type { ExecutionAmounts } from './executionAmounts';

/** A matched row of the preview: its project, where it came from, and how it stands against the record. */
interface RecordRow extends ExecutionAmounts {
  row: number;
  projectId: number;
  status: 'new' | 'changed' | 'unchanged';
}

/** Writes the rows (inside the commit's transaction); returns how many records were created and updated. */
export function saveExecutionRecords(
  ctx: ServiceContext,
  roundId: number,
  fileName: string,
  rows: readonly RecordRow[],
): { created: number; updated: number } {
  const importedAt = ctx.now().toISOString();
  let created = 0;
  let updated = 0;
  for (const r of rows) {
    if (r.status === 'unchanged') continue;
    const amounts = {
      initialBudgetFen: r.initialBudgetFen,
      adjustedBudgetFen: r.adjustedBudgetFen,
      executedFen: r.executedFen,
      expectedFullYearFen: r.expectedFullYearFen,
    };
    const values = { ...amounts, sourceFile: fileName, sourceRow: r.row, importedAt };
    if (r.status === 'new') {
      const row = ctx.ledger.db
        .insert(executionRecords)
        .values({ roundId, projectId: r.projectId, ...values })
        .returning({ id: executionRecords.id })
        .get();
      appendAudit(ctx, {
        action: 'execution.create',
        entity: 'execution_record',
        entityId: row.id,
        after: { roundId, projectId: r.projectId, ...values },
      });
      created++;
    } else {
      const before = ctx.ledger.db
        .select()
        .from(executionRecords)
        .where(and(eq(executionRecords.roundId, roundId), eq(executionRecords.projectId, r.projectId)))
        .get()!;
      ctx.ledger.db.update(executionRecords).set(values).where(eq(executionRecords.id, before.id)).run();
      const { id: _id, ...was } = before;
      appendAudit(ctx, {
        action: 'execution.update',
        entity: 'execution_record',
        entityId: before.id,
        before: was,
        after: { roundId, projectId: r.projectId, ...values },
      });
      updated++;
    }
  }
  return { created, updated };
}
