/**
 * Bridge calls for the ledger itself: its file, the bureau's own details, the audit log, the budget
 * years, who is working (经办人), and its backups and check.
 */
import { z } from 'zod';
import type { AuditPage } from '../../ledger/auditQuery';
import { AUDIT_PAGE_SIZE_MAX } from '../../rules/auditLabels';
import type { BackupFile } from '../../ledger/backup';
import type { LedgerCheck } from '../../ledger/integrity';
import type { OperatorInfo } from '../../ledger/session';
import { operatorNameProblem } from '../../rules/operator';
import type { LedgerInfo } from '../../ledger/ledgerInfo';
import type { LedgerSettings } from '../../ledger/settings';
import { ledgerSettingsProblems } from '../../rules/ledgerSettingsRules';
import type { YearSummary } from '../../ledger/years';
import { read, write, type FileUse, type SaveOutcome } from '../callSpec';
import { year, id, nothing } from './fields';
import { INDICATOR_LAYOUTS } from '../../../db/vocabulary';

/** Result shapes the renderer reads through the contract. */
export type { AuditLogEntry, AuditPage } from '../../ledger/auditQuery';
export type { AuditFieldRow } from '../../rules/auditLabels';
export type { BackupFile } from '../../ledger/backup';
export type { LedgerCheck } from '../../ledger/integrity';
export type { OperatorInfo } from '../../ledger/session';

/** The backups beside the ledger, and the folder they are in (for the clerk to find them). */
export interface BackupList {
  folder: string;
  backups: BackupFile[];
}

/** What a backup made from 设置 did: the copy kept in the backup folder, and (in the save outcome) the one saved where the clerk chose. */
export interface BackupMade {
  name: string;
  sizeBytes: number;
}

/** What a restore did, in the words the confirmation promised. */
export interface RestoreDone {
  restoredFrom: string;
  /** The replaced ledger, kept under this name beside it. */
  safetyCopy: string | null;
  auditEntries: number;
}

const SAVE_BACKUP: FileUse = { mode: 'save', extensions: ['db'] };

/** A local calendar day, as the date pickers send it. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '请按 2023-01-31 的格式选择日期')
  .nullable()
  .optional();

const auditSearch = z.object({
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1).max(AUDIT_PAGE_SIZE_MAX),
  object: z.string().max(100, '记录名称不超过 100 个字').nullable().optional(),
  actor: z.string().max(50, '经办人不超过 50 个字').nullable().optional(),
  from: day,
  to: day,
  projectId: id('项目').nullable().optional(),
});
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
  'audit.search': read<AuditPage>()(auditSearch, '操作记录：按记录、经办人和日期查找，分页，每条的改前改后'),
  'operator.get': read<OperatorInfo>()(nothing, '经办人：本机登录名和填写的姓名'),
  'operator.setName': write<OperatorInfo>()(
    z.object({
      displayName: z.string({ error: '请填写经办人姓名' }).superRefine((value, ctx) => {
        const problem = operatorNameProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    }),
    '保存经办人姓名（记入此后的操作记录）',
  ),
  'ledger.check': read<LedgerCheck>()(nothing, '检查台账：文件结构、外键、审计日志哈希链'),
  'backups.list': read<BackupList>()(
    nothing,
    '台账旁备份文件夹中的备份（手动备份和导入、恢复、升级前的自动备份）：时间、原因、说明、大小，最新的在前',
  ),
  // A write: VACUUM INTO needs the main connection, which sees every committed change.
  'backups.create': write<SaveOutcome<BackupMade>>()(nothing, '立即备份：存入备份文件夹，并另存到所选位置', SAVE_BACKUP),
  'backups.restore': write<RestoreDone>()(
    z.object({ name: z.string({ error: '请选择要恢复的备份' }).min(1, '请选择要恢复的备份') }),
    '从备份文件夹中的备份恢复台账（先另存被替换的台账）',
  ),
  'years.list': read<YearSummary[]>()(nothing, '台账中的预算年度'),
  'years.create': write<YearSummary>()(z.object({ year }), '新建预算年度（沿用上一年度的规则）'),
  'years.setIndicatorLayout': write<YearSummary>()(
    z.object({ year, layout: z.enum(INDICATOR_LAYOUTS, { error: '请选择三分法或四分法' }) }),
    '选择年度的指标体系（三分法或四分法）',
  ),
} as const;
