/** Bridge calls for 事前绩效评估 and the 项目库 gate. */
import { z } from 'zod';
import type { AssessmentView, ExAnteOverview, GateState } from '../../exAnte/exAnte';
import { read, write, SAVE_XLSX, SAVE_DOCX, type SaveOutcome } from '../callSpec';
import { year, id, optionalName, optionalText, optionalWanYuan } from './fields';
import { ASSESSORS, GRADES } from '../../../db/vocabulary';

/** Result shapes the renderer reads through the contract. */
export type { AssessmentView, ExAnteOverview } from '../../exAnte/exAnte';

const rating = z.enum(GRADES, { error: '请选择评级（优、良、中、差）' });

const assessmentContent = z
  .object({
    id: id('事前评估'),
    assessor: z.enum(ASSESSORS, { error: '请选择评估方' }),
    assessorName: optionalName(100, '评估机构'),
    recommendedBudget: optionalWanYuan('建议预算数'),
    workSummary: optionalText(4000, '评估工作开展情况'),
    findings: optionalText(4000, '评估发现'),
    suggestions: optionalText(4000, '相关建议'),
    otherNotes: optionalText(4000, '其他需要说明的问题'),
    scores: z
      .array(
        z.object({
          dimension: z.string(),
          item: z.string(),
          rating: rating.nullable(),
          points: z.number({ error: '得分须为数字' }).min(0, '得分不能为负').max(100).nullable(),
          basis: z.string().max(2000, '评分依据不超过 2000 个字'),
        }),
      )
      .max(100),
  })
  .transform(({ recommendedBudget, ...rest }) => ({ ...rest, recommendedBudgetFen: recommendedBudget }));

export const exAnteCalls = {
  'exAnte.list': read<AssessmentView[]>()(z.object({ year }), '年度全部事前绩效评估'),
  'exAnte.get': read<AssessmentView>()(z.object({ id: id('事前评估') }), '一次事前评估的评分、结论和报告内容'),
  'exAnte.create': write<AssessmentView>()(
    z.object({
      year,
      projectId: z.number().int().positive().nullable(),
      subjectName: optionalName(200, '评估对象名称'),
      assessor: z.enum(ASSESSORS),
    }),
    '对项目或政策开始事前绩效评估',
  ),
  'exAnte.save': write<AssessmentView>()(assessmentContent, '保存评分、评分依据和评估发现'),
  'exAnte.finalize': write<AssessmentView>()(z.object({ id: id('事前评估') }), '评估定稿：确定总分和结论'),
  'exAnte.recheck': write<AssessmentView>()(
    z.object({ id: id('事前评估'), revisedPlan: z.string().max(4000, '方案要点不超过 4000 个字') }),
    '记录调整完善后的方案并复核通过',
  ),
  'exAnte.gate': read<GateState>()(z.object({ projectId: id('项目') }), '项目能否入库、批复预算，以及原因'),
  'exAnte.admit': write<GateState>()(z.object({ projectId: id('项目') }), '项目入库（须通过事前评估关口）'),
  'exAnte.exportScoreSheet': read<SaveOutcome<null>>()(z.object({ id: id('事前评估') }), '导出事前评估评分表（xlsx）', SAVE_XLSX),
  'exAnte.exportReport': read<SaveOutcome<null>>()(
    z.object({ id: id('事前评估') }),
    '导出事前绩效评估报告（docx，按报告提纲填好已记录的内容）',
    SAVE_DOCX,
  ),
  'exAnte.overview': read<ExAnteOverview>()(z.object({ year }), '年度事前评估概况：数量、结论和资金'),
} as const;
