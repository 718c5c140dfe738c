/**
 * 本局信息 (rules/ledgerSettingsRules.ts): read by every document that prints the bureau's name or
 * numbers a notice, saved from 设置 or by `ledger init --bureau`. Official notices refuse to go out
 * without them rather than print another bureau's name or a wrong 文号.
 */
import { eq } from 'drizzle-orm';
import { LedgerError } from '../../db/ledgerError';
import { ledgerSettings } from '../../db/schema';
import { ledgerSettingsProblems, normaliseLedgerSettings, SETTINGS_PLACE, type LedgerSettingsInput } from '../rules/ledgerSettingsRules';
import { appendAudit } from './audit';
import { inTransaction, type ServiceContext } from './context';

export interface LedgerSettings {
  /** 财政局名称; null in a ledger where nobody has filled 本局信息 yet. */
  bureauName: string | null;
  /** 发文字号前缀 of 整改通知, e.g. 轮财绩整. */
  noticePrefix: string | null;
  /** When they were last saved; null when never. */
  updatedAt: string | null;
}

const ROW_ID = 1;

export function getLedgerSettings(ctx: ServiceContext): LedgerSettings {
  const row = ctx.ledger.db.select().from(ledgerSettings).where(eq(ledgerSettings.id, ROW_ID)).get();
  return { bureauName: row?.bureauName ?? null, noticePrefix: row?.noticePrefix ?? null, updatedAt: row?.updatedAt ?? null };
}

export function saveLedgerSettings(ctx: ServiceContext, input: LedgerSettingsInput): LedgerSettings {
  return inTransaction(ctx, () => {
    const problems = ledgerSettingsProblems(input);
    const first = Object.values(problems)[0];
    if (first) throw new LedgerError('invalid_input', `本局信息未保存：${first}。`, problems);
    const next = normaliseLedgerSettings(input);
    const before = getLedgerSettings(ctx);
    if (before.bureauName === next.bureauName && before.noticePrefix === next.noticePrefix) return before;
    const values = { bureauName: next.bureauName!, noticePrefix: next.noticePrefix, updatedAt: ctx.now().toISOString() };
    ctx.ledger.db
      .insert(ledgerSettings)
      .values({ id: ROW_ID, ...values })
      .onConflictDoUpdate({ target: ledgerSettings.id, set: values })
      .run();
    appendAudit(ctx, {
      action: 'settings.save',
      entity: 'ledger_settings',
      before: before.updatedAt ? { bureauName: before.bureauName, noticePrefix: before.noticePrefix } : undefined,
      after: { bureauName: next.bureauName, noticePrefix: next.noticePrefix },
    });
    return getLedgerSettings(ctx);
  });
}

/** The 发文机关 an official document is signed with; refuses while 本局信息 has no name. */
export function requireBureauName(ctx: ServiceContext): string {
  const { bureauName } = getLedgerSettings(ctx);
  if (!bureauName)
    throw new LedgerError(
      'settings_missing',
      `台账还没有填写本局的财政局名称，整改通知不能没有发文机关。请先在${SETTINGS_PLACE}中填写财政局名称，再导出。`,
    );
  return bureauName;
}

/** The 发文字号前缀 a notice is numbered with when issued; refuses while it is not filled in. */
export function requireNoticePrefix(ctx: ServiceContext): string {
  const { noticePrefix } = getLedgerSettings(ctx);
  if (!noticePrefix)
    throw new LedgerError(
      'settings_missing',
      `台账还没有填写本局的发文字号前缀（如“轮财绩整”），下发时无法编文号。请先在${SETTINGS_PLACE}中填写，再下发整改通知。`,
    );
  return noticePrefix;
}
