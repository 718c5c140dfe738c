/** Bridge calls for 预算单位 and 项目. */
import { z } from 'zod';
import type { ProjectDossier } from '../../projects/projectDossier';
import type { ProjectImportPreview, ProjectImportResult } from '../../projects/projectImport';
import type { ProjectRow } from '../../projects/projects';
import type { ProjectTypeRow } from '../../projects/projectTypes';
import type { UnitRow } from '../../projects/units';
import { read, write, OPEN_SPREADSHEET, SAVE_XLSX, type SaveOutcome, type ImportPreviewOutcome } from '../callSpec';
import { year, id, nothing, nameCharacters, optionalName, wanYuan } from './fields';
import { BUDGET_KIND_CODES, CONTINUITIES } from '../../../db/vocabulary';

/** Result shapes the renderer reads through the contract. */
export type { MonitoringOfRound, ProjectDossier } from '../../projects/projectDossier';
export type { ProjectImportPreview } from '../../projects/projectImport';
export type { ProjectRow } from '../../projects/projects';
export type { ProjectTypeRow } from '../../projects/projectTypes';
export type { UnitRow } from '../../projects/units';

const unitFields = z.object({
  name: z
    .string({ error: '请填写单位名称' })
    .trim()
    .min(1, '请填写单位名称')
    .max(100, '单位名称不超过 100 个字')
    .superRefine(nameCharacters('单位名称')),
  code: optionalName(50, '单位代码'),
  parentId: z.number().int().positive().nullable(),
  classified: z.boolean(),
});

// Blank, length and duplicates are the service's to judge (rules/labels.ts), the same for the form and the import.
const projectTypeName = z.string({ error: '请填写类型名称' });

const projectFields = z
  .object({
    year,
    unitId: id('预算单位')
      .or(z.null())
      .refine((v) => v !== null, '请选择预算单位'),
    code: optionalName(50, '项目代码'),
    name: z
      .string({ error: '请填写项目名称' })
      .trim()
      .min(1, '请填写项目名称')
      .max(200, '项目名称不超过 200 个字')
      .superRefine(nameCharacters('项目名称')),
    // The bureau's own list is in the ledger: the service checks the type against it.
    projectType: z.string({ error: '请选择项目类型' }).trim().min(1, '请选择项目类型'),
    budgetKind: z.enum(BUDGET_KIND_CODES, { error: '请选择预算类型（四本预算之一）' }),
    initialBudget: wanYuan('年初预算数'),
    continuity: z.enum(CONTINUITIES, { error: '请选择新增或延续' }),
    majorPolicy: z.boolean(),
  })
  .transform(({ initialBudget, unitId, ...rest }) => ({ ...rest, unitId: unitId as number, initialBudgetFen: initialBudget }));

export const projectsCalls = {
  'units.list': read<UnitRow[]>()(z.object({ year }), '预算单位及其在该年度的项目数与预算'),
  'units.create': write<UnitRow>()(unitFields, '新增预算单位'),
  'units.update': write<UnitRow>()(unitFields.extend({ id: id('单位') }), '修改预算单位'),
  'projects.list': read<ProjectRow[]>()(z.object({ year }), '某年度的全部项目'),
  'projects.dossier': read<ProjectDossier>()(
    z.object({ id: id('项目') }),
    '项目页：项目的基本信息、绩效目标与会审、事前评估、监控、整改、评价、结果应用和操作记录数',
  ),
  'projects.create': write<ProjectRow>()(projectFields, '新增项目'),
  'projects.update': write<ProjectRow>()(z.intersection(projectFields, z.object({ id: id('项目') })), '修改项目'),
  // Declared as a write: the preview runs the whole import in a transaction it rolls back, so it needs the writable connection.
  'projects.importPreview': write<ImportPreviewOutcome<ProjectImportPreview>>()(
    z.object({ year }),
    '选择单位和项目工作簿并预览导入结果（试导入后回滚，台账不变）',
    OPEN_SPREADSHEET,
  ),
  'projects.importCommit': write<ProjectImportResult>()(
    z.object({ year, fileId: z.string().uuid('导入文件标识无效，请重新选择文件') }),
    '按预览结果导入（全部成功或全部不写入）',
  ),
  'projectTypes.list': read<ProjectTypeRow[]>()(nothing, '本局的项目类型及各类型的项目数'),
  'projectTypes.create': write<ProjectTypeRow>()(z.object({ name: projectTypeName }), '新增项目类型'),
  'projectTypes.rename': write<ProjectTypeRow>()(
    z.object({ id: id('项目类型'), name: projectTypeName }),
    '项目类型改名（使用该类型的项目随之改名）',
  ),
  'projectTypes.setRetired': write<ProjectTypeRow>()(z.object({ id: id('项目类型'), retired: z.boolean() }), '停用或恢复使用项目类型'),
  'projects.export': read<SaveOutcome<{ projectCount: number; totalFen: number }>>()(
    z.object({ year }),
    '导出年度项目清单（带格式的 xlsx，可再导入）',
    SAVE_XLSX,
  ),
} as const;
