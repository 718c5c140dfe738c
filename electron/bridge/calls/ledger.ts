/** Bridge calls for the ledger itself: its file, the bureau's own details, the audit log and the budget years. */
import { z } from 'zod';
import type { AuditEntry } from '../../ledger/audit';
import type { LedgerInfo } from '../../ledger/ledgerInfo';
import type { LedgerSettings } from '../../ledger/settings';
import { ledgerSettingsProblems } from '../../rules/ledgerSettingsRules';
import type { YearSummary } from '../../ledger/years';
import { read, write } from '../callSpec';
import { year, nothing } from './fields';
import { INDICATOR_LAYOUTS } from '../../../db/vocabulary';

/** Result shapes the renderer reads through the contract. */
export type { AuditEntry } from '../../ledger/audit';
export type { LedgerInfo } from '../../ledger/ledgerInfo';
export type { LedgerSettings } from '../../ledger/settings';
export type { YearSummary } from '../../ledger/years';

/** 本局信息 as the form sends it; the rule checks each field and the message lands at that field. */
const settingsInput = z
  .object({
    bureauName: z.string({ error: '请填写财政局名称' }),
    noticePrefix: z.string({ error: '发文字号前缀须为文字' }).nullable(),
  })
  .superRefine((value, ctx) => {
    for (const [field, message] of Object.entries(ledgerSettingsProblems(value))) ctx.addIssue({ code: 'custom', path: [field], message });
  });

export const ledgerCalls = {
  'ledger.info': read<LedgerInfo>()(nothing, '当前台账文件的名称、大小和审计记录数'),
  'settings.get': read<LedgerSettings>()(nothing, '本局信息：财政局名称和整改通知的发文字号前缀'),
  'settings.save': write<LedgerSettings>()(settingsInput, '保存本局信息（财政局名称、发文字号前缀）'),
  'audit.recent': read<AuditEntry[]>()(z.object({ limit: z.number().int().min(1).max(500) }), '最近的审计记录'),
  'years.list': read<YearSummary[]>()(nothing, '台账中的预算年度'),
  'years.create': write<YearSummary>()(z.object({ year }), '新建预算年度（沿用上一年度的规则）'),
  'years.setIndicatorLayout': write<YearSummary>()(
    z.object({ year, layout: z.enum(INDICATOR_LAYOUTS, { error: '请选择三分法或四分法' }) }),
    '选择年度的指标体系（三分法或四分法）',
  ),
} as const;
