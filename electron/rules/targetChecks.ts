/**
 * 绩效目标的机审: what is checked before anyone reviews a target (财预〔2015〕88号 practice), as a
 * checklist the declaring unit can work through. Each item says what failed and where. Errors block
 * submission to 三方联合会审; warnings are shown but do not block.
 */
import { isLowerBetter } from './indicatorRules';
import { normaliseLabel } from './labels';
import { BENEFIT_KINDS, level2KindOf, type Level2Kind } from './level2Kinds';
import type { RuleSet } from './ruleSet';
import type { Nature, Subject } from '../../db/vocabulary';

export type TargetRules = RuleSet['targets'];

/**
 * A target's indicator as every layer reads it: the checks here, the stored row and the bridge input
 * (targets/targetDetail.ts adds the period and the library link), the monitoring form (which keeps the
 * indicator as it stood when reported). Shapes that differ say why: a declaration sheet row is text
 * (targets/declarationForm.ts), the editor's row is typed text (renderer/targets/targetDraft.ts), and the
 * warning rule reads a target value beside a current one (warningLines.ts).
 */
export interface TargetIndicator {
  level1: string;
  level2: string;
  name: string;
  nature: Nature;
  /** 指标值 as written: "500", "≥95%", "10月底前", "有效提升". */
  value: string;
  unit: string | null;
}

/** What a continuing project achieved on the same indicator last year: its self-evaluation's 实际完成值 as written. */
export interface LastYearActual {
  actual: string;
  /** The unit of last year's indicator; the values are compared only when it is this year's unit. */
  unit: string | null;
}

/**
 * An indicator as the checklist reads it: with the 预算支出标准 its library indicator records, and what
 * the project achieved on it last year, where known (targets/lastYearActuals.ts).
 */
export interface CheckedIndicator extends TargetIndicator {
  /** The standard as the library writes it ("≤1000元/人"; see standardCapOf); absent for a 个性 indicator. */
  standardCap?: string | null;
  lastYearActual?: LastYearActual | null;
}

export interface TargetDraft {
  subject: Subject;
  annualGoal: string;
  midTermGoal: string | null;
  /** 部门整体: 年度主要任务. */
  mainTasks: string | null;
  funds: { totalFen: number; fiscalFen: number; otherFen: number };
  indicators: CheckedIndicator[];
  /** Names of the library's mandatory indicators for the target's class, when a class is chosen. */
  mandatoryNames: string[];
}

export interface CheckItem {
  id: string;
  label: string;
  ok: boolean;
  severity: 'error' | 'warning';
  /** Why it failed, naming the indicators concerned; empty when ok. */
  detail: string;
}

/** 二级 groups a project target must cover, with the kinds of 二级 (however worded) that satisfy each. */
const REQUIRED_GROUPS: { id: string; label: string; kinds: readonly Level2Kind[] }[] = [
  { id: 'quantity', label: '至少一个数量指标', kinds: ['数量'] },
  { id: 'qualityOrTime', label: '至少一个质量或时效指标', kinds: ['质量', '时效'] },
  { id: 'benefit', label: '至少一个效益指标', kinds: BENEFIT_KINDS },
  { id: 'satisfaction', label: '至少一个满意度指标', kinds: ['满意度'] },
];

