/** The areas of the bureau's year, in the order the navbar shows them. */
export const AREAS = [
  { id: 'indicators', label: '指标库', plan: '' },
  { id: 'projects', label: '项目与目标', plan: '' },
  { id: 'exAnte', label: '事前评估', plan: '' },
  { id: 'monitoring', label: '绩效监控', plan: '' },
  { id: 'selfEvaluation', label: '自评与评价', plan: '' },
  { id: 'keyEvaluation', label: '重点评价', plan: '' },
  { id: 'rectification', label: '整改', plan: '' },
  { id: 'tableReview', label: '表格审核', plan: '' },
  { id: 'reports', label: '报表', plan: '' },
  { id: 'settings', label: '设置', plan: '' },
] as const;

export type AreaId = (typeof AREAS)[number]['id'];
export type Area = (typeof AREAS)[number];

export const DEFAULT_AREA: AreaId = 'projects';

export function areaById(id: string): Area | undefined {
  return AREAS.find((a) => a.id === id);
}
