/**
 * The zh-CN words for the ledger's coded values, and the synonyms imports accept for them. One table
 * each, so a screen, an export and an importer can never spell a value differently.
 */

import type { BudgetKind, Continuity, LibraryStatus } from '../../db/vocabulary';

export const BUDGET_KINDS: Record<BudgetKind, string> = {
  general: '一般公共预算',
  fund: '政府性基金预算',
  stateCapital: '国有资本经营预算',
  socialInsurance: '社会保险基金预算',
};

export const CONTINUITY: Record<Continuity, string> = { new: '新增', continuing: '延续' };

export const LIBRARY_STATUS: Record<LibraryStatus, string> = { reserve: '储备', admitted: '已入库', withdrawn: '已退出' };

/** 项目类型 as the bureau classifies spending; free text is refused so reports group cleanly. */
export const PROJECT_TYPES = ['重点建设项目', '政府购买服务', '政府债务', '政府采购', '补助补贴', '其他运转类', '特定目标类'] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];

const BUDGET_KIND_SYNONYMS: Record<string, BudgetKind> = {
  一般公共预算: 'general',
  一般公共预算资金: 'general',
  一般预算: 'general',
  公共预算: 'general',
  政府性基金预算: 'fund',
  政府性基金: 'fund',
  基金预算: 'fund',
  国有资本经营预算: 'stateCapital',
  国有资本经营: 'stateCapital',
  国资预算: 'stateCapital',
  社会保险基金预算: 'socialInsurance',
  社会保险基金: 'socialInsurance',
  社保基金预算: 'socialInsurance',
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

const normalise = (s: string) => s.replace(/\s+/g, '');

export function budgetKindFromText(text: string): BudgetKind | null {
  return BUDGET_KIND_SYNONYMS[normalise(text)] ?? null;
}

export function continuityFromText(text: string): Continuity | null {
  return CONTINUITY_SYNONYMS[normalise(text)] ?? null;
}

export function projectTypeFromText(text: string): ProjectType | null {
  const t = normalise(text);
  return (PROJECT_TYPES as readonly string[]).includes(t) ? (t as ProjectType) : null;
}
