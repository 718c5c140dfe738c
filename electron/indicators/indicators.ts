/**
 * 共性指标库: classes and their 三级 indicators. An indicator is retired, never deleted, so targets that
 * used it keep pointing at it; the default library ships as reviewed data in db/seed.
 */
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import defaultLibrary from '../../db/seed/indicatorLibrary.json';
import { indicatorClasses, indicators } from '../../db/schema';
import { recommendIndicators, type LibraryIndicator, type Recommendation } from '../rules/indicatorRecommendation';
import { indicatorProblems, normaliseNature } from '../rules/indicatorRules';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { LedgerError } from '../../db/ledgerError';
import type { IndicatorScope, Nature } from '../../db/vocabulary';

export interface IndicatorFields {
  level1: string;
  level2: string;
  name: string;
  nature: Nature;
  unit: string | null;
  explanation: string | null;
  standard: string | null;
  keywords: string | null;
  referenceHint: string | null;
  mandatory: boolean;
  scope: IndicatorScope;
}

export interface IndicatorInput extends IndicatorFields {
  classId: number;
}

export interface IndicatorRow extends IndicatorInput {
  id: number;
  className: string;
  retiredAt: string | null;
}

export interface IndicatorClassRow {
  id: number;
  name: string;
  sortOrder: number;
  activeCount: number;
  retiredCount: number;
}

/** A library as a file holds it: classes by name, indicators by name within their class. */
export interface LibraryData {
  classes: { name: string; indicators: IndicatorFields[] }[];
}

export function listIndicatorClasses(ctx: ServiceContext): IndicatorClassRow[] {
  return ctx.ledger.db
    .select({
      id: indicatorClasses.id,
      name: indicatorClasses.name,
      sortOrder: indicatorClasses.sortOrder,
      activeCount: sql<number>`(select count(*) from indicators i where i.class_id = indicator_classes.id and i.retired_at is null)`,
      retiredCount: sql<number>`(select count(*) from indicators i where i.class_id = indicator_classes.id and i.retired_at is not null)`,
    })
    .from(indicatorClasses)
    .orderBy(asc(indicatorClasses.sortOrder), asc(indicatorClasses.id))
    .all();
}

/** The whole library, retired ones included (the screen hides them unless asked); small enough to search in memory. */
export function listIndicators(ctx: ServiceContext): IndicatorRow[] {
  return selectIndicators(ctx);
}

export function createIndicatorClass(ctx: ServiceContext, input: { name: string }): IndicatorClassRow {
  return inTransaction(ctx, () => {
    const name = input.name.trim();
    if (!name) throw new LedgerError('invalid_input', '请填写类别名称。', { name: '请填写类别名称' });
    if (ctx.ledger.db.select().from(indicatorClasses).where(eq(indicatorClasses.name, name)).get()) {
      throw new LedgerError('invalid_input', `已有“${name}”类别。`, { name: `已有“${name}”类别` });
    }
    const sortOrder =
      (ctx.ledger.db
        .select({ n: sql<number>`coalesce(max(sort_order), 0)` })
        .from(indicatorClasses)
        .get()?.n ?? 0) + 1;
    const row = ctx.ledger.db.insert(indicatorClasses).values({ name, sortOrder }).returning().get();
    appendAudit(ctx, { action: 'indicatorClass.create', entity: 'indicator_class', entityId: row.id, after: { name } });
    return listIndicatorClasses(ctx).find((c) => c.id === row.id)!;
  });
}

export function createIndicator(ctx: ServiceContext, input: IndicatorInput): IndicatorRow {
  return inTransaction(ctx, () => {
    const clean = validateIndicator(ctx, input, null);
    const row = ctx.ledger.db.insert(indicators).values(clean).returning({ id: indicators.id }).get();
    appendAudit(ctx, { action: 'indicator.create', entity: 'indicator', entityId: row.id, after: clean });
    return indicatorById(ctx, row.id);
  });
}

/**
 * Edits an indicator in place. Targets (a later area) copy an indicator's wording when they use it, so
 * an edit here never rewrites a target already written.
 */
export function updateIndicator(ctx: ServiceContext, input: IndicatorInput & { id: number }): IndicatorRow {
  return inTransaction(ctx, () => {
    const before = requireIndicator(ctx, input.id);
    const clean = validateIndicator(ctx, input, input.id);
    ctx.ledger.db
      .update(indicators)
      .set({ ...clean, updatedAt: ctx.now().toISOString() })
      .where(eq(indicators.id, input.id))
      .run();
    appendAudit(ctx, { action: 'indicator.update', entity: 'indicator', entityId: input.id, before: fieldsOf(before), after: clean });
    return indicatorById(ctx, input.id);
  });
}

