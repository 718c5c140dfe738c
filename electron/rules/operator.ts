/**
 * 经办人: who the audit log records. The account the app runs under (or the command line's) is always
 * kept; the name the person gives in 设置 (or `--operator`) goes in front, so entries read "张三（root）".
 */
import { nameCharacterProblem } from './textRules';

export const OPERATOR_NAME_MAX = 20;

/** Why a display name cannot be used, or null. An empty name is allowed: it clears the name. */
export function operatorNameProblem(name: string): string | null {
  const text = name.trim();
  if (text.length > OPERATOR_NAME_MAX) return `经办人姓名不超过 ${OPERATOR_NAME_MAX} 个字，请缩短`;
  if (/[（）()\n\r\t]/.test(text)) return '经办人姓名不能含括号或换行，请只填写姓名';
  return nameCharacterProblem('经办人姓名', text);
}

/** As the audit log records the operator: "张三（root）", or just the account when no name is given. */
export function actorText(account: string, displayName: string | null): string {
  const name = displayName?.trim();
  return name ? `${name}（${account}）` : account;
}
