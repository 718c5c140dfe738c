/**
 * How the audit log reads to a person: zh-CN names for its action and record codes, and an entry's
 * before and after snapshots laid side by side, field by field, with the changed ones marked. Shared by
 * the audit query (electron/ledger/auditQuery.ts) and the screens, so a code is named in one place.
 */
import { formatWanYuan } from './money';
import { POLICY_FIELDS } from './passwordPolicy';

/** zh-CN names for the action codes; a code without a name is shown as recorded. */
const ACTIONS: Record<string, string> = {
  'settings.save': '修改本局信息',
  'year.create': '新建预算年度',
  'year.setIndicatorLayout': '选择指标体系',
  'unit.create': '新增预算单位',
  'unit.update': '修改预算单位',
  'project.create': '新增项目',
  'project.update': '修改项目',
  'project.admit': '项目入库',
  'projectType.create': '新增项目类型',
  'projectType.rename': '项目类型改名',
  'projectType.retire': '停用项目类型',
  'projectType.reinstate': '恢复使用项目类型',
  'import.projects': '导入项目表',
  'import.targets': '导入申报表',
  'import.reviewSheet': '导入会审意见表',
  'import.execution': '导入执行数据',
  'import.monitoringForms': '导入监控表',
  'import.selfEvaluations': '导入自评表',
  'import.folder': '从U盘导入',
  'demo.build': '生成演示数据',
  'ledger.restore': '从备份恢复',
  'ledger.usbPackage': '导出到U盘',
  'indicatorClass.create': '新增指标类别',
  'indicator.create': '新增共性指标',
  'indicator.update': '修改共性指标',
  'indicator.retire': '停用指标',
  'indicator.reinstate': '恢复启用指标',
  'indicator.promote': '个性指标纳入指标库',
  'indicatorLibrary.merge': '导入指标库',
  'target.create': '开始填报绩效目标',
  'target.save': '保存绩效目标',
  'target.adjust': '调整绩效目标',
  'target.syncDate': '记录五个同步日期',
  'target.completeByFinance': '财政完善后待批复',
  'target.approve': '批复绩效目标',
  'target.publish': '登记绩效目标公开',
  'review.start': '提交会审',
  'review.opinion': '记录会审意见',
  'review.decide': '作出会审结论',
  'exAnte.create': '开始事前评估',
  'exAnte.save': '保存事前评估',
  'exAnte.finalize': '事前评估定稿',
  'exAnte.recheck': '复核调整后方案',
  'monitoringRound.create': '新建监控轮次',
  'monitoringRound.update': '修改监控轮次',
  'monitoring.saveForm': '保存监控表',
  'warnings.compute': '计算预警',
  'executionMatch.create': '记住执行数据对应',
  'executionMatch.delete': '忘记执行数据对应',
  'notice.create': '起草整改通知',
  'notice.draftFromWarnings': '按预警起草整改通知',
  'notice.update': '修改整改通知',
  'notice.issue': '下发整改通知',
  'notice.feedback': '登记整改反馈',
  'notice.close': '整改办结',
  'notice.return': '整改退回',
  'execution.create': '登记执行数据',
  'execution.update': '修改执行数据',
  'executionMatch.update': '修改执行数据对应',
  'selfEvaluation.create': '开始绩效自评',
  'selfEvaluation.save': '保存绩效自评',
  'selfEvaluation.submit': '报送绩效自评',
  'selfEvaluation.return': '退回绩效自评',
  'selfEvaluation.accept': '自评审核通过',
  'departmentSelfEvaluation.create': '开始部门整体自评',
  'departmentSelfEvaluation.save': '保存部门整体自评',
  'departmentSelfEvaluation.submit': '报送部门整体自评',
  'departmentSelfEvaluation.return': '退回部门整体自评',
  'departmentSelfEvaluation.accept': '部门整体自评审核通过',
  'resultApplication.record': '登记评价结果应用',
  'resultApplication.update': '修改评价结果应用',
  'resultApplication.cancel': '撤销评价结果应用',
  'keyEvaluation.select': '选定重点评价项目',
  'keyEvaluation.update': '修改重点评价',
  'keyEvaluation.setExperts': '确定评价专家',
  'keyEvaluation.recordScores': '录入专家评分',
  'import.expertScores': '导入专家评分表',
  'keyEvaluation.saveTexts': '保存评价报告内容',
  'keyEvaluation.finalize': '重点评价定稿',
  'keyEvaluation.issueFindings': '下发评价整改通知',
  'keyEvaluation.recordResultAction': '登记评价结果应用',
  'keyEvaluation.updateResultAction': '修改评价结果应用',
  'frameworkTemplate.create': '新建指标体系模板',
  'frameworkTemplate.update': '修改指标体系模板',
  'frameworkTemplate.retire': '停用指标体系模板',
  'frameworkTemplate.reinstate': '恢复使用指标体系模板',
  'ledger.backup': '备份台账',
  'account.login': '登录',
  'account.loginFailed': '登录失败',
  'account.lock': '账号锁定',
  'account.unlock': '解锁',
  'account.logout': '退出',
  'account.create': '账号创建',
  'account.disable': '账号停用',
  'account.enable': '账号启用',
  'account.rename': '修改账号姓名',
  'account.roles': '角色变更',
  'account.changePassword': '密码修改',
  'account.resetPassword': '重置密码',
  'passwordPolicy.save': '策略修改',
  'access.denied': '拒绝越权操作',
};

