/**
 * 登录名: how an account is named at login. Lower-case Latin letters, digits, '.', '_' and '-', so it
 * types the same on every keyboard and input method; compared without case (stored lower-case).
 */

export const LOGIN_NAME_MAX = 32;

export function normaliseLoginName(name: string): string {
  return name.trim().toLowerCase();
}

/** Why this cannot be a login name, or null. */
export function loginNameProblem(name: string): string | null {
  const text = normaliseLoginName(name);
  if (!text) return '请填写登录名';
  if (text.length < 2 || text.length > LOGIN_NAME_MAX) return `登录名须为 2–${LOGIN_NAME_MAX} 个字符，现为 ${text.length} 个`;
  if (!/^[a-z][a-z0-9._-]*$/.test(text))
    return `登录名“${name.trim()}”只能用英文字母开头，由字母、数字和 . _ - 组成（如 zhangsan），请修改`;
  return null;
}
