/**
 * The labels of a declaration sheet's header block, as the importers look for them (formFields.ts reads
 * them from whatever layout the unit's copy of the form has).
 */
/** The labels of the header block; imports accept the synonyms too (compared after normaliseLabel). */
export const DECLARATION_LABELS = {
  projectName: ['项目名称', '项目名'],
  projectCode: ['项目代码', '项目编码', '项目编号'],
  department: ['主管部门', '主管部门及代码', '主管单位', '主管部门名称'],
  unit: ['实施单位', '预算单位', '项目单位', '申报单位', '项目实施单位', '单位名称'],
  /** 部门整体: the unit the sheet declares for ("部门（单位）名称" reads as 部门名称 once normalised). */
  departmentUnit: ['部门（单位）名称', '部门名称'],
  continuity: ['项目属性', '新增/延续', '新增或延续'],
  period: ['项目期', '项目期限', '实施期限', '项目周期', '项目实施期', '项目起止时间', '实施周期'],
  className: ['指标类别', '共性指标类别', '指标库类别'],
  annualTotal: ['年度资金总额', '年度资金', '本年资金总额', '年度资金合计', '项目资金总额', '资金总额'],
  midTotal: ['中期资金总额', '中期资金', '中期资金合计'],
  fiscal: ['财政拨款', '财政资金', '财政拨款资金'],
  other: ['其他资金', '其他来源资金'],
  annualGoal: ['年度总体目标', '年度目标', '年度绩效目标', '本年度目标', '当年目标'],
  midTermGoal: ['中期目标', '中期总体目标', '中期绩效目标', '长期目标', '中长期目标'],
  mainTasks: ['年度主要任务', '主要任务'],
  funds: ['资金情况', '项目资金', '资金来源'],
} as const satisfies Record<string, readonly string[]>;

export type DeclarationLabel = keyof typeof DECLARATION_LABELS;
