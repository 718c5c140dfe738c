/**
 * A new 预算年度: it copies the previous year's rule set (or the defaults), so a year's rules are fixed
 * with it, and starts with the monitoring rounds that rule set names. It sits above the ledger's own
 * services because it sets up records of the areas too.
 */
import { desc, eq, sql } from 'drizzle-orm';
import { LedgerError } from '../../db/ledgerError';
import { fiscalYears } from '../../db/schema';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import type { YearSummary } from '../ledger/years';
import { createDefaultRounds } from '../monitoring/monitoringRounds';
import { DEFAULT_RULE_SET, parseRuleSet, serialiseRuleSet } from '../rules/ruleSet';

export function createYear(ctx: ServiceContext, input: { year: number }): YearSummary {
  return inTransaction(ctx, () => {
    const exists = ctx.ledger.db.select().from(fiscalYears).where(eq(fiscalYears.year, input.year)).get();
    if (exists) throw new LedgerError('year_exists', `${input.year} 年度已存在。`, { year: `${input.year} 年度已存在` });
    const previous = ctx.ledger.db
      .select()
      .from(fiscalYears)
      .where(sql`${fiscalYears.year} < ${input.year}`)
      .orderBy(desc(fiscalYears.year))
      .get();
    const ruleSet = previous?.ruleSet ?? serialiseRuleSet(DEFAULT_RULE_SET);
    ctx.ledger.db.insert(fiscalYears).values({ year: input.year, ruleSet }).run();
    appendAudit(ctx, {
      action: 'year.create',
      entity: 'fiscal_year',
      entityId: input.year,
      after: { year: input.year, ruleSetFrom: previous?.year ?? 'default' },
    });
    createDefaultRounds(ctx, { year: input.year });
    return { year: input.year, status: 'open', projectCount: 0, indicatorLayout: parseRuleSet(ruleSet).indicatorLayout };
  });
}
