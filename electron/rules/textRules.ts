/**
 * Characters a name or a text may not hold, decided once for every form, service and import.
 *
 * A name identifies a record: duplicates are judged on it, imports match on it, documents print it.
 * So a name is one line of visible characters: no control characters (a NUL ends the text in C-minded
 * tools and stored as an empty name), no bidi controls (U+202E makes "局政财" display as "财政局" —
 * two names that look alike but differ), no zero-width or other invisible format characters (the same
 * trick without reordering; Chinese names never need a joiner), no line separators, no broken UTF-16.
 * Private-use characters stay allowed: rare hanzi in people's names are often encoded there.
 *
 * A multi-line text (说明, 发现的问题…) may hold tab and line breaks and the invisible characters that
 * come with pasted text (soft hyphen, emoji joiners), but not other control characters or bidi controls.
 *
 * Refused rather than stripped: stripping would silently change what a name matches and hide that the
 * sender's file carries such characters; the message says which character and where.
 */

const NAME_FORBIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
// Every control character but tab and line breaks; bidi controls; broken UTF-16.
const TEXT_FORBIDDEN = /(?![\t\n\r])[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\p{Cs}]/u;

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/u;
const LINE_BREAK = /[\n\r\u2028\u2029\u0085]/u;

/** What the character is, in words a clerk can relate to. */
function kindOf(ch: string): string {
  if (ch === '\u0000') return '空字符';
  if (ch === '\t') return '制表符';
  if (LINE_BREAK.test(ch)) return '换行符';
  if (BIDI.test(ch)) return '文字方向控制符';
  if (ZERO_WIDTH.test(ch)) return '零宽字符';
  if (/\p{Cs}/u.test(ch)) return '残缺的字符（编码损坏）';
  if (/\p{Cc}/u.test(ch)) return '控制字符';
  return '不可见的格式字符';
}

function describe(label: string, text: string, found: RegExpExecArray): string {
  const ch = found[0];
  const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  // The visible text just before it, so the clerk can find an invisible character.
  const before = [...text.slice(0, found.index).replace(new RegExp(NAME_FORBIDDEN, 'gu'), '')].slice(-6).join('');
  const where = before ? `在“${before}”之后` : '在开头';
  return `${label}含有${kindOf(ch)}（${code}，${where}）。不能含控制字符、文字方向控制符或零宽字符（常由复制粘贴带入），请删除该字符后重新填写`;
}

/** Why `text` cannot be a name (one line of visible characters), or null. `label` names the field. */
export function nameCharacterProblem(label: string, text: string): string | null {
  const found = NAME_FORBIDDEN.exec(text);
  return found ? describe(label, text, found) : null;
}

/** Why `text` cannot be a multi-line text (tab and line breaks allowed), or null. */
export function textCharacterProblem(label: string, text: string): string | null {
  const found = TEXT_FORBIDDEN.exec(text);
  return found ? describe(label, text, found) : null;
}
