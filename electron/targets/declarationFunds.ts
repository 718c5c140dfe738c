/**
 * The 资金情况 block of a declaration sheet: six amounts in 万元 or 元 as the block's label or a 单位
 * note says, text numbers with separators, blanks; a field the sheet lacks keeps the target's amount.
 */
import { cellText } from '../formats/findTable';
import { amountProblem, exactWanYuan, isBlankMoney, parseMoneyCell } from '../formats/moneyCells';
import type { SheetGrid } from '../formats/readWorkbook';
import { formatYuan, moneyUnitIn, type MoneyUnit } from '../rules/money';
import type { TargetSnapshot } from './targetDetail';
import type { DeclarationLabel } from './declarationLabels';
import type { FormField } from './formFields';
import { placeOf, type HeaderBlock } from './declarationSheet';

/** The amounts' unit: the 资金情况 label's "（万元）"/"（元）", else a 单位：… note above, else 万元. */
function sheetMoneyUnit(fundLabels: FormField[], sheet: SheetGrid, rows: number): MoneyUnit {
  for (const f of fundLabels) {
    const unit = moneyUnitIn(f.label);
    if (unit) return unit;
  }
  for (const row of sheet.rows.slice(0, rows)) {
    for (const v of row) {
      const m = /单位[:：]\s*(万元|元)/.exec(cellText(v).normalize('NFKC'));
      if (m) return m[1] as MoneyUnit;
    }
  }
  return '万元';
}

type FundKey = 'annualTotal' | 'fiscal' | 'other' | 'midTotal' | 'midFiscal' | 'midOther';

/**
 * The six amounts of the 资金情况 block: undefined when the sheet has no such field, null when blank.
 * 其中：财政拨款 and 其他资金 appear under both totals; each belongs to the total in its column.
 */
function readFunds(fields: Map<DeclarationLabel, FormField[]>, unit: MoneyUnit, bad: (f: FormField, problem: string) => void) {
  const annual = fields.get('annualTotal')?.[0];
  const midTotal = fields.get('midTotal')?.[0];
  const assigned: Partial<Record<FundKey, FormField>> = { annualTotal: annual, midTotal };
  for (const [key, midKey] of [
    ['fiscal', 'midFiscal'],
    ['other', 'midOther'],
  ] as const) {
    for (const f of fields.get(key) ?? []) {
      const toMid =
        midTotal && f.labelCol === midTotal.labelCol
          ? true
          : annual && f.labelCol === annual.labelCol
            ? false
            : assigned[key] !== undefined;
      if (!assigned[toMid ? midKey : key]) assigned[toMid ? midKey : key] = f;
    }
  }
  const failed = new Set<FundKey>();
  const amount = (key: FundKey): number | null | undefined => {
    const f = assigned[key];
    if (!f) return undefined;
    const raw = f.value;
    const t = cellText(raw);
    if (isBlankMoney(raw, t)) return null;
    const cellUnit = moneyUnitIn(f.label) ?? unit;
    const parsed = parseMoneyCell(raw, t, cellUnit);
    if (!parsed.ok) {
      failed.add(key);
      bad(f, amountProblem(parsed.what, cellUnit));
      return null;
    }
    return parsed.fen;
  };
  return {
    fields: assigned,
    annualTotal: amount('annualTotal'),
    fiscal: amount('fiscal'),
    other: amount('other'),
    midTotal: amount('midTotal'),
    midFiscal: amount('midFiscal'),
    midOther: amount('midOther'),
    failed,
  };
}

/**
 * The funds a sheet declares, checked: a missing 年度资金总额 keeps the target's (or, for a new target,
 * `budgetFen`); 中期 sources need a 中期 total; a printed total that is not the sum of its printed
 * sources is a warning naming both figures (机审 then fails on the 年度 one).
 */
export function readSheetFunds(
  fields: Map<DeclarationLabel, FormField[]>,
  sheet: SheetGrid,
  labelRows: number,
  current: TargetSnapshot | null,
  budgetFen: number,
  block: Pick<HeaderBlock, 'bad' | 'warn'>,
) {
  const { bad, warn } = block;
  const moneyUnit = sheetMoneyUnit(fields.get('funds') ?? [], sheet, labelRows);
  const funds = readFunds(fields, moneyUnit, (f, problem) => bad(placeOf(f), f.value, problem));
  const annualTotalFen = funds.annualTotal === undefined ? (current?.annualTotalFen ?? budgetFen) : funds.annualTotal;
  if (funds.annualTotal === null && !funds.failed.has('annualTotal'))
    bad(placeOf(funds.fields.annualTotal), null, `请填写年度资金总额（${moneyUnit}）。`);
  const annualFiscalFen = funds.fiscal === undefined ? (current?.annualFiscalFen ?? annualTotalFen ?? 0) : (funds.fiscal ?? 0);
  const annualOtherFen = funds.other === undefined ? (current?.annualOtherFen ?? 0) : (funds.other ?? 0);
  let mid = { total: current?.midTotalFen ?? null, fiscal: current?.midFiscalFen ?? null, other: current?.midOtherFen ?? null };
  if (funds.midTotal !== undefined || funds.midFiscal !== undefined || funds.midOther !== undefined) {
    const [t, f, o] = [funds.midTotal ?? null, funds.midFiscal ?? null, funds.midOther ?? null];
    if (t === null && f === null && o === null) mid = { total: null, fiscal: null, other: null };
    else if (t === null) {
      if (!funds.failed.has('midTotal'))
        bad(
          placeOf(funds.fields.midTotal ?? funds.fields.midFiscal ?? funds.fields.midOther),
          null,
          `填写了中期资金来源，请同时填写中期资金总额（${moneyUnit}）。`,
        );
    } else mid = { total: t, fiscal: f ?? 0, other: o ?? 0 };
  }
  // Each printed total against its printed parts, 年度 and 中期 alike: the form says 资金总额 = 财政拨款 + 其他资金.
  const slips = new Set<'annualTotal' | 'midTotal'>();
  const shown = (fen: number) => (moneyUnit === '元' ? `${formatYuan(fen)} 元` : `${exactWanYuan(fen)} 万元`);
  for (const [label, total, parts] of [
    ['年度资金总额', 'annualTotal', ['fiscal', 'other']],
    ['中期资金总额', 'midTotal', ['midFiscal', 'midOther']],
  ] as const) {
    const printed = funds[total];
    const [fiscal, other] = parts.map((k) => funds[k] ?? null);
    if (printed == null || (fiscal == null && other == null) || [total, ...parts].some((k) => funds.failed.has(k))) continue;
    const computed = (fiscal ?? 0) + (other ?? 0);
    if (computed === printed) continue;
    slips.add(total);
    warn(
      placeOf(funds.fields[total]),
      funds.fields[total]!.value,
      `${label}填的是 ${shown(printed)}，财政拨款 ${shown(fiscal ?? 0)}加其他资金 ${shown(other ?? 0)}共 ${shown(computed)}，相差 ${shown(Math.abs(printed - computed))}。资金总额应等于财政拨款与其他资金之和，请核对后改正。`,
      { printed: shown(printed), computed: shown(computed) },
    );
  }
  return { moneyUnit, annualTotalFen, annualFiscalFen, annualOtherFen, mid, fields: funds.fields, slips };
}
