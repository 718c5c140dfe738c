/**
 * The layout a 绩效监控表 sheet shares between writing it and reading it back: the 台账识别码 naming the
 * round and the target, the column widths A–J, and the indicator table's columns with the header names
 * an import accepts for each and the ones a unit fills. A returned form may carry more than the ledger
 * wrote — a 一级指标 column and 分值 printed per indicator, as the bureau's own form has them.
 */
import type { ColumnSpec } from '../formats/findTable';
import type { EntryField } from '../rules/monitoringLabels';

/** 台账识别码 of a monitoring sheet: the round and the target. */
export const MONITORING_ID = /JXTZ-监控-R(\d+)-T(\d+)/;
/** How far down a returned form may carry it: the bureau's form puts 附件 and title rows above. */
export const MONITORING_ID_ROWS = 15;
export const monitoringIdCode = (roundId: number, targetId: number) => `JXTZ-监控-R${roundId}-T${targetId}`;

/** Columns A–J. */
export const WIDTHS = [14, 26, 6, 14, 13, 13, 12, 13, 30, 30] as const;
export const LAST = WIDTHS.length;

/** The indicator table's headers and the names an import accepts for each column. */
export const COLUMNS = {
  level2: ['二级指标'],
  name: ['三级指标', '三级指标名称', '指标名称', '绩效指标'],
  nature: ['指标性质', '性质'],
  target: ['年度指标值', '指标值', '年度目标值', '全年指标值'],
  currentValue: ['当前完成值', '实际完成值', '截至目前完成值', '1-X月完成值', '累计完成值'],
  expectedValue: ['全年预计完成值', '预计全年完成值', '全年预计完成情况', '预计完成值'],
  likelihood: ['完成可能性', '完成目标可能性', '预计完成可能性', '能否完成'],
  deviationReason: ['偏差原因', '偏差原因类别', '原因类别', '偏差原因分析'],
  explanation: ['原因说明', '偏差原因说明', '情况说明'],
  correctiveAction: ['纠偏措施', '完善措施', '改进措施', '整改措施'],
} as const;
export type ColumnKey = keyof typeof COLUMNS;
export const INPUT_COLUMNS: readonly EntryField[] = [
  'currentValue',
  'expectedValue',
  'likelihood',
  'deviationReason',
  'explanation',
  'correctiveAction',
];

/** Columns the ledger does not write but a returned form may print: 一级指标 and each indicator's 分值. */
export const PRINTED_COLUMNS = {
  level1: ['一级指标'],
  points: ['分值', '指标分值', '权重', '指标权重', '权重分值'],
} as const;
export type PrintedKey = keyof typeof PRINTED_COLUMNS;

/** The indicator table as findTable looks for it: 三级指标 and 当前完成值 name it. */
export const INDICATOR_TABLE: readonly ColumnSpec[] = [...Object.entries(COLUMNS), ...Object.entries(PRINTED_COLUMNS)].map(
  ([key, names]) => ({ key, label: names[0]!, names, required: key === 'name' || key === 'currentValue' }),
);
