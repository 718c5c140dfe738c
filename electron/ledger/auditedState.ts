/**
 * 记录与审计一致: a record the services write is audited with its fields as written (`after`), so each
 * row must still hold what its last audit entry says. A change made with a SQLite tool (a budget ×10)
 * leaves the hash chain whole but the row apart from its audit; this finds it and names it.
 *
 * Covered: only the records whose every write is audited with the fields it sets — 项目 (created and
 * edited with all fields, 入库 with its status, a 项目类型 rename with the projects it carried along) and
 * 预算单位. None of them is ever deleted by the app, so a row gone from the table, or a row no entry
 * created, is a finding as well.
 */
import type Database from 'better-sqlite3';
import { formatWanYuan } from '../rules/money';

interface AuditedTable {
  table: string;
  /** zh-CN, e.g. 项目. */
  label: string;
  /** Audited field (camelCase, as `after` holds it) → column and zh-CN label. */
  fields: Record<string, { column: string; label: string; money?: boolean }>;
}

const TABLES: Record<string, AuditedTable> = {
  project: {
    table: 'projects',
    label: '项目',
    fields: {
      year: { column: 'year', label: '年度' },
      unitId: { column: 'unit_id', label: '所属单位编号' },
      code: { column: 'code', label: '项目编码' },
      name: { column: 'name', label: '项目名称' },
      projectType: { column: 'project_type', label: '项目类型' },
      budgetKind: { column: 'budget_kind', label: '预算类别' },
      initialBudgetFen: { column: 'initial_budget_fen', label: '年初预算数', money: true },
      continuity: { column: 'continuity', label: '新增或延续' },
      majorPolicy: { column: 'major_policy', label: '新增重大政策和项目' },
      libraryStatus: { column: 'library_status', label: '项目库状态' },
    },
  },
  budget_unit: {
    table: 'budget_units',
    label: '预算单位',
    fields: {
      code: { column: 'code', label: '单位编码' },
      name: { column: 'name', label: '单位名称' },
      parentId: { column: 'parent_id', label: '上级单位编号' },
      classified: { column: 'classified', label: '涉密单位' },
    },
  },
};

type State = Map<string, Record<string, unknown>>;

/** One pass over the covered entities' audit entries, oldest first: each record's audited fields as last written. */
function auditedStates(sqlite: Database.Database): Map<string, State> {
  const states = new Map<string, State>(Object.keys(TABLES).map((e) => [e, new Map()]));
  const rows = sqlite
    .prepare(
      `select entity, entity_id as entityId, action, after from audit_log
       where entity in (${[...Object.keys(TABLES), 'project_type'].map(() => '?').join(',')}) and after is not null order by id`,
    )
    .all(...Object.keys(TABLES), 'project_type') as { entity: string; entityId: string | null; action: string; after: string }[];
  const merge = (entity: string, id: string, fields: Record<string, unknown>) => {
    const state = states.get(entity)!;
    state.set(id, { ...state.get(id), ...fields });
  };
  for (const r of rows) {
    const after = parse(r.after);
    if (!after) continue;
    if (r.entity === 'project_type') {
      // A rename carries its projects along in the same write; the entry lists them.
      if (r.action === 'projectType.rename' && Array.isArray(after.projectIds))
        for (const id of after.projectIds) merge('project', String(id), { projectType: after.name });
    } else if (r.entityId != null) merge(r.entity, r.entityId, after);
  }
  return states;
}

/** One zh-CN line per record whose audited fields differ from its last audit entry (at most `limit`, then a count). */
export function auditedStateProblems(sqlite: Database.Database, limit = 20): string[] {
  const problems: string[] = [];
  const states = auditedStates(sqlite);
  for (const [entity, spec] of Object.entries(TABLES)) {
    const state = states.get(entity)!;
    const columns = Object.values(spec.fields).map((f) => `"${f.column}"`);
    const rows = sqlite.prepare(`select id, ${columns.join(', ')} from "${spec.table}"`).all() as Record<string, unknown>[];
    const seen = new Set<string>();
    for (const row of rows) {
      const id = String(row.id);
      seen.add(id);
      const what = `${spec.label}“${String(row.name)}”（${spec.table} 第 ${id} 号）`;
      const audited = state.get(id);
      if (!audited) {
        problems.push(`${what}没有任何审计记录：它是在程序之外加入台账的。`);
        continue;
      }
      for (const [field, f] of Object.entries(spec.fields)) {
        if (!(field in audited)) continue;
        const want = stored(audited[field]);
        const have = row[f.column] ?? null;
        if (want !== have)
          problems.push(`${what}的${f.label}与审计记录不符：审计记录为 ${shown(want, f.money)}，台账中为 ${shown(have, f.money)}。`);
      }
    }
    for (const id of state.keys())
      if (!seen.has(id)) problems.push(`${spec.label}（${spec.table} 第 ${id} 号）有审计记录，但已不在台账中：它是在程序之外被删除的。`);
  }
  if (problems.length <= limit) return problems;
  return [...problems.slice(0, limit), `另有 ${problems.length - limit} 处记录与审计记录不符。`];
}

function parse(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** As SQLite holds it: booleans are 0/1. */
function stored(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value ?? null;
}

function shown(value: unknown, money?: boolean): string {
  if (value == null) return '空';
  if (money && typeof value === 'number') return `${formatWanYuan(value)} 万元`;
  return `“${String(value)}”`;
}
