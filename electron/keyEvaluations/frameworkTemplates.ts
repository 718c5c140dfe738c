/**
 * 评价指标体系模板: the two shipped templates (rules/keyEvaluationFrameworks.ts, fixed) and the ones the
 * bureau maintains in the ledger — a copy of a shipped template or of an evaluation's framework, edited
 * indicator by indicator, 停用 when no longer wanted. An evaluation keeps its own copy of whatever
 * template it was built from, so editing or retiring a template never changes an evaluation.
 *
 * Template ids are strings: the shipped ones keep their names ('national10', 'department'); the
 * bureau's are "bureau:<row id>", so keyEvaluations.templateId can point at either.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { frameworkTemplates, keyEvaluations } from '../../db/schema';
import { FRAMEWORK_TEMPLATES, templateById } from '../rules/keyEvaluationFrameworks';
import type { Framework } from '../rules/keyEvaluationScore';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { LedgerError } from '../../db/ledgerError';
import { requireUsableFramework } from './frameworkRefusal';

export interface FrameworkTemplateRow {
  id: string;
  name: string;
  description: string;
  framework: Framework;
  /** Shipped with the application: read-only, can be copied. */
  builtIn: boolean;
  retired: boolean;
  origin: string;
  /** Evaluations whose framework was built from it. */
  usedBy: number;
  updatedAt: string | null;
}

export interface TemplateFields {
  name: string;
  description: string;
}

const PREFIX = 'bureau:';
const SHIPPED = '随软件提供';

export function listFrameworkTemplates(ctx: ServiceContext, input: { includeRetired?: boolean } = {}): FrameworkTemplateRow[] {
  const usage = new Map(
    ctx.ledger.db
      .select({ templateId: keyEvaluations.templateId, n: sql<number>`count(*)` })
      .from(keyEvaluations)
      .groupBy(keyEvaluations.templateId)
      .all()
      .map((r) => [r.templateId, r.n]),
  );
  const shipped = FRAMEWORK_TEMPLATES.map((t) => ({
    ...t,
    builtIn: true,
    retired: false,
    origin: SHIPPED,
    usedBy: usage.get(t.id) ?? 0,
    updatedAt: null,
  }));
  const own = ctx.ledger.db
    .select()
    .from(frameworkTemplates)
    .where(input.includeRetired ? undefined : eq(frameworkTemplates.retired, false))
    .orderBy(asc(frameworkTemplates.id))
    .all()
    .map((r) => rowOf(r, usage.get(PREFIX + r.id) ?? 0));
  return [...shipped, ...own];
}

/** The template behind an id, shipped or the bureau's (retired ones included); null when there is none. */
export function findFrameworkTemplate(ctx: ServiceContext, id: string): FrameworkTemplateRow | null {
  const shipped = templateById(id);
  const usedBy = ctx.ledger.db
    .select({ n: sql<number>`count(*)` })
    .from(keyEvaluations)
    .where(eq(keyEvaluations.templateId, id))
    .get()!.n;
  if (shipped) return { ...shipped, builtIn: true, retired: false, origin: SHIPPED, usedBy, updatedAt: null };
  const rowId = ownId(id);
  if (rowId === null) return null;
  const row = ctx.ledger.db.select().from(frameworkTemplates).where(eq(frameworkTemplates.id, rowId)).get();
  return row ? rowOf(row, usedBy) : null;
}

/**
 * A new template of the bureau's, copied from a template (shipped or its own) or from an evaluation's
 * framework. The copy must be usable as it stands (weights adding up to 100).
 */
export function createFrameworkTemplate(
  ctx: ServiceContext,
  input: TemplateFields & { fromTemplateId?: string | null; fromEvaluationId?: number | null },
): FrameworkTemplateRow {
  return inTransaction(ctx, () => {
    let framework: Framework;
    let origin: string;
    if (input.fromEvaluationId != null) {
      const evaluation = ctx.ledger.db.select().from(keyEvaluations).where(eq(keyEvaluations.id, input.fromEvaluationId)).get();
      if (!evaluation) throw new LedgerError('evaluation_missing', '该重点绩效评价不存在，请刷新后重试。');
      framework = JSON.parse(evaluation.framework) as Framework;
      origin = `取自 ${evaluation.year} 年度评价：${evaluation.name}`;
    } else {
      const source = input.fromTemplateId ? findFrameworkTemplate(ctx, input.fromTemplateId) : null;
      if (!source) throw new LedgerError('invalid_input', '请选择要复制的模板。', { fromTemplateId: '请选择要复制的模板' });
      framework = source.framework;
      origin = `复制自：${source.name}`;
    }
    return createTemplateFromFramework(ctx, input, framework, origin);
  });
}

