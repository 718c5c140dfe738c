/** Which service answers each of the area's bridge calls (calls/reports.ts). */
import { yearSummary } from '../../reports/yearSummary';
import { type AreaHandlers } from './fileSteps';
import type { reportsCalls } from '../calls/reports';

export const reportsHandlers: AreaHandlers<typeof reportsCalls> = {
  'reports.yearSummary': yearSummary,
};
