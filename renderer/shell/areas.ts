/** The areas of the bureau's year, in the order the navbar shows them. */
export const AREAS = [
  { id: 'overview', label: '概览' },
  { id: 'indicators', label: '指标库' },
  { id: 'projects', label: '项目与目标' },
  { id: 'exAnte', label: '事前评估' },
  { id: 'monitoring', label: '绩效监控' },
  { id: 'selfEvaluation', label: '自评与评价' },
  { id: 'keyEvaluation', label: '重点评价' },
  { id: 'rectification', label: '整改' },
  { id: 'tableReview', label: '表格审核' },
  { id: 'reports', label: '报表' },
  { id: 'usbExchange', label: 'U盘交换' },
  { id: 'settings', label: '设置' },
] as const;

export type AreaId = (typeof AREAS)[number]['id'];
export type Area = (typeof AREAS)[number];

export const DEFAULT_AREA: AreaId = 'overview';

export function areaById(id: string): Area | undefined {
  return AREAS.find((a) => a.id === id);
}
