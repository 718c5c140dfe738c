/**
 * Editing a 重点绩效评价指标体系 on screen: pure, immutable edits of a Framework (each returns a new
 * Framework and leaves its input as it was), the live sums, and the per-field messages.
 *
 * Indicator codes ("1.2.1") are what the experts' scores are keyed by, so no edit here renumbers one:
 * inserting, removing or moving an indicator leaves every other code as it was. A new indicator gets
 * `${一级}.${二级}.${n}` by position, n one past the highest n that prefix has anywhere in the framework
 * or in `reserved` (pass the saved framework's codes): so a code freed by a removal in this edit is not
 * handed to a different indicator, which would otherwise inherit the removed one's scores.
 *
 * What is wrong with a draft is the ledger's own check (rules/keyEvaluationFrameworkCheck.ts), so the
 * editor refuses exactly what the ledger refuses, in the same words.
 */
import { checkFramework, fieldErrorsOf, problemTexts, REFUSAL_FIELD } from '../../electron/rules/keyEvaluationFrameworkCheck';
import {
  sumHundredths,
  type Framework,
  type FrameworkIndicator,
  type FrameworkLevel1,
  type FrameworkLevel2,
} from '../../electron/rules/keyEvaluationScore';

const NEW_LEVEL1_NAME = '新一级指标';
const NEW_LEVEL2_NAME = '新二级指标';

export function addLevel1(f: Framework, reserved: readonly string[] = []): Framework {
  return addLevel2([...f, { name: NEW_LEVEL1_NAME, weight: 0, level2: [] }], f.length, reserved);
}

export function removeLevel1(f: Framework, i1: number): Framework {
  return removeAt(f, i1);
}

export function renameLevel1(f: Framework, i1: number, name: string): Framework {
  return replaceAt(f, i1, (l1) => ({ ...l1, name }));
}

export function setLevel1Weight(f: Framework, i1: number, weight: number): Framework {
  return replaceAt(f, i1, (l1) => ({ ...l1, weight }));
}

/** Appends a 二级 "新二级指标" to the 一级, with one new indicator. */
export function addLevel2(f: Framework, i1: number, reserved: readonly string[] = []): Framework {
  const i2 = at(f, i1).level2.length;
  const withLevel2 = replaceAt(f, i1, (l1) => ({ ...l1, level2: [...l1.level2, { name: NEW_LEVEL2_NAME, indicators: [] }] }));
  return addIndicator(withLevel2, i1, i2, reserved);
}

export function removeLevel2(f: Framework, i1: number, i2: number): Framework {
  return replaceAt(f, i1, (l1) => ({ ...l1, level2: removeAt(l1.level2, i2) }));
}

export function renameLevel2(f: Framework, i1: number, i2: number, name: string): Framework {
  return replaceLevel2(f, i1, i2, (l2) => ({ ...l2, name }));
}

/** Appends an empty indicator (points 0) to the 二级, with a code no indicator has (see the top). */
export function addIndicator(f: Framework, i1: number, i2: number, reserved: readonly string[] = []): Framework {
  const prefix = `${i1 + 1}.${i2 + 1}.`;
  const taken = [...allCodes(f), ...reserved]
    .map((c) => c.trim())
    .filter((c) => c.startsWith(prefix) && /^\d+$/.test(c.slice(prefix.length)))
    .map((c) => Number(c.slice(prefix.length)));
  const code = `${prefix}${Math.max(0, ...taken) + 1}`;
  return replaceLevel2(f, i1, i2, (l2) => ({
    ...l2,
    indicators: [...l2.indicators, { code, name: '', points: 0, rule: '', formula: null }],
  }));
}

export function removeIndicator(f: Framework, i1: number, i2: number, i3: number): Framework {
  return replaceLevel2(f, i1, i2, (l2) => ({ ...l2, indicators: removeAt(l2.indicators, i3) }));
}

export function updateIndicator(f: Framework, i1: number, i2: number, i3: number, patch: Partial<FrameworkIndicator>): Framework {
  return replaceLevel2(f, i1, i2, (l2) => ({ ...l2, indicators: replaceAt(l2.indicators, i3, (ind) => ({ ...ind, ...patch })) }));
}

/** Swaps the indicator with its neighbour in the same 二级, codes and all; at either end, returns `f` itself. */
export function moveIndicator(f: Framework, i1: number, i2: number, i3: number, delta: -1 | 1): Framework {
  const list = at(at(f, i1).level2, i2).indicators;
  const moved = at(list, i3);
  const to = i3 + delta;
  const neighbour = list[to];
  if (neighbour === undefined) return f;
  return replaceLevel2(f, i1, i2, (l2) => ({
    ...l2,
    indicators: l2.indicators.map((ind, k) => (k === i3 ? neighbour : k === to ? moved : ind)),
  }));
}

