/** Bridge calls for the ledger itself: its file, the audit log and the budget years. */
import { z } from 'zod';
import type { AuditEntry } from '../../ledger/audit';
import type { LedgerInfo } from '../../ledger/ledgerInfo';
import type { YearSummary } from '../../ledger/years';
import { read, write } from '../callSpec';
import { year, nothing } from './fields';

/** Result shapes the renderer reads through the contract. */
export type { AuditEntry } from '../../ledger/audit';
export type { LedgerInfo } from '../../ledger/ledgerInfo';
export type { YearSummary } from '../../ledger/years';

export const ledgerCalls = {
  'ledger.info': read<LedgerInfo>()(nothing, '当前台账文件的名称、大小和审计记录数'),
  'audit.recent': read<AuditEntry[]>()(z.object({ limit: z.number().int().min(1).max(500) }), '最近的审计记录'),
  'years.list': read<YearSummary[]>()(nothing, '台账中的预算年度'),
  'years.create': write<YearSummary>()(z.object({ year }), '新建预算年度（沿用上一年度的规则）'),
  'years.setIndicatorLayout': write<YearSummary>()(z.object({ year, layout: z.enum(['three', 'four'], { error: '请选择三分法或四分法' }) }), '选择年度的指标体系（三分法或四分法）'),
} as const;
