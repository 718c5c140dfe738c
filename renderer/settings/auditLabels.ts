import type { AuditEntry } from '../../electron/bridge/contract';

/** zh-CN names for the audit log's action codes; a code without a name is shown as recorded. */
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
  'demo.build': '生成演示数据',
  'ledger.restore': '从备份恢复',
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
  'notice.create': '起草整改通知',
  'notice.draftFromWarnings': '按预警起草整改通知',
  'notice.update': '修改整改通知',
  'notice.issue': '下发整改通知',
  'notice.feedback': '登记整改反馈',
  'notice.close': '整改办结',
  'notice.return': '整改退回',
};

const ENTITIES: Record<string, string> = {
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
  rectification_notice: '整改通知',
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
    const value = JSON.parse(snapshot) as { name?: unknown; bureauName?: unknown; year?: unknown };
    if (typeof value.name === 'string') return value.name;
    if (typeof value.bureauName === 'string') return value.bureauName;
    if (typeof value.year === 'number') return `${value.year} 年度`;
  } catch {
    // a snapshot that is not JSON is shown as nothing rather than raw text
  }
  return '';
}
