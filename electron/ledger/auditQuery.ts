/**
 * 操作记录 as a reader needs it: one page of the audit log at a time (paged in SQL), searchable by
 * record, operator and date range, each entry's record named ("项目“农村道路养护”") and its before and
 * after values side by side. Names are resolved in SQL at read time from the records the entry points
 * to, so entries written before names were kept read the same; a record since deleted falls back to
 * the name its snapshot carries.
 */
import { LedgerError } from '../../db/ledgerError';
import {
  AUDIT_PAGE_SIZE_MAX,
  auditActionLabel,
  auditFieldRows,
  auditObjectText,
  snapshotName,
  type AuditFieldRow,
} from '../rules/auditLabels';
import type { ServiceContext } from './context';
import type { AuditEntry } from './audit';

export interface AuditSearch {
  page: number;
  pageSize: number;
  /** Part of the record's name (项目、单位、指标… as the log names it). */
  object?: string | null;
  /** Part of the operator as recorded (姓名 or 登录名). */
  actor?: string | null;
  /** Local dates, YYYY-MM-DD, both inclusive. */
  from?: string | null;
  to?: string | null;
  /** Only entries about this project and its records (target, review rounds, notices, evaluations …). */
  projectId?: number | null;
}

export interface AuditLogEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  actionLabel: string;
  entity: string;
  entityId: string | null;
  /** 项目“农村道路养护”, 预算年度“2023 年度”, … */
  objectText: string;
  /** The project the record belongs to, when it belongs to one: its page is a click away. */
  projectId: number | null;
  fields: AuditFieldRow[];
}

export interface AuditPage {
  total: number;
  page: number;
  pageSize: number;
  entries: AuditLogEntry[];
  /** With a projectId filter: the project's name and year, for the heading. */
  project: { id: number; name: string; year: number } | null;
}

/** The target, review round … an entry points to, as the project it belongs to. */
const PROJECT_OF = `case a.entity
  when 'project' then cast(a.entity_id as integer)
  when 'performance_target' then (select project_id from performance_targets where id = cast(a.entity_id as integer))
  when 'review_round' then (select t.project_id from review_rounds r join performance_targets t on t.id = r.target_id where r.id = cast(a.entity_id as integer))
  when 'target_indicator' then (select t.project_id from target_indicators i join performance_targets t on t.id = i.target_id where i.id = cast(a.entity_id as integer))
  when 'ex_ante_assessment' then (select project_id from ex_ante_assessments where id = cast(a.entity_id as integer))
  when 'execution_record' then (select project_id from execution_records where id = cast(a.entity_id as integer))
  when 'execution_match' then (select project_id from execution_matches where id = cast(a.entity_id as integer))
  when 'rectification_notice' then (select project_id from rectification_notices where id = cast(a.entity_id as integer))
  when 'self_evaluation' then (select project_id from self_evaluations where id = cast(a.entity_id as integer))
  when 'self_evaluation_action' then (select s.project_id from self_evaluation_actions x join self_evaluations s on s.id = x.self_evaluation_id where x.id = cast(a.entity_id as integer))
  when 'key_evaluation' then (select project_id from key_evaluations where id = cast(a.entity_id as integer))
  when 'result_action' then (select k.project_id from result_actions x join key_evaluations k on k.id = x.evaluation_id where x.id = cast(a.entity_id as integer))
end`;

