/** The zh-CN words and colours of the 事前评估 screen, in one place so list, page and overview agree. */
import type { AssessmentView, Verdict } from '../../electron/bridge/contract';

export const ASSESSORS = { bureau: '财政局', thirdParty: '第三方机构' } as const;
export type Assessor = keyof typeof ASSESSORS;

export const ASSESSMENT_STATUS = { draft: '草稿', final: '定稿' } as const;

export const VERDICT_COLOR: Record<Verdict, string> = { support: 'green', supportAfterRevision: 'orange', reject: 'red' };

/** 评估方 with the named institution or people when given. */
export function assessorText(a: Pick<AssessmentView, 'assessor' | 'assessorName'>): string {
  return a.assessorName ? `${ASSESSORS[a.assessor]}（${a.assessorName}）` : ASSESSORS[a.assessor];
}

export const LIBRARY_STATUS_COLOR = { reserve: 'gray', admitted: 'green', withdrawn: 'red' } as const;