const ENTITIES: Record<string, string> = {
  ledger: '台账',
  ledger_settings: '本局信息',
  fiscal_year: '预算年度',
  budget_unit: '预算单位',
  project: '项目',
  project_type: '项目类型',
  indicator: '共性指标',
  indicator_class: '指标类别',
  indicator_library: '指标库',
  performance_target: '绩效目标',
  target_indicator: '目标指标',
  review_round: '会审',
  ex_ante_assessment: '事前评估',
  monitoring_round: '监控轮次',
  execution_record: '执行数据',
  execution_match: '执行数据对应',
  rectification_notice: '整改通知',
  self_evaluation: '绩效自评',
  self_evaluation_action: '评价结果应用',
  department_self_evaluation: '部门整体自评',
  key_evaluation: '重点评价',
  result_action: '评价结果应用',
  framework_template: '指标体系模板',
  account: '账号',
  password_policy: '密码策略',
};

/** zh-CN names of the fields snapshots hold most often; other fields show as recorded. */
const FIELDS: Record<string, string> = {
  name: '名称',
  code: '代码',
  year: '年度',
  unitId: '单位',
  unitName: '单位',
  departmentName: '主管部门',
  projectId: '项目',
  targetId: '绩效目标',
  roundId: '监控轮次',
  selfEvaluationId: '绩效自评',
  evaluationId: '评价',
  roundNo: '会审轮次',
  result: '会审结论',
  opinion: '意见',
  reviewer: '审核人',
  party: '会审方',
  track: '五个同步',
  step: '环节',
  date: '日期',
  subjectName: '评估对象',
  assessor: '评估主体',
  period: '实施期',
  subject: '对象',
  kind: '类别',
  evaluator: '评价主体',
  coveredFen: '涉及资金',
  adjustedBudgetFen: '调整后预算',
  executedFen: '已执行',
  expectedFullYearFen: '预计全年执行',
  parentId: '主管部门',
  classified: '涉密',
  projectType: '项目类型',
  budgetKind: '预算类型',
  initialBudgetFen: '年初预算',
  continuity: '新增或延续',
  majorPolicy: '新增重大政策和项目',
  libraryStatus: '入库状态',
  status: '状态',
  bureauName: '财政局名称',
  noticePrefix: '发文字号前缀',
  reason: '原因',
  annualGoal: '年度目标',
  midTermGoal: '中期目标',
  mainTasks: '主要任务',
  indicatorClassId: '指标类别',
  libraryIndicatorId: '共性指标',
  midTotalFen: '中期资金总额',
  midFiscalFen: '中期财政资金',
  midOtherFen: '中期其他资金',
  annualTotalFen: '年度资金总额',
  annualFiscalFen: '年度财政资金',
  annualOtherFen: '年度其他资金',
  findings: '发现的问题',
  requirements: '整改要求',
  deadline: '反馈期限',
  number: '文号',
  text: '内容',
  note: '说明',
  total: '得分',
  grade: '等级',
  conclusion: '结论',
  verdict: '结论',
  actionType: '措施',
  amountFen: '金额',
  asOfMonth: '截止月份',
  dueDate: '填报截止日期',
  indicators: '指标',
  from: '备份文件',
  replaced: '替换了原台账',
  loginName: '登录名',
  displayName: '姓名',
  roles: '角色',
  disabled: '停用',
  attempted: '操作',
  outcome: '结果',
  right: '所需权限',
  failures: '连续失败次数',
  lockedUntil: '锁定至',
  ...Object.fromEntries(Object.entries(POLICY_FIELDS).map(([field, { label }]) => [field, label])),
  taken: '导入的文件',
  notTaken: '未导入的文件',
  files: '文件明细',
};

