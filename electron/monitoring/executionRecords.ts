/**
 * The round's execution records (execution_records, one per round and project): what the ledger has
 * recorded so far for a project, and writing a committed import — a new record or an update, each with
 * its audit entry. Rows whose amounts are already in the ledger are left alone.
 */
import { and, asc, desc, eq, lte, or } from 'drizzle-orm';
import { budgetUnits, executionRecords, monitoringRounds, projects } from '../../db/schema';
import { appendAudit } from '../ledger/audit';
import type { ServiceContext } from '../ledger/context';
import type { ExecutionAmounts } from './executionAmounts';
import { requireRound } from './monitoringRounds';

/** A project's funds as last recorded up to a round: its record in the round, else an earlier round's. */
export interface RecordedAmounts extends ExecutionAmounts {
  roundName: string;
  thisRound: boolean;
}

/**
 * Per project, the round's own record, else the record of the year's latest earlier round (by the
 * month it runs to, then the newest import). A later round's figures are never carried back.
 */
export function recordedAmounts(ctx: ServiceContext, round: { id: number; year: number; asOfMonth: number }): Map<number, RecordedAmounts> {
  const rows = ctx.ledger.db
    .select({
      roundId: executionRecords.roundId,
      projectId: executionRecords.projectId,
      initialBudgetFen: executionRecords.initialBudgetFen,
      adjustedBudgetFen: executionRecords.adjustedBudgetFen,
      executedFen: executionRecords.executedFen,
      expectedFullYearFen: executionRecords.expectedFullYearFen,
      roundName: monitoringRounds.name,
    })
    .from(executionRecords)
    .innerJoin(monitoringRounds, eq(monitoringRounds.id, executionRecords.roundId))
    .where(
      and(eq(monitoringRounds.year, round.year), or(eq(monitoringRounds.id, round.id), lte(monitoringRounds.asOfMonth, round.asOfMonth))),
    )
    .orderBy(desc(monitoringRounds.asOfMonth), desc(executionRecords.importedAt), desc(executionRecords.id))
    .all();
  const known = new Map<number, RecordedAmounts>();
  for (const { roundId, projectId, ...r } of rows) {
    const thisRound = roundId === round.id;
    if (thisRound || !known.has(projectId)) known.set(projectId, { ...r, thisRound });
  }
  return known;
}

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

export interface ExecutionRecordRow extends ExecutionAmounts {
  id: number;
  roundId: number;
  projectId: number;
  projectName: string;
  projectCode: string | null;
  unitId: number;
  unitName: string;
  sourceFile: string;
  sourceRow: number;
  importedAt: string;
}

/** The round's execution records with their project and unit, for the warning lines and the screens. */
export function listExecution(ctx: ServiceContext, input: { roundId: number }): ExecutionRecordRow[] {
  requireRound(ctx, input.roundId);
  return ctx.ledger.db
    .select({
      id: executionRecords.id,
      roundId: executionRecords.roundId,
      projectId: executionRecords.projectId,
      projectName: projects.name,
      projectCode: projects.code,
      unitId: projects.unitId,
      unitName: budgetUnits.name,
      initialBudgetFen: executionRecords.initialBudgetFen,
      adjustedBudgetFen: executionRecords.adjustedBudgetFen,
      executedFen: executionRecords.executedFen,
      expectedFullYearFen: executionRecords.expectedFullYearFen,
      sourceFile: executionRecords.sourceFile,
      sourceRow: executionRecords.sourceRow,
      importedAt: executionRecords.importedAt,
    })
    .from(executionRecords)
    .innerJoin(projects, eq(projects.id, executionRecords.projectId))
    .innerJoin(budgetUnits, eq(budgetUnits.id, projects.unitId))
    .where(eq(executionRecords.roundId, input.roundId))
    .orderBy(asc(budgetUnits.name), asc(projects.code), asc(projects.id))
    .all();
}
