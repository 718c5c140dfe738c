/**
 * 年度绩效工作情况: the prose the bureau keeps per year around the figures the ledger computes (slots in
 * SUMMARY_TEXT_SLOTS). A year without a row for a slot reads the default wording
 * (electron/reports/annualSummaryTexts.ts); a saved row is the bureau's own, audited like every write.
 */
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { SummaryTextSlot } from '../vocabulary';
import { updatedAt } from './columns';
import { fiscalYears } from './ledger';

export const summaryTexts = sqliteTable(
  'summary_texts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year')
      .notNull()
      .references(() => fiscalYears.year, { onDelete: 'restrict' }),
    slot: text('slot').$type<SummaryTextSlot>().notNull(),
    text: text('text').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('summary_texts_year_slot').on(t.year, t.slot)],
);
