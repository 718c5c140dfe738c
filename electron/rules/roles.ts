/**
 * Roles and rights (等保2.0 访问控制): what each role may do, and which sets of roles one account may hold.
 * The three administrators are kept apart (三员分立) and do no business; the business roles carry no
 * administration. Every check of a right — the account services now, the dispatcher's per-call table
 * (electron/bridge/callRights.ts) — reads this one table.
 */
import { ROLE_CODES, type Role } from '../../db/vocabulary';

export const RIGHTS = [
  'session',
  'accounts.manage',
  'years.manage',
  'settings.manage',
  'backup',
  'restore',
  'policy.manage',
  'roles.assign',
  'accounts.lock',
  'audit.read',
  'audit.export',
  'data.read',
  'data.write',
  'data.import',
  'data.export',
  'data.approve',
  'classified.read',
] as const;
export type Right = (typeof RIGHTS)[number];

export const RIGHT_LABELS: Record<Right, string> = {
  session: '登录后的基本使用（台账信息、预算年度列表、本人姓名和密码）',
  'accounts.manage': '新建、停用账号和重置密码',
  'years.manage': '新建预算年度、选择指标体系',
  'settings.manage': '修改本局信息',
  backup: '备份和检查台账',
  restore: '从备份恢复台账',
  'policy.manage': '设置密码策略',
  'roles.assign': '分配角色',
  'accounts.lock': '锁定和解锁账号',
  'audit.read': '查看审计日志',
  'audit.export': '导出审计日志',
  'data.read': '查看业务数据',
  'data.write': '录入和修改业务数据',
  'data.import': '导入工作簿',
  'data.export': '导出报表和工作簿',
  'data.approve': '审核、批复、定稿和下发通知',
  'classified.read': '查看涉密单位的记录',
};

export const ROLE_LABELS: Record<Role, string> = {
  systemAdmin: '系统管理员',
  securityAdmin: '安全管理员',
  auditAdmin: '审计管理员',
  clerk: '经办',
  reviewer: '审核',
  viewer: '只读',
  classifiedReader: '涉密查阅',
};

/** 三员: no account holds two of them, and none of them does business. */
export const ADMIN_ROLES = ['systemAdmin', 'securityAdmin', 'auditAdmin'] as const satisfies readonly Role[];
export const BUSINESS_ROLES = ['clerk', 'reviewer', 'viewer'] as const satisfies readonly Role[];

/**
 * Least privilege: 经办 enters and imports, 审核 decides (approvals, finalising, issuing) but does not enter,
 * 只读 views. An office where one person does both holds both roles on one account.
 */
const ROLE_RIGHTS: Record<Role, readonly Right[]> = {
  systemAdmin: ['session', 'accounts.manage', 'years.manage', 'settings.manage', 'backup', 'restore'],
  securityAdmin: ['session', 'policy.manage', 'roles.assign', 'accounts.lock'],
  auditAdmin: ['session', 'audit.read', 'audit.export'],
  clerk: ['session', 'data.read', 'data.write', 'data.import', 'data.export'],
  reviewer: ['session', 'data.read', 'data.approve', 'data.export'],
  viewer: ['session', 'data.read'],
  classifiedReader: ['classified.read'],
};

export function isRole(code: string): code is Role {
  return (ROLE_CODES as readonly string[]).includes(code);
}

export function rightsOf(roles: readonly Role[]): Set<Right> {
  return new Set(roles.flatMap((r) => ROLE_RIGHTS[r]));
}

export function hasRight(roles: readonly Role[], right: Right): boolean {
  return roles.some((r) => ROLE_RIGHTS[r].includes(right));
}

/** The roles that carry a right, as a refusal names who may do it instead: 安全管理员. */
export function rolesWith(right: Right): Role[] {
  return ROLE_CODES.filter((r) => ROLE_RIGHTS[r].includes(right));
}

/** The roles as a person reads them: 经办、涉密查阅, or 无角色. */
export function rolesText(roles: readonly Role[]): string {
  return roles.length
    ? ROLE_CODES.filter((r) => roles.includes(r))
        .map((r) => ROLE_LABELS[r])
        .join('、')
    : '无角色';
}

/** Why one account cannot hold these roles together, or null. */
export function roleSetProblem(roles: readonly Role[]): string | null {
  const admins = ADMIN_ROLES.filter((r) => roles.includes(r));
  const business = BUSINESS_ROLES.filter((r) => roles.includes(r));
  if (admins.length > 1)
    return `一个账号不能同时担任${admins.map((r) => ROLE_LABELS[r]).join('和')}（三员分立），请为另一职责另建账号并由另一人使用`;
  if (admins.length === 1 && (business.length > 0 || roles.includes('classifiedReader'))) {
    const extra = roles.filter((r) => !ADMIN_ROLES.includes(r as (typeof ADMIN_ROLES)[number]));
    return `${ROLE_LABELS[admins[0]!]}不办理业务，不能同时授予${extra.map((r) => ROLE_LABELS[r]).join('、')}，请另建业务账号`;
  }
  if (roles.includes('classifiedReader') && business.length === 0)
    return `${ROLE_LABELS.classifiedReader}须与经办、审核或只读之一同时授予，请先授予业务角色`;
  return null;
}
