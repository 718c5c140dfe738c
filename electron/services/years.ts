/**
 * 预算年度: creating a year copies the previous year's rule set (or the defaults), so a year's rules
 * are fixed with it. A closed year refuses writes.
 */
import { desc, eq, sql } from 'drizzle-orm';
import { fiscalYears } from '../../db/schema';
import { DEFAULT_RULE_SET, parseRuleSet, serialiseRuleSet, type RuleSet } from '../rules/ruleSet';
import { appendAudit } from './audit';
import { inTransaction, type ServiceContext } from './context';
import { LedgerError } from './ledgerError';

export interface YearSummary {
  year: number;
  status: 'open' | 'closed';
  projectCount: number;
}

export function listYears(ctx: ServiceContext): YearSummary[] {
  return ctx.ledger.db
    .select({
      year: fiscalYears.year,
      status: fiscalYears.status,
      // Spelled out: drizzle leaves columns unqualified in a single-table select, which would bind to the subquery.
      projectCount: sql<number>`(select count(*) from projects p where p.year = fiscal_years.year)`,
    })
    .from(fiscalYears)
    .orderBy(desc(fiscalYears.year))
    .all();
}

export function createYear(ctx: ServiceContext, input: { year: number }): YearSummary {
  return inTransaction(ctx, () => {
    const exists = ctx.ledger.db.select().from(fiscalYears).where(eq(fiscalYears.year, input.year)).get();
    if (exists) throw new LedgerError('year_exists', `${input.year} 年度已存在。`, { year: `${input.year} 年度已存在` });
    const previous = ctx.ledger.db.select().from(fiscalYears).where(sql`${fiscalYears.year} < ${input.year}`).orderBy(desc(fiscalYears.year)).get();
    const ruleSet = previous?.ruleSet ?? serialiseRuleSet(DEFAULT_RULE_SET);
    ctx.ledger.db.insert(fiscalYears).values({ year: input.year, ruleSet }).run();
    appendAudit(ctx, { action: 'year.create', entity: 'fiscal_year', entityId: input.year, after: { year: input.year, ruleSetFrom: previous?.year ?? 'default' } });
    return { year: input.year, status: 'open', projectCount: 0 };
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

function requireYear(ctx: ServiceContext, year: number) {
  const row = ctx.ledger.db.select().from(fiscalYears).where(eq(fiscalYears.year, year)).get();
  if (!row) throw new LedgerError('year_missing', `台账中没有 ${year} 年度。请先在“设置”中新建该年度。`, { year: `没有 ${year} 年度` });
  return row;
}
