/**
 * 本局信息: the bureau's own name (printed as 发文机关 under its notices) and the 发文字号前缀 of its
 * 整改通知. They belong to the ledger — one bureau, one ledger — not to the program, so every county
 * prints its own. What a valid entry is, decided once for the bridge's form check and the service.
 */
import { nameCharacterProblem } from './textRules';

export const LEDGER_SETTING_LABELS = { bureauName: '财政局名称', noticePrefix: '发文字号前缀' } as const;
export type LedgerSettingField = keyof typeof LEDGER_SETTING_LABELS;

export interface LedgerSettingsInput {
  bureauName: string | null;
  /** Optional until the bureau issues its first notice. */
  noticePrefix: string | null;
}

const BUREAU_NAME_MAX = 40;
const NOTICE_PREFIX_MAX = 12;

/** Where 本局信息 is filled in, as refusals and placeholders name it. */
export const SETTINGS_PLACE = '“设置 → 本局信息”';

/** Shown where a list would print the bureau's name before it is filled in. */
export const BUREAU_NAME_PLACEHOLDER = `（未填写本局名称，请在${SETTINGS_PLACE}中填写）`;

/** Trimmed, with an empty prefix meaning "none yet". */
export function normaliseLedgerSettings(input: LedgerSettingsInput): LedgerSettingsInput {
  return { bureauName: input.bureauName?.trim() ?? null, noticePrefix: input.noticePrefix?.trim() || null };
}

/** The message per field for what cannot be saved; empty when the entry is good. */
export function ledgerSettingsProblems(raw: LedgerSettingsInput): Partial<Record<LedgerSettingField, string>> {
  const input = normaliseLedgerSettings(raw);
  const problems: Partial<Record<LedgerSettingField, string>> = {};
  const name = input.bureauName ?? '';
  if (!name) problems.bureauName = '请填写财政局名称，如“轮台县财政局”';
  else if (name.length > BUREAU_NAME_MAX) problems.bureauName = `财政局名称不超过 ${BUREAU_NAME_MAX} 个字`;
  else if (/[\r\n]/.test(name)) problems.bureauName = '财政局名称请写在一行内';
  else {
    const characters = nameCharacterProblem('财政局名称', name);
    if (characters) problems.bureauName = characters;
  }
  const prefix = input.noticePrefix;
  if (prefix !== null) {
    if (prefix.length > NOTICE_PREFIX_MAX) problems.noticePrefix = `发文字号前缀不超过 ${NOTICE_PREFIX_MAX} 个字`;
    // The year and serial follow the prefix as 〔2023〕5号 (rectificationRules.ts reads them back from the end).
    else if (/[\s〔〕[\]［］()（）]|\d|号$/u.test(prefix))
      problems.noticePrefix = '发文字号前缀只写机关代字，如“轮财绩整”；年份〔2023〕和序号由台账下发时添加';
  }
  return problems;
}