/** The checklist of a target under the year's rules. */
export function checkTarget(target: TargetDraft, rules: TargetRules): CheckItem[] {
  const minSatisfaction = rules.minSatisfactionPercent;
  const items: CheckItem[] = [];
  const add = (id: string, label: string, failures: string[], severity: CheckItem['severity'] = 'error') =>
    items.push({ id, label, ok: failures.length === 0, severity, detail: failures.join('；') });

  add('annualGoal', '填写年度总体目标', target.annualGoal.trim() ? [] : ['年度总体目标为空']);
  if (target.subject === 'department')
    add('mainTasks', '填写年度主要任务', target.mainTasks?.trim() ? [] : ['部门整体目标须写明年度主要任务']);

  const kindOf = (i: TargetIndicator) => level2KindOf(i.level2);
  /** The value in % for a rate, and for a 满意度 whatever its unit (it is always a share). */
  const shareOf = (i: TargetIndicator) => percentIn(i) ?? (kindOf(i) === '满意度' ? numberIn(i.value) : null);
  for (const group of REQUIRED_GROUPS) {
    const kinds: readonly (Level2Kind | null)[] = group.kinds;
    const has = target.indicators.some((i) => kinds.includes(kindOf(i)));
    add(`group.${group.id}`, group.label, has ? [] : [`缺少${group.kinds.map((k) => `${k}指标`).join('或')}`]);
  }

  add(
    'units',
    '定量指标都有计量单位',
    target.indicators.filter((i) => i.nature !== '定性' && !i.unit?.trim()).map((i) => `“${i.name}”缺少计量单位`),
  );

  add(
    'values',
    '每个指标都有指标值',
    target.indicators.filter((i) => !i.value.trim()).map((i) => `“${i.name}”缺少指标值`),
  );

  add(
    'satisfaction',
    `满意度指标值不低于 ${minSatisfaction}%`,
    target.indicators
      .filter((i) => {
        const n = kindOf(i) === '满意度' ? shareOf(i) : null;
        return n !== null && !isLowerBetter(i.nature) && n < minSatisfaction;
      })
      .map((i) => `“${i.name}”为 ${written(i)}`),
  );

  const quantitative = target.indicators.filter((i) => i.nature !== '定性');
  add('plausible', '指标值合乎常理', [
    // A rate or a 满意度 beyond 100% cannot be reached: it is a slip (105 for 100.5, a misplaced %).
    ...quantitative
      .filter((i) => (shareOf(i) ?? 0) > 100)
      .map((i) => `“${i.name}”为 ${written(i)}，比率和满意度不能超过 100%，请核对后改正`),
    ...quantitative
      .filter((i) => kindOf(i) === '数量' && (numberIn(i.value) ?? 0) < 0)
      .map((i) => `“${i.name}”为 ${written(i)}，数量指标不能为负数，请核对后改正`),
  ]);

  add(
    'standard',
    '成本指标不高于预算支出标准',
    target.indicators.filter((i) => kindOf(i) === '成本').flatMap((i) => aboveStandard(i) ?? []),
  );

  // Only a continuing project whose last year is known gets the item: for a new one there is nothing to hold against.
  if (target.indicators.some((i) => i.lastYearActual))
    add(
      'lastYear',
      '指标值不低于上年实际完成值',
      target.indicators.flatMap((i) => belowLastYear(i) ?? []),
      'warning',
    );

  const { totalFen, fiscalFen, otherFen } = target.funds;
  add('funds', '资金来源合计等于资金总额', fiscalFen + otherFen === totalFen ? [] : ['财政拨款与其他资金之和不等于资金总额']);

  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const i of target.indicators) (seen.has(i.name) ? duplicates : seen).add(i.name);
  add(
    'duplicates',
    '三级指标不重名',
    [...duplicates].map((n) => `“${n}”出现多次`),
  );

  const present = new Set(target.indicators.map((i) => i.name));
  add(
    'mandatory',
    '包含本类必选指标',
    target.mandatoryNames.filter((n) => !present.has(n)).map((n) => `缺少必选指标“${n}”`),
    'warning',
  );

  add(
    'vague',
    '定量指标的指标值具体可衡量',
    // "提高", "有效改善": fine for 定性, vague for an indicator that promises a quantity.
    target.indicators
      .filter((i) => i.nature !== '定性' && i.value.trim() !== '' && numberIn(i.value) === null)
      .map((i) => `“${i.name}”的指标值“${i.value}”不是数字`),
    'warning',
  );
  return items;
}

/** True when no error-level item failed. */
export function passesChecks(items: readonly CheckItem[]): boolean {
  return items.every((i) => i.ok || i.severity === 'warning');
}

const NUMBER = /-?\d+(?:,\d{3})*(?:\.\d+)?/;

/** The number in a value as units write it: "500", "≥95%", "1,200", "0.9"; null when there is none. */
export function numberIn(value: string): number | null {
  const m = NUMBER.exec(value.normalize('NFKC'));
  return m ? Number(m[0].replace(/,/g, '')) : null;
}

/**
 * A rate's value in %, when the indicator is one (unit %, or % written in the value); null otherwise.
 * "0.9" under a % unit is a fraction, 90%; "0.9%" is 0.9%.
 */
function percentIn(i: TargetIndicator): number | null {
  const n = numberIn(i.value);
  const inValue = i.value.normalize('NFKC').includes('%');
  if (n === null || !(inValue || i.unit?.normalize('NFKC').trim() === '%')) return null;
  return !inValue && n > 0 && n < 1 ? n * 100 : n;
}

