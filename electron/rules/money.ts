/**
 * Money: the ledger keeps integer 分 (fen); screens and forms show 万元 with 2 decimals. Parsing is done
 * on the decimal string, never through floating point multiplication, so "1234.5678" 万元 is exactly
 * 1234567800 分; rounding (half-up) happens only when an input is finer than 1 分.
 */

export type MoneyUnit = '元' | '万元';

const FEN_PER: Record<MoneyUnit, bigint> = { 元: 100n, 万元: 1_000_000n };

/** The money unit named in a header or note such as "年初预算数（万元）" or "单位：元"; null when none. */
export function moneyUnitIn(text: string): MoneyUnit | null {
  if (/万元/.test(text)) return '万元';
  if (/[（(]\s*元\s*[)）]|单位[:：]\s*元|^\s*元\s*$/.test(text)) return '元';
  return null;
}

export type ParsedMoney = { ok: true; fen: number } | { ok: false; reason: string };

/**
 * Parses an amount as units send it: numbers, text with thousands separators (1,234.5 / 1，234.5),
 * full-width digits, a trailing unit inside the cell ("864.2万", "1200元"), surrounding spaces.
 * A cell unit overrides the column's unit. Negative amounts and non-numbers are refused with a reason
 * that is a whole clause naming the field (`label`, "年初预算数不能为负数") or quoting what was written
 * ("“abc”不是金额"), so callers add only what to do and never repeat the word 金额.
 */
export function parseMoney(value: unknown, columnUnit: MoneyUnit, label = '金额'): ParsedMoney {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, reason: `${label}不是有效数字` };
    // Spreadsheet numbers are doubles; their shortest decimal string is what the user typed.
    return parseMoney(String(value), columnUnit, label);
  }
  if (typeof value !== 'string') return { ok: false, reason: `${label}不是数字` };
  let text = value.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s,，]/g, '');
  let unit = columnUnit;
  const unitMatch = /(万元|万|元)$/.exec(text);
  if (unitMatch) {
    unit = unitMatch[1] === '元' ? '元' : '万元';
    text = text.slice(0, -unitMatch[1]!.length);
  }
  if (text === '') return { ok: false, reason: `${label}为空` };
  const m = /^(-?)(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!m) return { ok: false, reason: `“${value}”不是金额` };
  if (m[1] === '-') return { ok: false, reason: `${label}不能为负数` };
  const fen = decimalToFen(m[2]!, m[3] ?? '', Number(m[4] ?? 0), FEN_PER[unit]);
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: `${label}过大` };
  return { ok: true, fen: Number(fen) };
}

/** digits.fraction × 10^exp × scale, rounded half-up to an integer, in exact integer arithmetic. */
function decimalToFen(intPart: string, fracPart: string, exp: number, scale: bigint): bigint {
  const digits = BigInt(intPart + fracPart) * scale;
  const shift = fracPart.length - exp;
  if (shift <= 0) return digits * 10n ** BigInt(-shift);
  const div = 10n ** BigInt(shift);
  const q = digits / div;
  return (digits % div) * 2n >= div ? q + 1n : q;
}

/**
 * 分 → "1,234.57" 万元 (2 decimals, half-up, thousands separators). `exact` keeps every decimal the
 * amount has, still with separators ("128,935.2888"), where a change finer than 2 decimals must show.
 */
export function formatWanYuan(fen: number, options: { exact?: boolean } = {}): string {
  if (!options.exact) return formatScaled(fen, 1_000_000n, 2);
  return formatScaled(fen, 1_000_000n, 6).replace(/(\.\d\d\d*?)0+$/, '$1');
}

/** 分 → "1,234.57" 元. */
export function formatYuan(fen: number): string {
  return formatScaled(fen, 100n, 2);
}

/**
 * 分 → the plain 万元 decimal a form field shows and edits: 2 decimals like every shown amount ("12.50",
 * "84.00"), more only when the amount is finer (at most 6, exact), no separators so it parses back as typed.
 */
export function fenToWanYuanInput(fen: number): string {
  const n = BigInt(fen);
  const sign = n < 0n ? '-' : '';
  const abs = n < 0n ? -n : n;
  const int = abs / 1_000_000n;
  const frac = (abs % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '').padEnd(2, '0');
  return `${sign}${int}.${frac}`;
}

function formatScaled(fen: number, scale: bigint, decimals: number): string {
  const n = BigInt(Math.trunc(fen));
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const unit = 10n ** BigInt(decimals);
  // round half-up at the shown precision
  const scaled = (abs * unit * 2n + scale) / (scale * 2n);
  const int = (scaled / unit).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = (scaled % unit).toString().padStart(decimals, '0');
  return `${negative ? '-' : ''}${int}.${frac}`;
}

/** 分 → "13170.99" 万元 inside a sentence: official prose writes amounts without thousands separators. */
export function formatWanYuanInText(fen: number): string {
  return formatWanYuan(fen).replace(/,/g, '');
}
