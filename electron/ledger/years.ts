/**
 * 预算年度 and their rule sets, as every area reads them: a year's rules are fixed with it (see
 * settings/yearSetup.ts for creating one), and a closed year refuses writes.
 */
import { desc, eq, sql } from 'drizzle-orm';
import { fiscalYears } from '../../db/schema';
import { parseRuleSet, serialiseRuleSet, type RuleSet } from '../rules/ruleSet';
import { appendAudit } from './audit';
import { inTransaction, prepared, type ServiceContext } from './context';
import { LedgerError } from '../../db/ledgerError';
import type { IndicatorLayout, YearStatus } from '../../db/vocabulary';

export interface YearSummary {
  year: number;
  status: YearStatus;
  projectCount: number;
  indicatorLayout: IndicatorLayout;
}

export function listYears(ctx: ServiceContext): YearSummary[] {
  return ctx.ledger.db
    .select({
      year: fiscalYears.year,
      status: fiscalYears.status,
      ruleSet: fiscalYears.ruleSet,
      // Spelled out: drizzle leaves columns unqualified in a single-table select, which would bind to the subquery.
      projectCount: sql<number>`(select count(*) from projects p where p.year = fiscal_years.year)`,
    })
    .from(fiscalYears)
    .orderBy(desc(fiscalYears.year))
    .all()
    .map(({ ruleSet, ...y }) => ({ ...y, indicatorLayout: parseRuleSet(ruleSet).indicatorLayout }));
}

/** Chooses the year's indicator layout (三分法 or 四分法); part of the year's rule set. */
export function setIndicatorLayout(ctx: ServiceContext, input: { year: number; layout: IndicatorLayout }): YearSummary {
  return inTransaction(ctx, () => {
    requireOpenYear(ctx, input.year);
    const before = ruleSetOf(ctx, input.year);
    const after: RuleSet = { ...before, indicatorLayout: input.layout };
    ctx.ledger.db
      .update(fiscalYears)
      .set({ ruleSet: serialiseRuleSet(after) })
      .where(eq(fiscalYears.year, input.year))
      .run();
    appendAudit(ctx, {
      action: 'year.setIndicatorLayout',
      entity: 'fiscal_year',
      entityId: input.year,
      before: { indicatorLayout: before.indicatorLayout },
      after: { indicatorLayout: input.layout },
    });
    return listYears(ctx).find((y) => y.year === input.year)!;
  });
}

/** Returns the year's rule set; refuses an unknown year with a message naming it. */
export function ruleSetOf(ctx: ServiceContext, year: number): RuleSet {
  return parseRuleSet(requireYear(ctx, year).ruleSet);
}

/** For writes: the year must exist and be open. */
export function requireOpenYear(ctx: ServiceContext, year: number): void {
  const row = requireYear(ctx, year);
  if (row.status === 'closed') throw new LedgerError('year_closed', `${year} 年度已关账，只能查看，不能修改。`);
}

/** The year's row; refuses an unknown year, saying where to create it. */
export function requireYear(ctx: ServiceContext, year: number) {
  const row = prepared(ctx, 'years.byYear', (db) =>
    db
      .select()
      .from(fiscalYears)
      .where(eq(fiscalYears.year, sql.placeholder('year')))
      .prepare(),
  ).get({ year });
  if (!row) throw new LedgerError('year_missing', `台账中没有 ${year} 年度。请先在“设置”中新建该年度。`, { year: `没有 ${year} 年度` });
  return row;
}
