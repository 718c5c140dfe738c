/** Which service answers each of the area's bridge calls (calls/ledger.ts). */
import { recentAudit } from '../../ledger/audit';
import { ledgerInfo } from '../../ledger/ledgerInfo';
import { getLedgerSettings, saveLedgerSettings } from '../../ledger/settings';
import { listYears, setIndicatorLayout } from '../../ledger/years';
import { createYear } from '../../settings/yearSetup';
import { type AreaHandlers } from './fileSteps';
import type { ledgerCalls } from '../calls/ledger';

export const ledgerHandlers: AreaHandlers<typeof ledgerCalls> = {
  'ledger.info': (ctx) => ledgerInfo(ctx),
  'settings.get': (ctx) => getLedgerSettings(ctx),
  'settings.save': saveLedgerSettings,
  'audit.recent': (ctx, input) => recentAudit(ctx, input.limit),
  'years.list': (ctx) => listYears(ctx),
  'years.create': createYear,
  'years.setIndicatorLayout': setIndicatorLayout,
};
