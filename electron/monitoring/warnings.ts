/**
 * 绩效监控预警, where other modules import it: computing and storing the three warning lines
 * (warningComputation.ts), the warning list (warningList.ts), the round summary (roundSummary.ts) and
 * the command line's reports (monitoringReports.ts).
 */
export { computeWarnings, storedNoticeDecision, type ComputeResult } from './warningComputation';
export { listWarnings, type WarningLineView, type WarningRow } from './warningList';
export { roundSummary, type RoundSummary } from './roundSummary';
export { monitoringReport, warningsReport } from './monitoringReports';
