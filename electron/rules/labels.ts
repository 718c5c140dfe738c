/**
 * The zh-CN words for the ledger's coded values, and the synonyms imports accept for them. One table
 * each, so a screen, an export and an importer can never spell a value differently.
 */

import type { BudgetKind, Continuity, LibraryStatus } from '../../db/vocabulary';
import { nameCharacterProblem } from './textRules';

export const BUDGET_KINDS: Record<BudgetKind, string> = {
  general: '一般公共预算',
  fund: '政府性基金预算',
  stateCapital: '国有资本经营预算',
  socialInsurance: '社会保险基金预算',
};

export const CONTINUITY: Record<Continuity, string> = { new: '新增', continuing: '延续' };

export const LIBRARY_STATUS: Record<LibraryStatus, string> = { reserve: '储备', admitted: '已入库', withdrawn: '已退出' };

/**
 * 项目类型 is the bureau's own list, kept in the ledger (设置 → 项目类型), not a closed set: regions
 * classify differently. A name is stored as normaliseLabel() leaves it.
 */
export type ProjectType = string;

const PROJECT_TYPE_NAME_MAX = 20;

/**
 * A label as typed or imported, the way it is compared and (for 项目类型) stored: NFKC (full-width
 * letters, digits and spaces as a Chinese keyboard types them) and no whitespace at all, so
 * "政府购买服务 " and "政府 购买服务" are the type already in the list rather than a new one.
 */
export function normaliseLabel(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** Why a 项目类型 name cannot be used (blank or too long), or null; the same words for the form and the import. */
export function projectTypeNameProblem(name: string): string | null {
  if (!name) return '项目类型不能为空，请填写类型名称';
  if (name.length > PROJECT_TYPE_NAME_MAX) return `项目类型“${name}”超过 ${PROJECT_TYPE_NAME_MAX} 个字，请精简后再填写`;
  return nameCharacterProblem('项目类型', name);
}

/**
 * The four budgets are fixed by law (预算法), so the list stays closed, but units write each one several
 * ways. A trailing 资金 ("一般公共预算资金", "政府性基金预算资金") is read as the budget itself.
 */
const BUDGET_KIND_SYNONYMS: Record<string, BudgetKind> = {
  一般公共预算: 'general',
  一般预算: 'general',
  公共预算: 'general',
  公共财政预算: 'general',
  政府性基金预算: 'fund',
  政府性基金: 'fund',
  基金预算: 'fund',
  国有资本经营预算: 'stateCapital',
  国有资本经营: 'stateCapital',
  国资预算: 'stateCapital',
  国有资本预算: 'stateCapital',
  社会保险基金预算: 'socialInsurance',
  社会保险基金: 'socialInsurance',
  社保基金预算: 'socialInsurance',
  社保基金: 'socialInsurance',
};

const CONTINUITY_SYNONYMS: Record<string, Continuity> = {
  新增: 'new',
  新增项目: 'new',
  新: 'new',
  延续: 'continuing',
  延续项目: 'continuing',
  延续性: 'continuing',
  续: 'continuing',
};

export function budgetKindFromText(text: string): BudgetKind | null {
  const t = normaliseLabel(text);
  return BUDGET_KIND_SYNONYMS[t] ?? BUDGET_KIND_SYNONYMS[t.replace(/资金$/, '')] ?? null;
}

export function continuityFromText(text: string): Continuity | null {
  return CONTINUITY_SYNONYMS[normaliseLabel(text)] ?? null;
}
