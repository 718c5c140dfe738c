/**
 * What both shapes of 会审意见表 check the same way before an opinion is recorded (reviewSheet.ts reads
 * the exported per-target sheets, reviewTable.ts a party's own table): the target's open round, who gave
 * the opinion, one opinion per target and party in a file, the field lengths recordOpinion keeps, and
 * whether the opinion changes what the round already holds.
 */
import { REVIEW_DIMENSIONS, REVIEW_PARTIES, TARGET_STATUS, type ReviewDimension } from '../rules/jointReview';
import type { ServiceContext } from '../ledger/context';
import { listRounds, type ReviewRoundView } from './jointReview';
import type { ReviewSheetPlan } from './reviewSheet';
import type { ReviewParty, TargetStatus } from '../../db/vocabulary';

/** The round an opinion goes into, or why the target takes none ("当前为“待批复”…"). */
export function openRoundOf(
  ctx: ServiceContext,
  target: { id: number; status: TargetStatus },
  name: string,
): { open: ReviewRoundView } | { problem: string } {
  const rounds = listRounds(ctx, { targetId: target.id });
  const open = target.status === 'inReview' ? rounds.find((r) => r.result === null) : undefined;
  if (open) return { open };
  const last = rounds.at(-1);
  return {
    problem: `“${name}”当前为“${TARGET_STATUS[target.status]}”，没有进行中的会审${last?.result ? `（第 ${last.roundNo} 轮已作出结论：${last.result}）` : ''}，不能再录入会审意见。`,
  };
}

const PARTY_LIST = Object.values(REVIEW_PARTIES).join('、');

/**
 * Whose opinion: the 会审方 the sheet writes, else the one chosen at import. A written party the choice
 * contradicts is refused rather than overridden.
 */
export function partyOf(written: string, chosen: ReviewParty | null | undefined): { party: ReviewParty | null; problem: string | null } {
  const party = written ? partyFromText(written) : (chosen ?? null);
  if (written && !party) return { party: null, problem: `“${written}”不是会审方。请填写 ${PARTY_LIST} 之一。` };
  if (!party) return { party: null, problem: `请填写会审方（${PARTY_LIST}），或在导入时选择会审方。` };
  if (chosen && written && party !== chosen)
    return { party, problem: `表中会审方为“${REVIEW_PARTIES[party]}”，导入时选择的是“${REVIEW_PARTIES[chosen]}”。请核对后重新导入。` };
  return { party, problem: null };
}

/** A party as sheets name it: its full name, or the words that identify it (“轮台县财政局” is finance). */
export function partyFromText(text: string): ReviewParty | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  for (const [party, label] of Object.entries(REVIEW_PARTIES) as [ReviewParty, string][]) if (t === label.normalize('NFKC')) return party;
  if (/第三方/.test(t)) return 'thirdParty';
  if (/财政|绩效股|业务股/.test(t)) return 'finance';
  if (/单位|主管部门|部门/.test(t)) return 'unit';
  return null;
}

/**
 * One opinion per target and party in a file: `seen` maps each to where it was read ("工作表“JY-01”");
 * the second is refused with the first's place.
 */
export function duplicateProblem(seen: Map<string, string>, targetId: number, party: ReviewParty, where: string): string | null {
  const key = `${targetId}\u0000${party}`;
  const earlier = seen.get(key);
  if (earlier) return `与${earlier}是同一绩效目标同一会审方的意见，请只保留一份。`;
  seen.set(key, where);
  return null;
}

/** The lengths recordOpinion keeps: 审核人 50 characters, 修改意见 2000. */
export function lengthProblems(plan: Pick<ReviewSheetPlan, 'reviewer' | 'opinion'>): { field: 'reviewer' | 'opinion'; problem: string }[] {
  const problems: { field: 'reviewer' | 'opinion'; problem: string }[] = [];
  if (plan.reviewer && plan.reviewer.length > 50) problems.push({ field: 'reviewer', problem: '审核人不超过 50 个字。' });
  if (plan.opinion.length > 2000)
    problems.push({ field: 'opinion', problem: `修改意见有 ${plan.opinion.length} 个字，超过 2000 字，请精简。` });
  return problems;
}

/**
 * A plan read without errors: recorded, or unchanged when the open round already holds the same opinion.
 * Returns the warning to show when it replaces a different one.
 */
export function settleOpinion(plan: ReviewSheetPlan, open: ReviewRoundView): string | null {
  const before = open.opinions.find((o) => o.party === plan.party);
  const same =
    before &&
    before.reviewer === plan.reviewer &&
    before.opinion === plan.opinion &&
    (Object.keys(REVIEW_DIMENSIONS) as ReviewDimension[]).every((d) => before[d] === plan.grades[d]);
  plan.action = same ? 'unchanged' : 'record';
  return before && !same ? `第 ${open.roundNo} 轮已录入过${REVIEW_PARTIES[plan.party!]}的意见，导入后将以本表为准。` : null;
}