/** A new template of the bureau's holding `framework` (usable as it stands), with where it came from. */
export function createTemplateFromFramework(
  ctx: ServiceContext,
  input: TemplateFields,
  framework: Framework,
  origin: string,
): FrameworkTemplateRow {
  return inTransaction(ctx, () => {
    const fields = checkFields(ctx, input, null);
    requireUsableFramework(framework, '该指标体系有问题，不能存为模板');
    const values = { name: fields.name, description: fields.description, framework: JSON.stringify(framework), origin };
    const row = ctx.ledger.db.insert(frameworkTemplates).values(values).returning().get();
    appendAudit(ctx, {
      action: 'frameworkTemplate.create',
      entity: 'framework_template',
      entityId: row.id,
      after: { ...values, framework },
    });
    return rowOf(row, 0);
  });
}

/** Saves the bureau's template: name, description and the framework, which must be usable. */
export function updateFrameworkTemplate(
  ctx: ServiceContext,
  input: TemplateFields & { id: string; framework: Framework },
): FrameworkTemplateRow {
  return inTransaction(ctx, () => {
    const before = requireOwn(ctx, input.id);
    const fields = checkFields(ctx, input, before.id);
    requireUsableFramework(input.framework, '评价指标体系有问题，未保存');
    const at = ctx.now().toISOString();
    const values = { name: fields.name, description: fields.description, framework: JSON.stringify(input.framework) };
    ctx.ledger.db
      .update(frameworkTemplates)
      .set({ ...values, updatedAt: at })
      .where(eq(frameworkTemplates.id, before.id))
      .run();
    appendAudit(ctx, {
      action: 'frameworkTemplate.update',
      entity: 'framework_template',
      entityId: before.id,
      before: { name: before.name, description: before.description, framework: JSON.parse(before.framework) },
      after: { ...fields, framework: input.framework },
    });
    return findFrameworkTemplate(ctx, input.id)!;
  });
}

/** 停用 / 启用: a retired template is not offered for new frameworks; nothing built from it changes. */
export function setFrameworkTemplateRetired(ctx: ServiceContext, input: { id: string; retired: boolean }): FrameworkTemplateRow {
  return inTransaction(ctx, () => {
    const before = requireOwn(ctx, input.id);
    ctx.ledger.db
      .update(frameworkTemplates)
      .set({ retired: input.retired, updatedAt: ctx.now().toISOString() })
      .where(eq(frameworkTemplates.id, before.id))
      .run();
    appendAudit(ctx, {
      action: input.retired ? 'frameworkTemplate.retire' : 'frameworkTemplate.reinstate',
      entity: 'framework_template',
      entityId: before.id,
      before: { retired: before.retired },
      after: { retired: input.retired },
    });
    return findFrameworkTemplate(ctx, input.id)!;
  });
}

function checkFields(ctx: ServiceContext, input: TemplateFields, ownRowId: number | null): TemplateFields {
  const name = input.name.trim();
  const description = input.description.trim();
  const fields: Record<string, string> = {};
  if (!name) fields.name = '请填写模板名称';
  else if (name.length > 100) fields.name = '模板名称不超过 100 个字';
  else if (FRAMEWORK_TEMPLATES.some((t) => t.name === name)) fields.name = '与随软件提供的模板重名，请另取名称';
  else {
    const same = ctx.ledger.db
      .select({ id: frameworkTemplates.id })
      .from(frameworkTemplates)
      .where(eq(frameworkTemplates.name, name))
      .get();
    if (same && same.id !== ownRowId) fields.name = `已有名为“${name}”的模板`;
  }
  if (description.length > 500) fields.description = '说明不超过 500 个字';
  if (Object.keys(fields).length) throw new LedgerError('invalid_input', '请修改标出的字段后再保存。', fields);
  return { name, description };
}

function requireOwn(ctx: ServiceContext, id: string) {
  if (templateById(id)) throw new LedgerError('template_builtin', '随软件提供的模板不能修改，请先“复制为本局模板”再编辑。');
  const rowId = ownId(id);
  const row = rowId === null ? undefined : ctx.ledger.db.select().from(frameworkTemplates).where(eq(frameworkTemplates.id, rowId)).get();
  if (!row) throw new LedgerError('template_missing', '该指标体系模板不存在，请刷新后重试。');
  return row;
}

function ownId(id: string): number | null {
  const m = /^bureau:(\d+)$/.exec(id);
  return m ? Number(m[1]) : null;
}

function rowOf(row: typeof frameworkTemplates.$inferSelect, usedBy: number): FrameworkTemplateRow {
  return {
    id: PREFIX + row.id,
    name: row.name,
    description: row.description,
    framework: JSON.parse(row.framework) as Framework,
    builtIn: false,
    retired: row.retired,
    origin: row.origin,
    usedBy,
    updatedAt: row.updatedAt,
  };
}
