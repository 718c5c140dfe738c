/** Bridge calls for 重点绩效评价. */
import { z } from 'zod';
import type { ExpertScoreImportPreview, ExpertScoreImportResult } from '../../keyEvaluations/expertScoreSheet';
import type { FrameworkImportPreview } from '../../keyEvaluations/frameworkExchange';
import type { FrameworkTemplateRow } from '../../keyEvaluations/frameworkTemplates';
import type { KeyEvaluationYearFigures, PublicationRow, ResultActionRow } from '../../keyEvaluations/keyEvaluationResults';
import type { KeyEvaluationRow, KeyEvaluationView } from '../../keyEvaluations/keyEvaluations';
import type { NoticeRow } from '../../rectification/noticeList';
import type { EvaluationScore, Framework } from '../../rules/keyEvaluationScore';
import { read, write, OPEN_SPREADSHEET, SAVE_XLSX, SAVE_DOCX, type SaveOutcome, type ImportPreviewOutcome } from '../callSpec';
import { year, id, nameCharacters, optionalName, optionalText, wanYuan, optionalWanYuan, isoDate, nothing } from './fields';
import { AGGREGATIONS, ASSESSORS, RESULT_ACTION_STATUSES, SUBJECTS } from '../../../db/vocabulary';

/** Result shapes the renderer reads through the contract. */
export type { ExpertScoreImportPreview, ExpertSheetPlan } from '../../keyEvaluations/expertScoreSheet';
export type { FrameworkImportPreview } from '../../keyEvaluations/frameworkExchange';
export type { FrameworkTemplateRow } from '../../keyEvaluations/frameworkTemplates';
export type { PublicationRow, ResultActionRow } from '../../keyEvaluations/keyEvaluationResults';
export type { ExpertRow, KeyEvaluationRow, KeyEvaluationView } from '../../keyEvaluations/keyEvaluations';

/**
 * A framework's shape only. Whether it can be used — names, weights, 分值, 评分标准, sums, decimals,
 * lengths — is checkFramework's (rules/keyEvaluationFrameworkCheck.ts), which the services refuse with
 * at each field in the editor's own words; checking any of it here would answer in other words.
 */
const framework: z.ZodType<Framework> = z
  .array(
    z.object({
      name: z.string({ error: '一级指标名称须为文字' }).trim(),
      weight: z.number({ error: '一级权重须为数字' }),
      level2: z.array(
        z.object({
          name: z.string({ error: '二级指标名称须为文字' }).trim(),
          indicators: z.array(
            z.object({
              code: z.string({ error: '指标编号须为文字' }),
              name: z.string({ error: '三级指标名称须为文字' }).trim(),
              points: z.number({ error: '分值须为数字' }),
              rule: z.string({ error: '评分标准须为文字' }),
              formula: z.string({ error: '计算公式须为文字' }).nullable().optional(),
            }),
          ),
        }),
      ),
    }),
  )
  .max(10, '一级指标不超过 10 个');

const templateId = z.string({ error: '缺少模板' }).min(1, '缺少模板').max(40);

const templateFields = {
  name: z
    .string({ error: '请填写模板名称' })
    .trim()
    .min(1, '请填写模板名称')
    .max(100, '模板名称不超过 100 个字')
    .superRefine(nameCharacters('模板名称')),
  description: z.string().trim().max(500, '说明不超过 500 个字'),
};

const evaluator = z.enum(ASSESSORS, { error: '请选择评价主体' });

const aggregation = z.enum(AGGREGATIONS);

const coveredMoney = optionalWanYuan('涉及资金');

const resultAction = {
  actionType: z.string().trim().min(1, '请选择结果应用方式').max(50),
  amount: optionalWanYuan('金额'),
  nextYearProjectId: z.number().int().positive().nullable(),
  status: z.enum(RESULT_ACTION_STATUSES),
  note: optionalText(1000, '说明'),
};

