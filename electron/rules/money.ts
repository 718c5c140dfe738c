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
 * A cell unit overrides the column's unit. Negative amounts and non-numbers are refused with a reason.
 */
export function parseMoney(value: unknown, columnUnit: MoneyUnit): ParsedMoney {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, reason: '不是有效数字' };
    // Spreadsheet numbers are doubles; their shortest decimal string is what the user typed.
    return parseMoney(String(value), columnUnit);
  }
  if (typeof value !== 'string') return { ok: false, reason: '不是数字' };
  let text = value.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s,，]/g, '');
  let unit = columnUnit;
  const unitMatch = /(万元|万|元)$/.exec(text);
  if (unitMatch) {
    unit = unitMatch[1] === '元' ? '元' : '万元';
    text = text.slice(0, -unitMatch[1]!.length);
  }
  if (text === '') return { ok: false, reason: '为空' };
  const m = /^(-?)(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!m) return { ok: false, reason: `“${value}”不是金额` };
  if (m[1] === '-') return { ok: false, reason: '金额不能为负数' };
  const fen = decimalToFen(m[2]!, m[3] ?? '', Number(m[4] ?? 0), FEN_PER[unit]);
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: '金额过大' };
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

/** 分 → "1,234.57" 万元 (2 decimals, half-up, thousands separators). */
export function formatWanYuan(fen: number): string {
  return formatScaled(fen, 1_000_000n, 2);
}

/** 分 → "1,234.57" 元. */
export function formatYuan(fen: number): string {
  return formatScaled(fen, 100n, 2);
}

/** 分 → the plain 万元 decimal a form field edits ("12.5" stays short, at most 6 decimals, exact). */
export function fenToWanYuanInput(fen: number): string {
  const n = BigInt(fen);
  const sign = n < 0n ? '-' : '';
  const abs = n < 0n ? -n : n;
  const int = abs / 1_000_000n;
  const frac = (abs % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return sign + int.toString() + (frac ? '.' + frac : '');
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
