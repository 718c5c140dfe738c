/** Bridge calls for 报表: the year's figures, computed by the same services as the command line's reports. */
import { z } from 'zod';
import type { YearSummaryReport } from '../../reports/yearSummary';
import { read } from '../callSpec';
import { year } from './fields';

/** Result shapes the renderer reads through the contract. */
export type { YearSummaryReport } from '../../reports/yearSummary';
export type { RecordRef } from '../../reports/recordRef';

export const reportsCalls = {
  'reports.yearSummary': read<YearSummaryReport>()(z.object({ year }), '年度概况：单位数、项目数，按预算类型和主管部门汇总的年初预算'),
} as const;
