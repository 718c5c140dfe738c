/** Bridge calls for the common indicator library (共性指标库). */
import { z } from 'zod';
import type { IndicatorImportPreview, IndicatorImportResult } from '../../indicators/indicatorExchange';
import type { IndicatorClassRow, IndicatorRow, IndicatorUse } from '../../indicators/indicators';
import type { Recommendation } from '../../rules/indicatorRecommendation';
import { read, write, OPEN_SPREADSHEET, SAVE_XLSX, type SaveOutcome, type ImportPreviewOutcome } from '../callSpec';
import { id, nameCharacters, optionalText, nothing } from './fields';
import { INDICATOR_SCOPES, NATURES } from '../../../db/vocabulary';

/** Result shapes the renderer reads through the contract. */
export type { IndicatorImportPreview } from '../../indicators/indicatorExchange';
export type { IndicatorClassRow, IndicatorRow } from '../../indicators/indicators';

const indicatorFields = z.object({
  classId: id('指标类别'),
  level1: z.string({ error: '请选择一级指标' }).min(1, '请选择一级指标'),
  level2: z.string({ error: '请选择二级指标' }).min(1, '请选择二级指标'),
  name: z
    .string({ error: '请填写三级指标名称' })
    .trim()
    .min(1, '请填写三级指标名称')
    .max(100, '指标名称不超过 100 个字')
    .superRefine(nameCharacters('三级指标名称')),
  nature: z.enum(NATURES, { error: `指标性质须为 ${NATURES.join(' ')} 之一` }),
  unit: optionalText(20, '计量单位'),
  explanation: optionalText(500, '指标解释'),
  standard: optionalText(50, '绩效标准'),
  keywords: optionalText(200, '关键词'),
  referenceHint: optionalText(100, '参考值'),
  mandatory: z.boolean(),
  scope: z.enum(INDICATOR_SCOPES),
});

export const indicatorsCalls = {
  'indicators.classes': read<IndicatorClassRow[]>()(nothing, '指标类别及各类启用、停用的指标数'),
  'indicators.list': read<IndicatorRow[]>()(nothing, '整个共性指标库（含已停用）'),
  'indicators.createClass': write<IndicatorClassRow>()(
    z.object({
      name: z
        .string({ error: '请填写类别名称' })
        .trim()
        .min(1, '请填写类别名称')
        .max(50, '类别名称不超过 50 个字')
        .superRefine(nameCharacters('类别名称')),
    }),
    '新增指标类别',
  ),
  'indicators.create': write<IndicatorRow>()(indicatorFields, '新增共性指标'),
  'indicators.update': write<IndicatorRow>()(indicatorFields.extend({ id: id('指标') }), '修改共性指标'),
  'indicators.retire': write<IndicatorRow>()(z.object({ id: id('指标') }), '停用指标（保留在已使用它的目标中）'),
  'indicators.reinstate': write<IndicatorRow>()(z.object({ id: id('指标') }), '恢复启用指标'),
  'indicators.usage': read<IndicatorUse[]>()(z.object({ id: id('指标') }), '使用该共性指标的绩效目标'),
  'indicators.recommend': read<Recommendation[]>()(
    z.object({
      className: z.string().nullable(),
      text: z.string().max(2000, '用于推荐的文字过长'),
      limit: z.number().int().min(1).max(100),
    }),
    '按项目类别和名称、目标用词推荐共性指标',
  ),
  'indicators.importPreview': read<ImportPreviewOutcome<IndicatorImportPreview>>()(
    nothing,
    '选择指标库工作簿并预览导入结果（不写入）',
    OPEN_SPREADSHEET,
  ),
  'indicators.importCommit': write<IndicatorImportResult>()(
    z.object({ fileId: z.string().uuid('导入文件标识无效，请重新选择文件') }),
    '按预览结果导入指标库（全部成功或全部不写入）',
  ),
  'indicators.export': read<SaveOutcome<{ classCount: number; indicatorCount: number }>>()(
    nothing,
    '导出共性指标库（带格式的 xlsx，可再导入）',
    SAVE_XLSX,
  ),
} as const;