/** The 一级's 三级 points added up in hundredths, so 2.25 + 3.35 + 1.4 is exactly 7. */
export function level1PointsSum(l1: FrameworkLevel1): number {
  return sumHundredths(l1.level2.flatMap((l2) => l2.indicators.map((i) => i.points))) / 100;
}

/** The 一级 weights added up in hundredths. */
export function weightsSum(f: Framework): number {
  return sumHundredths(f.map((l1) => l1.weight)) / 100;
}

/**
 * What a NumberInput holds, as a number: it gives a string while the text is not yet a plain number
 * ('', '2.', '2.50'); '' and anything unparsable count as 0, which the check then points out.
 */
export function typedNumber(v: number | string): number {
  const n = typeof v === 'number' ? v : v.trim() === '' ? 0 : Number(v);
  return Number.isFinite(n) ? n : 0;
}

export interface DraftMessages {
  /** The message at each input, keyed by position as checkFramework keys its fields. */
  fields: Record<string, string>;
  /** What concerns the framework as a whole (weights, sums), for the alert above the table. */
  overall: string[];
}

/**
 * What the editor shows: the check's problems, and those of a refusal of this very draft (the bridge's
 * fields, see refusalFields) where the check has none — the two agree unless the ledger changed meanwhile.
 */
export function draftMessages(f: Framework, refusal: Readonly<Record<string, string>> = {}): DraftMessages {
  const problems = checkFramework(f);
  const prefix = `${REFUSAL_FIELD}.`;
  const refused = Object.fromEntries(
    Object.entries(refusal)
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, m]) => [k.slice(prefix.length), m]),
  );
  const overall = problemTexts(problems.filter((p) => p.field === null));
  const alsoRefused = (refusal[REFUSAL_FIELD]?.split('；') ?? []).filter((text) => !overall.includes(text));
  return { fields: { ...refused, ...fieldErrorsOf(problems) }, overall: [...overall, ...alsoRefused] };
}

/** The bridge field names a refusal of the draft may use, so a form shows them at the editor's inputs. */
export function refusalFieldNames(f: Framework): string[] {
  const inputs = f.flatMap((l1, i1) => [
    `${i1}.name`,
    `${i1}.weight`,
    `${i1}.level2`,
    ...l1.level2.flatMap((l2, i2) => [
      `${i1}.${i2}.name`,
      `${i1}.${i2}.indicators`,
      ...l2.indicators.flatMap((_, i3) => INDICATOR_FIELDS.map((field) => `${i1}.${i2}.${i3}.${field}`)),
    ]),
  ]);
  return [REFUSAL_FIELD, ...inputs.map((k) => `${REFUSAL_FIELD}.${k}`)];
}

const INDICATOR_FIELDS = ['code', 'name', 'points', 'rule', 'formula'] as const;

/** Whether the draft can be saved: the ledger's check finds nothing. */
export function canSave(f: Framework): boolean {
  return checkFramework(f).length === 0;
}

/** Deep equality, for the dirty flag; an empty 计算公式 ('', null or absent) is the same as none. */
export function sameFramework(a: Framework, b: Framework): boolean {
  return sameList(a, b, (x, y) => x.name === y.name && x.weight === y.weight && sameList(x.level2, y.level2, sameLevel2));
}

function sameLevel2(x: FrameworkLevel2, y: FrameworkLevel2): boolean {
  return x.name === y.name && sameList(x.indicators, y.indicators, sameIndicator);
}

function sameIndicator(x: FrameworkIndicator, y: FrameworkIndicator): boolean {
  return (
    x.code === y.code && x.name === y.name && x.points === y.points && x.rule === y.rule && (x.formula || null) === (y.formula || null)
  );
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((x, k) => same(x, b[k]!));
}

function allCodes(f: Framework): string[] {
  return f.flatMap((l1) => l1.level2.flatMap((l2) => l2.indicators.map((i) => i.code)));
}

function at<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new RangeError(`没有第 ${i + 1} 项（共 ${list.length} 项）`);
  return item;
}

function replaceAt<T>(list: readonly T[], i: number, change: (item: T) => T): T[] {
  const changed = change(at(list, i));
  return list.map((item, k) => (k === i ? changed : item));
}

function removeAt<T>(list: readonly T[], i: number): T[] {
  at(list, i);
  return list.filter((_, k) => k !== i);
}

function replaceLevel2(f: Framework, i1: number, i2: number, change: (l2: FrameworkLevel2) => FrameworkLevel2): Framework {
  return replaceAt(f, i1, (l1) => ({ ...l1, level2: replaceAt(l1.level2, i2, change) }));
}
