/**
 * 绩效监控表 entries, where other modules import them: reading a form (monitoringForm.ts), checking and
 * saving it (monitoringFormSave.ts), and the indicator key an entry is filed under (monitoredIndicators.ts).
 */
export { indicatorKey } from './monitoredIndicators';
export {
  listMonitoringForms,
  monitoringForm,
  type MonitoringEntryInput,
  type MonitoringForm,
  type MonitoringFormListRow,
  type MonitoringFormRow,
} from './monitoringForm';
export { checkMonitoringForm, saveMonitoringForm } from './monitoringFormSave';