/** 停用: the indicator stays for the targets that used it but is no longer offered. */
export function retireIndicator(ctx: ServiceContext, input: { id: number }): IndicatorRow {
  return setRetired(ctx, input.id, ctx.now().toISOString());
}

/** 恢复启用 a retired indicator. */
export function reinstateIndicator(ctx: ServiceContext, input: { id: number }): IndicatorRow {
  return setRetired(ctx, input.id, null);
}

export interface LibraryImportSummary {
  classesCreated: number;
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Brings a whole library into the ledger in one transaction: classes and indicators are matched by
 * name; new ones are added, changed ones updated, and nothing the file leaves out is touched. Loading
 * the same library twice changes nothing.
 */
export function mergeLibrary(ctx: ServiceContext, library: LibraryData, source: string): LibraryImportSummary {
  return inTransaction(ctx, () => {
    const summary: LibraryImportSummary = { classesCreated: 0, created: 0, updated: 0, unchanged: 0 };
    let sortOrder =
      ctx.ledger.db
        .select({ n: sql<number>`coalesce(max(sort_order), 0)` })
        .from(indicatorClasses)
        .get()?.n ?? 0;
    for (const cls of library.classes) {
      let classRow = ctx.ledger.db.select().from(indicatorClasses).where(eq(indicatorClasses.name, cls.name)).get();
      if (!classRow) {
        classRow = ctx.ledger.db.insert(indicatorClasses).values({ name: cls.name, sortOrder: ++sortOrder }).returning().get();
        summary.classesCreated++;
      }
      for (const fields of cls.indicators) {
        const input = validateIndicator(ctx, { ...fields, classId: classRow.id }, null, { allowExistingName: true });
        const existing = ctx.ledger.db
          .select()
          .from(indicators)
          .where(and(eq(indicators.classId, classRow.id), eq(indicators.name, input.name)))
          .get();
        if (!existing) {
          ctx.ledger.db.insert(indicators).values(input).run();
          summary.created++;
        } else if (JSON.stringify(fieldsOf(existing)) !== JSON.stringify(fieldsOf({ ...existing, ...input }))) {
          ctx.ledger.db
            .update(indicators)
            .set({ ...input, updatedAt: ctx.now().toISOString() })
            .where(eq(indicators.id, existing.id))
            .run();
          summary.updated++;
        } else summary.unchanged++;
      }
    }
    // A library already in the ledger changes nothing, not even the audit log.
    if (summary.classesCreated + summary.created + summary.updated > 0) {
      appendAudit(ctx, { action: 'indicatorLibrary.merge', entity: 'indicator_library', entityId: source, after: summary });
    }
    return summary;
  });
}

/** The library that ships with the app (db/seed/indicatorLibrary.json), loaded by `ledger init`. */
export function loadDefaultLibrary(ctx: ServiceContext): LibraryImportSummary {
  const library: LibraryData = {
    classes: defaultLibrary.classes.map((c) => ({
      name: c.name,
      indicators: c.indicators.map((i) => ({
        level1: i.level1,
        level2: i.level2,
        name: i.name,
        nature: normaliseNature(i.nature) ?? (i.nature as Nature),
        unit: i.unit ?? null,
        explanation: i.explanation ?? null,
        standard: i.standard ?? null,
        keywords: i.keywords ?? null,
        referenceHint: i.referenceHint ?? null,
        mandatory: i.mandatory,
        scope: i.scope === '总体' ? 'overall' : 'annual',
      })),
    })),
  };
  return mergeLibrary(ctx, library, defaultLibrary.name);
}

/** Suggestions for a project's targets: by its class (when chosen) and the words of its name and goal. */
export function recommendForProject(
  ctx: ServiceContext,
  input: { className: string | null; text: string; limit: number },
): Recommendation[] {
  const library: LibraryIndicator[] = selectIndicators(ctx).map((i) => ({
    id: i.id,
    className: i.className,
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    keywords: i.keywords,
    explanation: i.explanation,
    mandatory: i.mandatory,
    retired: i.retiredAt !== null,
  }));
  return recommendIndicators(library, { className: input.className, text: input.text }, input.limit);
}

export interface IndicatorUse {
  targetId: number;
  year: number;
  /** The project's name, or "单位部门整体". */
  subjectName: string;
  unitName: string;
  status: string;
  /** The wording the target keeps, when it differs from the library's today. */
  keptName: string | null;
}

/** 使用情况: the targets that use a library indicator, newest year first. */
export function indicatorUsage(ctx: ServiceContext, input: { id: number }): IndicatorUse[] {
  const library = requireIndicator(ctx, input.id);
  return ctx.ledger.sqlite
    .prepare(
      `select t.id as targetId, t.year as year, coalesce(p.name, u.name || '部门整体') as subjectName, u.name as unitName, t.status as status, ti.name as name
         from target_indicators ti
         join performance_targets t on t.id = ti.target_id
         join budget_units u on u.id = t.unit_id
         left join projects p on p.id = t.project_id
        where ti.library_indicator_id = ?
        group by t.id
        order by t.year desc, t.id`,
    )
    .all(input.id)
    .map((r) => {
      const row = r as Omit<IndicatorUse, 'keptName'> & { name: string };
      const { name, ...use } = row;
      return { ...use, keptName: name !== library.name ? name : null };
    });
}

function setRetired(ctx: ServiceContext, id: number, retiredAt: string | null): IndicatorRow {
  return inTransaction(ctx, () => {
    const before = requireIndicator(ctx, id);
    if ((before.retiredAt === null) === (retiredAt === null)) return indicatorById(ctx, id);
    ctx.ledger.db.update(indicators).set({ retiredAt, updatedAt: ctx.now().toISOString() }).where(eq(indicators.id, id)).run();
    appendAudit(ctx, {
      action: retiredAt ? 'indicator.retire' : 'indicator.reinstate',
      entity: 'indicator',
      entityId: id,
      before: { retiredAt: before.retiredAt },
      after: { retiredAt },
    });
    return indicatorById(ctx, id);
  });
}

function validateIndicator(
  ctx: ServiceContext,
  input: IndicatorInput,
  selfId: number | null,
  options: { allowExistingName?: boolean } = {},
): IndicatorInput {
  const trimOrNull = (v: string | null) => v?.trim() || null;
  const clean: IndicatorInput = {
    ...input,
    level1: input.level1.trim(),
    level2: input.level2.trim(),
    name: input.name.trim(),
    unit: input.nature === '定性' ? null : trimOrNull(input.unit),
    explanation: trimOrNull(input.explanation),
    standard: trimOrNull(input.standard),
    keywords: trimOrNull(input.keywords),
    referenceHint: trimOrNull(input.referenceHint),
  };
  const fields = indicatorProblems(clean);
  const cls = ctx.ledger.db.select().from(indicatorClasses).where(eq(indicatorClasses.id, input.classId)).get();
  if (!cls) fields.classId = '请选择指标类别';
  else if (!options.allowExistingName && clean.name) {
    const notSelf = selfId == null ? undefined : ne(indicators.id, selfId);
    if (
      ctx.ledger.db
        .select({ id: indicators.id })
        .from(indicators)
        .where(and(eq(indicators.classId, cls.id), eq(indicators.name, clean.name), notSelf))
        .get()
    ) {
      fields.name = `“${cls.name}”类已有指标“${clean.name}”`;
    }
  }
  if (Object.keys(fields).length)
    throw new LedgerError('invalid_input', `指标“${clean.name || '（未命名）'}”有误：${Object.values(fields).join('；')}。`, fields);
  return clean;
}

function requireIndicator(ctx: ServiceContext, id: number) {
  const row = ctx.ledger.db.select().from(indicators).where(eq(indicators.id, id)).get();
  if (!row) throw new LedgerError('indicator_missing', '该指标不存在，可能已被他人修改。请刷新指标库。');
  return row;
}

function fieldsOf(row: typeof indicators.$inferSelect): IndicatorInput {
  return {
    classId: row.classId,
    level1: row.level1,
    level2: row.level2,
    name: row.name,
    nature: row.nature,
    unit: row.unit,
    explanation: row.explanation,
    standard: row.standard,
    keywords: row.keywords,
    referenceHint: row.referenceHint,
    mandatory: row.mandatory,
    scope: row.scope,
  };
}

function indicatorById(ctx: ServiceContext, id: number): IndicatorRow {
  const row = selectIndicators(ctx, id)[0];
  if (!row) throw new LedgerError('indicator_missing', '该指标不存在。');
  return row;
}

function selectIndicators(ctx: ServiceContext, onlyId?: number): IndicatorRow[] {
  return ctx.ledger.db
    .select({
      id: indicators.id,
      classId: indicators.classId,
      className: indicatorClasses.name,
      level1: indicators.level1,
      level2: indicators.level2,
      name: indicators.name,
      nature: indicators.nature,
      unit: indicators.unit,
      explanation: indicators.explanation,
      standard: indicators.standard,
      keywords: indicators.keywords,
      referenceHint: indicators.referenceHint,
      mandatory: indicators.mandatory,
      scope: indicators.scope,
      retiredAt: indicators.retiredAt,
    })
    .from(indicators)
    .innerJoin(indicatorClasses, eq(indicatorClasses.id, indicators.classId))
    .where(onlyId == null ? undefined : eq(indicators.id, onlyId))
    .orderBy(asc(indicatorClasses.sortOrder), asc(indicators.id))
    .all();
}