/** The most entries one page of the log shows. */
export const AUDIT_PAGE_SIZE_MAX = 100;

/** Row identity and timestamps: the entry itself says which record and when. */
const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt']);

export function auditActionLabel(action: string): string {
  return ACTIONS[action] ?? action;
}

export function auditEntityLabel(entity: string): string {
  return ENTITIES[entity] ?? entity;
}

/** How a record is named in the log: 项目“农村道路养护”, or 项目（编号 293，已不存在） when its name is gone. */
export function auditObjectText(entity: string, entityId: string | null, name: string | null): string {
  const kind = auditEntityLabel(entity);
  if (name) return `${kind}“${name}”`;
  return entityId ? `${kind}（编号 ${entityId}）` : kind;
}

/** The name a snapshot carries itself (for a record since deleted): its name, bureau or year. */
export function snapshotName(snapshot: string | null): string | null {
  const value = parseSnapshot(snapshot);
  if (!value) return null;
  if (typeof value.name === 'string') return value.name;
  if (typeof value.subjectName === 'string') return value.subjectName;
  if (typeof value.bureauName === 'string') return value.bureauName;
  if (typeof value.loginName === 'string') return value.loginName;
  if (typeof value.year === 'number') return `${value.year} 年度`;
  return null;
}

export interface AuditFieldRow {
  field: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

/**
 * The entry's fields side by side: every field either snapshot holds, in the order the after snapshot
 * lists them; "—" where a side lacks it. A snapshot that is not an object (a count, a list) is one row.
 */
export function auditFieldRows(before: string | null, after: string | null): AuditFieldRow[] {
  const b = parseSnapshot(before);
  const a = parseSnapshot(after);
  if ((before !== null && !b) || (after !== null && !a)) {
    const bt = before === null ? '—' : shownValue('', safeParse(before));
    const at = after === null ? '—' : shownValue('', safeParse(after));
    return [{ field: '', label: '内容', before: bt, after: at, changed: bt !== at }];
  }
  const keys = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].filter((k) => !BOOKKEEPING.has(k));
  return keys.map((field) => {
    const inBefore = b !== null && field in b;
    const inAfter = a !== null && field in a;
    const bt = inBefore ? shownValue(field, b[field]) : '—';
    const at = inAfter ? shownValue(field, a[field]) : '—';
    // Compared only where both snapshots hold the field: a creation, a deletion, or a snapshot that
    // records more than the other (the stored row before, the input after) changes nothing by itself.
    return { field, label: FIELDS[field] ?? field, before: bt, after: at, changed: inBefore && inAfter && bt !== at };
  });
}

function shownValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number' && /Fen$/.test(field)) return `${formatWanYuan(value)} 万元`;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `${value.length} 项`;
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

function parseSnapshot(snapshot: string | null): Record<string, unknown> | null {
  const value = snapshot === null ? null : safeParse(snapshot);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
