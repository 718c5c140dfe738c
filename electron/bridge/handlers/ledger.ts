/** Which service answers each of the area's bridge calls (calls/ledger.ts). */
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../../../db/ledgerError';
import { searchAudit } from '../../ledger/auditQuery';
import { backupFolderOf, backupNamed, backupToFolder, listBackups } from '../../ledger/backup';
import { checkLedger } from '../../ledger/integrity';
import type { LedgerSession } from '../../ledger/session';
import { ledgerInfo } from '../../ledger/ledgerInfo';
import { getLedgerSettings, saveLedgerSettings } from '../../ledger/settings';
import { listYears, setIndicatorLayout } from '../../ledger/years';
import { createYear } from '../../settings/yearSetup';
import { type AreaHandlers, type HandlerContext, saveFile } from './fileSteps';
import { BACKUP_FILTERS } from '../fileExchange';
import type { ledgerCalls } from '../calls/ledger';

export const ledgerHandlers: AreaHandlers<typeof ledgerCalls> = {
  'ledger.info': (ctx) => ledgerInfo(ctx),
  'settings.get': (ctx) => getLedgerSettings(ctx),
  'settings.save': saveLedgerSettings,
  'audit.search': searchAudit,
  // Without a session (command line, bare tests) the operator is the context's actor as it stands.
  'operator.get': (ctx) => ctx.session?.operator() ?? { account: ctx.actor, displayName: null, actor: ctx.actor },
  'operator.setName': (ctx, input) => sessionOf(ctx).setDisplayName(input.displayName),
  'ledger.check': (ctx) => checkLedger(ctx),
  'backups.list': (ctx) => ({ folder: backupFolderOf(ctx.ledger.file), backups: listBackups(ctx.ledger.file) }),
  'backups.create': async (ctx) => {
    const made = backupToFolder(ctx.ledger, ctx.now());
    const name = path.basename(made.file);
    const bytes = new Uint8Array(await fs.promises.readFile(made.file));
    return saveFile(ctx, '另存台账备份', name, bytes, { name, sizeBytes: made.sizeBytes }, BACKUP_FILTERS);
  },
  'backups.restore': (ctx, input) => {
    const result = sessionOf(ctx).restore(backupNamed(ctx.ledger.file, input.name));
    return {
      restoredFrom: path.basename(result.restoredFrom),
      safetyCopy: result.safetyCopy && path.basename(result.safetyCopy),
      auditEntries: result.check.audit.entries,
    };
  },
  'years.list': (ctx) => listYears(ctx),
  'years.create': createYear,
  'years.setIndicatorLayout': setIndicatorLayout,
};

/** The transport's hold on the open ledger; the command line and bare tests have none. */
function sessionOf(ctx: HandlerContext): LedgerSession {
  if (!ctx.session)
    throw new LedgerError('no_session', '此处不能设置经办人或恢复台账。请在绩效台账窗口中操作，或使用管理命令行（--operator、restore）。');
  return ctx.session;
}