/** The value with its unit, as a message quotes it: "85%", "≥75%" (not "≥75%%"). */
function written(i: TargetIndicator): string {
  const unit = i.unit?.trim() ?? '';
  return i.value.trim().endsWith(unit) ? i.value.trim() : `${i.value.trim()}${unit}`;
}

/**
 * The 预算支出标准 a library indicator records: the library keeps the kind of 绩效标准 and a 参考值 beside
 * it, so an indicator whose 绩效标准 is 预算支出标准 records the standard itself as its 参考值 ("≤1000元/人").
 */
export function standardCapOf(library: { standard: string | null; referenceHint: string | null }): string | null {
  return library.standard?.trim() === '预算支出标准' && library.referenceHint?.trim() ? library.referenceHint.trim() : null;
}

/** Why a 成本 value exceeds its standard, or cannot be held against it; null when it keeps within. */
function aboveStandard(i: CheckedIndicator): string | null {
  const cap = i.standardCap ? numberIn(i.standardCap) : null;
  const value = numberIn(i.value);
  if (cap === null || value === null) return null;
  const unitOf = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');
  const capUnit = unitOf(i.standardCap!.normalize('NFKC').split(NUMBER)[1] ?? '');
  if (capUnit && i.unit?.trim() && capUnit !== unitOf(i.unit))
    return `“${i.name}”的计量单位“${i.unit.trim()}”与预算支出标准“${i.standardCap}”不同，无法比对，请按标准的计量单位填写`;
  return value > cap ? `“${i.name}”为 ${written(i)}，高于预算支出标准“${i.standardCap}”，请调低到标准以内` : null;
}

/**
 * Why a target asks for less than the project achieved last year, or null: a higher-is-better value
 * below last year's 实际完成值, a cap (lower-is-better) above it. 定性 indicators, unreadable figures and
 * a different unit are not compared: a guess would be a false alarm. The screens mark the row with it.
 */
export function belowLastYear(i: CheckedIndicator): string | null {
  const last = i.lastYearActual;
  if (!last || i.nature === '定性') return null;
  // Last year's figure is an actual, not a bound: quoted without an operator.
  const previous: TargetIndicator = { ...i, nature: '定性', value: last.actual, unit: last.unit };
  const [now, then] = [measureOf(i), measureOf(previous)];
  if (!now || !then || now.unit !== then.unit) return null;
  const figures = `本年 ${shown(i, now)}，上年实际 ${shown(previous, then)}`;
  const cap = isLowerBetter(i.nature, now.n);
  if (cap ? now.n > then.n : now.n < then.n)
    return cap
      ? `“${i.name}”指标值高于上年实际完成值（越低越好，目标比上年放松）：${figures}。请核实后调低，确需放宽的请说明原因`
      : `“${i.name}”指标值低于上年实际完成值：${figures}。请核实后调高，确需低于上年的请说明原因`;
  return null;
}

/** An indicator's value as the screens and messages quote it: "≥1000人次" for 性质 ≥ and 指标值 1000; "有效提升". */
export function valueText(i: TargetIndicator): string {
  const op = i.nature === '定性' || /^[≥≤＞＜＝<>=]/.test(i.value.trim()) ? '' : i.nature;
  return `${op}${written(i)}`;
}

/** A value as the last-year message quotes it: a rate written as a fraction in % ("0.98" under % → "98%"), so the two figures read alike. */
function shown(i: TargetIndicator, m: { n: number; unit: string }): string {
  const fraction = m.unit === '%' && !i.value.normalize('NFKC').includes('%') && numberIn(i.value) !== m.n;
  return fraction ? `${i.nature === '定性' ? '' : i.nature}${Number(m.n.toPrecision(12))}%` : valueText(i);
}

/** Last year's actual as the screens show it beside this year's value: "1200人次", "达成". */
export function lastYearText(last: LastYearActual): string {
  return valueText({ level1: '', level2: '', name: '', nature: '定性', value: last.actual, unit: last.unit });
}

/** A value as a figure in its unit ("95%" and 0.95 under % are both 95 in %); null when it has no number. */
function measureOf(i: TargetIndicator): { n: number; unit: string } | null {
  const percent = percentIn(i);
  if (percent !== null) return { n: percent, unit: '%' };
  const n = numberIn(i.value);
  return n === null ? null : { n, unit: normaliseLabel(i.unit ?? '') };
}
