/**
 * Hand matches remembered across a year's execution imports (execution_matches): the platform's unit
 * and project name → the ledger's project, found by the same keys the matching uses, written (or
 * moved to another project) when an import that made them is committed, listed, and forgotten.
 */
import { asc, eq } from 'drizzle-orm';
import { budgetUnits, executionMatches, projects } from '../../db/schema';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { LedgerError } from '../../db/ledgerError';
import { requireOpenYear } from '../ledger/years';
import { matchKey } from './executionMatching';

export interface RememberedMatchRow {
  id: number;
  year: number;
  /** As the platform writes them. */
  unitName: string;
  projectName: string;
  projectId: number;
  /** The ledger's project it stands for. */
  matchedProjectCode: string | null;
  matchedProjectName: string;
  matchedUnitName: string;
  /** When, and by the import of which file, it was remembered; null for matches older than the ledger's 0009. */
  rememberedAt: string | null;
  rememberedFrom: string | null;
}

export type RememberedMatch = typeof executionMatches.$inferSelect;

/** A hand match of this import, to remember on commit. */
export interface MatchToRemember {
  unitName: string;
  projectName: string;
  projectId: number;
}

/** The year's remembered matches by matchKey. */
export function loadRememberedMatches(ctx: ServiceContext, year: number): Map<string, RememberedMatch> {
  return new Map(
    ctx.ledger.db
      .select()
      .from(executionMatches)
      .where(eq(executionMatches.year, year))
      .all()
      .map((m) => [matchKey(m.unitName, m.projectName), m]),
  );
}

/** Writes the import's hand matches (inside the commit's transaction); returns how many were new or moved. */
export function saveRememberedMatches(
  ctx: ServiceContext,
  year: number,
  fileName: string,
  remember: readonly MatchToRemember[],
  remembered: ReadonlyMap<string, RememberedMatch>,
): number {
  let count = 0;
  const stamp = { rememberedAt: ctx.now().toISOString(), rememberedFrom: fileName };
  for (const m of remember) {
    const existing = remembered.get(matchKey(m.unitName, m.projectName));
    if (existing && existing.projectId === m.projectId) continue;
    if (existing) {
      ctx.ledger.db
        .update(executionMatches)
        .set({ projectId: m.projectId, ...stamp })
        .where(eq(executionMatches.id, existing.id))
        .run();
      appendAudit(ctx, {
        action: 'executionMatch.update',
        entity: 'execution_match',
        entityId: existing.id,
        before: { ...existing },
        after: { ...existing, projectId: m.projectId, ...stamp },
      });
    } else {
      const values = { year, unitName: m.unitName, projectName: m.projectName, projectId: m.projectId, ...stamp };
      const row = ctx.ledger.db.insert(executionMatches).values(values).returning({ id: executionMatches.id }).get();
      appendAudit(ctx, { action: 'executionMatch.create', entity: 'execution_match', entityId: row.id, after: values });
    }
    count++;
  }
  return count;
}

/** The year's remembered hand matches (platform's unit + project name → project). */
export function listRememberedMatches(ctx: ServiceContext, input: { year: number }): RememberedMatchRow[] {
  return ctx.ledger.db
    .select({
      id: executionMatches.id,
      year: executionMatches.year,
      unitName: executionMatches.unitName,
      projectName: executionMatches.projectName,
      projectId: executionMatches.projectId,
      matchedProjectCode: projects.code,
      matchedProjectName: projects.name,
      matchedUnitName: budgetUnits.name,
      rememberedAt: executionMatches.rememberedAt,
      rememberedFrom: executionMatches.rememberedFrom,
    })
    .from(executionMatches)
    .innerJoin(projects, eq(projects.id, executionMatches.projectId))
    .innerJoin(budgetUnits, eq(budgetUnits.id, projects.unitId))
    .where(eq(executionMatches.year, input.year))
    .orderBy(asc(executionMatches.unitName), asc(executionMatches.projectName))
    .all();
}

/** Forgets a remembered match (a wrong one): the next import lists that row as unmatched again. */
export function forgetRememberedMatch(ctx: ServiceContext, input: { id: number }): void {
  inTransaction(ctx, () => {
    const row = ctx.ledger.db.select().from(executionMatches).where(eq(executionMatches.id, input.id)).get();
    if (!row) throw new LedgerError('match_missing', '该对应关系不存在，请刷新后重试。');
    requireOpenYear(ctx, row.year);
    ctx.ledger.db.delete(executionMatches).where(eq(executionMatches.id, input.id)).run();
    appendAudit(ctx, { action: 'executionMatch.delete', entity: 'execution_match', entityId: row.id, before: row });
  });
}