export const keyEvaluationsCalls = {
  'keyEvaluations.list': read<KeyEvaluationRow[]>()(z.object({ year }), '年度重点绩效评价'),
  'keyEvaluations.get': read<KeyEvaluationView>()(z.object({ id: id('重点评价') }), '一项重点评价的指标体系、专家评分和结果'),
  'keyEvaluations.templates': read<FrameworkTemplateRow[]>()(
    z.object({ includeRetired: z.boolean().optional() }),
    '评价指标体系模板（随软件提供的和本局维护的）',
  ),
  'keyEvaluations.createTemplate': write<FrameworkTemplateRow>()(
    z.object({
      ...templateFields,
      fromTemplateId: z.string().min(1).max(40).nullable().optional(),
      fromEvaluationId: z.number().int().positive().nullable().optional(),
    }),
    '新建本局评价指标体系模板（复制模板或取自某项评价）',
  ),
  'keyEvaluations.updateTemplate': write<FrameworkTemplateRow>()(
    z.object({ id: templateId, ...templateFields, framework }),
    '保存本局模板的名称、说明和指标体系',
  ),
  'keyEvaluations.exportFramework': read<SaveOutcome<{ indicatorCount: number }>>()(
    z.object({ evaluationId: z.number().int().positive().nullable().optional(), templateId: templateId.nullable().optional() }),
    '导出评价指标体系（xlsx，可再导入）',
    SAVE_XLSX,
  ),
  'keyEvaluations.frameworkImportPreview': read<ImportPreviewOutcome<FrameworkImportPreview>>()(
    z.object({ id: id('重点评价') }),
    '选择评价指标体系表并预览（不写入）',
    OPEN_SPREADSHEET,
  ),
  'keyEvaluations.frameworkImportCommit': write<KeyEvaluationView>()(
    z.object({ id: id('重点评价'), fileId: z.string().uuid('导入文件标识无效，请重新选择文件') }),
    '以导入的指标体系替换本评价的指标体系',
  ),
  'keyEvaluations.templateImportPreview': read<ImportPreviewOutcome<FrameworkImportPreview>>()(
    nothing,
    '选择评价指标体系表，预览作为本局模板导入',
    OPEN_SPREADSHEET,
  ),
  'keyEvaluations.templateImportCommit': write<FrameworkTemplateRow>()(
    z.object({ fileId: z.string().uuid('导入文件标识无效，请重新选择文件'), ...templateFields }),
    '把导入的指标体系存为本局模板',
  ),
  'keyEvaluations.setTemplateRetired': write<FrameworkTemplateRow>()(
    z.object({ id: templateId, retired: z.boolean() }),
    '停用或启用本局模板',
  ),
  'keyEvaluations.select': write<KeyEvaluationView>()(
    z
      .object({
        year,
        subject: z.enum(SUBJECTS, { error: '请选择评价对象类型' }),
        projectId: z.number().int().positive().nullable(),
        unitId: z.number().int().positive().nullable(),
        name: optionalName(200, '评价名称'),
        selectionReason: z.string().trim().min(1, '请写明选题理由').max(2000, '选题理由不超过 2000 个字'),
        evaluator,
        evaluatorName: optionalName(100, '评价机构'),
        // Read as typed and checked below: a refused amount would otherwise stop the other checks, and
        // the dialog is to mark every problem at once.
        covered: z.union([z.string(), z.number(), z.null()]).optional(),
        aggregation: aggregation.optional(),
      })
      .superRefine((input, ctx) => {
        if (input.subject === 'project' && input.projectId === null)
          ctx.addIssue({ code: 'custom', path: ['projectId'], message: '请选择被评价的项目' });
        if (input.subject === 'department' && input.unitId === null)
          ctx.addIssue({ code: 'custom', path: ['unitId'], message: '请选择被评价的预算单位' });
        for (const issue of coveredMoney.safeParse(input.covered ?? null).error?.issues ?? [])
          ctx.addIssue({ code: 'custom', path: ['covered'], message: issue.message });
      })
      .transform(({ covered, ...rest }) => ({ ...rest, coveredFen: coveredMoney.parse(covered ?? null) })),
    '选定重点评价项目（或部门整体）',
  ),
  'keyEvaluations.update': write<KeyEvaluationView>()(
    z
      .object({
        id: id('重点评价'),
        name: z.string().trim().min(1, '请填写评价名称').max(200).superRefine(nameCharacters('评价名称')),
        selectionReason: z.string().trim().min(1, '请写明选题理由').max(2000),
        evaluator,
        evaluatorName: optionalName(100, '评价机构'),
        covered: wanYuan('涉及资金'),
        aggregation,
      })
      .transform(({ covered, ...rest }) => ({ ...rest, coveredFen: covered })),
    '修改重点评价的基本信息',
  ),
  'keyEvaluations.applyTemplate': write<KeyEvaluationView>()(
    z.object({
      id: id('重点评价'),
      templateId: z.string().min(1, '请选择模板'),
      weights: z
        .array(z.number({ error: '一级权重须为数字' }))
        .max(10, '一级指标不超过 10 个')
        .nullable(),
    }),
    '按模板（及一级权重）建立评价指标体系',
  ),
  'keyEvaluations.saveFramework': write<KeyEvaluationView>()(
    z.object({ id: id('重点评价'), framework }),
    '保存修改后的评价指标体系（权重须合计 100）',
  ),
  'keyEvaluations.setExperts': write<KeyEvaluationView>()(
    z.object({
      id: id('重点评价'),
      names: z
        .array(z.string().trim().min(1, '请填写专家姓名').max(50).superRefine(nameCharacters('专家姓名')))
        .min(1, '至少一位评分专家')
        .max(20),
    }),
    '设置评分专家',
  ),
  'keyEvaluations.recordScores': write<KeyEvaluationView>()(
    z.object({
      id: id('重点评价'),
      expertId: id('专家'),
      scores: z
        .array(
          z.object({
            indicatorCode: z.string().min(1),
            score: z.number({ error: '得分须为数字' }).nullable(),
            basis: z.string().max(2000, '得分依据不超过 2000 个字').nullable().optional(),
          }),
        )
        .max(500),
    }),
    '记录一位专家的评分和得分依据',
  ),
  'keyEvaluations.score': read<EvaluationScore>()(z.object({ id: id('重点评价') }), '按评分规则汇总的得分、小计、总分和等级'),
  'keyEvaluations.saveTexts': write<KeyEvaluationView>()(
    z.object({
      id: id('重点评价'),
      findings: optionalText(8000, '存在的问题'),
      recommendations: optionalText(8000, '有关建议'),
      experience: optionalText(8000, '主要经验及做法'),
      otherNotes: optionalText(8000, '其他需要说明的问题'),
    }),
    '保存评价发现、建议等报告内容',
  ),
  'keyEvaluations.finalize': write<KeyEvaluationView>()(z.object({ id: id('重点评价') }), '评价定稿：确定总分和等级'),
  'keyEvaluations.issueFindings': write<NoticeRow>()(
    z.object({ id: id('重点评价'), deadline: isoDate, requirements: optionalText(4000, '整改要求') }),
    '把评价发现的问题起草为整改通知',
  ),
  'keyEvaluations.suggestedAction': read<{ grade: string | null; action: string | null }>()(
    z.object({ evaluationId: id('重点评价') }),
    '按等级建议的结果应用方式',
  ),
  'keyEvaluations.listActions': read<ResultActionRow[]>()(
    z.object({ evaluationId: z.number().int().positive().optional(), year: year.optional() }),
    '评价结果应用记录',
  ),
  'keyEvaluations.recordAction': write<ResultActionRow>()(
    z.object({ evaluationId: id('重点评价'), ...resultAction }).transform(({ amount, ...rest }) => ({ ...rest, amountFen: amount })),
    '记录评价结果在下年度预算中的应用',
  ),
  'keyEvaluations.updateAction': write<ResultActionRow>()(
    z.object({ id: id('结果应用'), ...resultAction }).transform(({ amount, ...rest }) => ({ ...rest, amountFen: amount })),
    '修改结果应用记录',
  ),
  'keyEvaluations.exportReport': read<SaveOutcome<null>>()(
    z.object({ id: id('重点评价') }),
    '导出重点绩效评价报告（docx，含评分表）',
    SAVE_DOCX,
  ),
  'keyEvaluations.exportScoreSheet': read<SaveOutcome<{ expertCount: number; indicatorCount: number }>>()(
    z.object({ id: id('重点评价') }),
    '导出专家评分表（每位专家一张工作表，可填好后导入）',
    SAVE_XLSX,
  ),
  'keyEvaluations.scoreSheetImportPreview': read<ImportPreviewOutcome<ExpertScoreImportPreview>>()(
    z.object({ id: id('重点评价') }),
    '选择专家填好的评分表并预览',
    OPEN_SPREADSHEET,
  ),
  'keyEvaluations.scoreSheetImportCommit': write<ExpertScoreImportResult>()(
    z.object({ id: id('重点评价'), fileId: z.string().uuid('导入文件标识无效，请重新选择文件') }),
    '按预览结果导入专家评分（全部成功或全部不写入）',
  ),
  'keyEvaluations.publication': read<PublicationRow[]>()(z.object({ year }), '重点评价结果公开表（不含涉密单位）'),
  'keyEvaluations.exportPublication': read<SaveOutcome<{ evaluationCount: number; coveredFen: number; excludedClassified: number }>>()(
    z.object({ year }),
    '导出重点评价结果公开表（xlsx，不含涉密单位）',
    SAVE_XLSX,
  ),
  'keyEvaluations.yearFigures': read<KeyEvaluationYearFigures>()(z.object({ year }), '年度重点评价的数量、资金和等级分布'),
} as const;
