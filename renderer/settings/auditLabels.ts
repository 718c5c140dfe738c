import type { AuditEntry } from '../../electron/services/audit';

/** zh-CN names for the audit log's action codes; a code without a name is shown as recorded. */
const ACTIONS: Record<string, string> = {
  'year.create': '新建预算年度',
  'unit.create': '新增预算单位',
  'unit.update': '修改预算单位',
  'project.create': '新增项目',
  'project.update': '修改项目',
};

const ENTITIES: Record<string, string> = {
  fiscal_year: '预算年度',
  budget_unit: '预算单位',
  project: '项目',
};

export function auditActionLabel(action: string): string {
  return ACTIONS[action] ?? action;
}

export function auditEntityLabel(entity: string): string {
  return ENTITIES[entity] ?? entity;
}

/** The record's name (or year) from the entry's after/before snapshot, for the log's 内容 column. */
export function auditSubject(entry: AuditEntry): string {
  const snapshot = entry.after ?? entry.before;
  if (!snapshot) return '';
  try {
    const value = JSON.parse(snapshot) as { name?: unknown; year?: unknown };
    if (typeof value.name === 'string') return value.name;
    if (typeof value.year === 'number') return `${value.year} 年度`;
  } catch {
    // a snapshot that is not JSON is shown as nothing rather than raw text
  }
  return '';
}