/** The name of the record itself where it has one of its own; otherwise its project's or unit's. */
const OWN_NAME = `case a.entity
  when 'budget_unit' then (select name from budget_units where id = cast(a.entity_id as integer))
  when 'department_self_evaluation' then (select u.name from department_self_evaluations d join budget_units u on u.id = d.unit_id where d.id = cast(a.entity_id as integer))
  when 'performance_target' then (select u.name from performance_targets t join budget_units u on u.id = t.unit_id where t.id = cast(a.entity_id as integer) and t.project_id is null)
  when 'ex_ante_assessment' then (select subject_name from ex_ante_assessments where id = cast(a.entity_id as integer))
  when 'rectification_notice' then (select coalesce(n.number, p.name) from rectification_notices n left join projects p on p.id = n.project_id where n.id = cast(a.entity_id as integer))
  when 'key_evaluation' then (select name from key_evaluations where id = cast(a.entity_id as integer))
  when 'result_action' then (select k.name from result_actions x join key_evaluations k on k.id = x.evaluation_id where x.id = cast(a.entity_id as integer))
  when 'monitoring_round' then (select name || '（' || year || ' 年度）' from monitoring_rounds where id = cast(a.entity_id as integer))
  when 'indicator' then (select name from indicators where id = cast(a.entity_id as integer))
  when 'indicator_class' then (select name from indicator_classes where id = cast(a.entity_id as integer))
  when 'project_type' then (select name from project_types where id = cast(a.entity_id as integer))
  when 'framework_template' then (select name from framework_templates where id = cast(a.entity_id as integer))
  when 'fiscal_year' then a.entity_id || ' 年度'
end`;

const NAMED = `with named as (
  select a.id, a.at, a.actor, a.action, a.entity, a.entity_id as entityId, a.before, a.after,
         (${PROJECT_OF}) as projectId, (${OWN_NAME}) as ownName
  from audit_log a
), resolved as (
  select named.*, coalesce(ownName, (select name from projects where id = named.projectId)) as objectName from named
)`;

interface Row extends AuditEntry {
  projectId: number | null;
  objectName: string | null;
}

export function searchAudit(ctx: ServiceContext, search: AuditSearch): AuditPage {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (search.projectId != null) {
    where.push('projectId = ?');
    params.push(search.projectId);
  }
  const object = search.object?.trim();
  if (object) {
    where.push(`objectName like ? escape '\\'`);
    params.push(`%${likeText(object)}%`);
  }
  const actor = search.actor?.trim();
  if (actor) {
    where.push(`actor like ? escape '\\'`);
    params.push(`%${likeText(actor)}%`);
  }
  if (search.from) {
    where.push('at >= ?');
    params.push(localDayStart(search.from, 0));
  }
  if (search.to) {
    where.push('at < ?');
    params.push(localDayStart(search.to, 1));
  }
  const filter = where.length ? `where ${where.join(' and ')}` : '';
  const { sqlite } = ctx.ledger;
  const total = (sqlite.prepare(`${NAMED} select count(*) as n from resolved ${filter}`).get(...params) as { n: number }).n;
  const pageSize = Math.min(Math.max(1, search.pageSize), AUDIT_PAGE_SIZE_MAX);
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, search.page), lastPage);
  const rows = sqlite
    .prepare(
      `${NAMED} select id, at, actor, action, entity, entityId, before, after, projectId, objectName
       from resolved ${filter} order by id desc limit ? offset ?`,
    )
    .all(...params, pageSize, (page - 1) * pageSize) as Row[];
  return {
    total,
    page,
    pageSize,
    entries: rows.map(toEntry),
    project: search.projectId == null ? null : projectNamed(ctx, search.projectId),
  };
}

function toEntry(r: Row): AuditLogEntry {
  const name = r.objectName ?? snapshotName(r.after) ?? snapshotName(r.before);
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    actionLabel: auditActionLabel(r.action),
    entity: r.entity,
    entityId: r.entityId,
    objectText: auditObjectText(r.entity, r.entityId, name),
    projectId: r.projectId,
    fields: auditFieldRows(r.before, r.after),
  };
}

function projectNamed(ctx: ServiceContext, id: number): AuditPage['project'] {
  const row = ctx.ledger.sqlite.prepare('select id, name, year from projects where id = ?').get(id) as AuditPage['project'] | undefined;
  if (!row) throw new LedgerError('project_missing', `台账中没有编号为 ${id} 的项目。请从项目清单重新打开。`);
  return row;
}

function likeText(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The instant a local calendar day starts (plus `days`), as the log's ISO timestamps are written. */
function localDayStart(date: string, days: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new LedgerError('invalid_input', `日期“${date}”无效。请按 2023-01-31 的格式选择日期。`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days).toISOString();
}
