/**
 * The export kinds of `export <类别>`: the year's reports and workbooks are the ones 导出到U盘 packages
 * (electron/exchange/packageKinds.ts, added there once); the forms sent out to units are below.
 */
import { LedgerError } from '../../db/ledgerError';
import type { ServiceContext } from '../../electron/ledger/context';
import { PACKAGE_KINDS } from '../../electron/exchange/packageKinds';
import { findUnitByName } from '../../electron/projects/units';
import { exportSelfEvaluationTemplate } from '../../electron/selfEvaluations/selfEvaluationTemplate';
import { exportReviewSheet } from '../../electron/targets/reviewSheetExport';
import { listTargets } from '../../electron/targets/targetList';
import { exportTargetTemplate } from '../../electron/targets/targetTemplate';

export interface ExportKind {
  doc: string;
  yearly: boolean;
  /** Takes --unit 单位名称 (limits the export to that unit). */
  byUnit?: boolean;
  run(ctx: ServiceContext, input: { year: number; unit: string | null }): Promise<{ bytes: Buffer; text: string; json: unknown }>;
}

export const exportKinds: Record<string, ExportKind> = {
  ...Object.fromEntries(
    Object.entries(PACKAGE_KINDS).map(([name, kind]): [string, ExportKind] => [
      name,
      { doc: kind.doc, yearly: kind.yearly, run: (ctx, input) => kind.run(ctx, input.year) },
    ]),
  ),
  'targets-template': {
    doc: '项目支出绩效目标申报表模板（每个项目一个工作表，每个单位另有一张部门整体申报表；--unit 只导出该单位的）',
    yearly: true,
    byUnit: true,
    async run(ctx, input) {
      const unit = input.unit ? requireUnit(ctx, input.unit) : null;
      const result = await exportTargetTemplate(ctx, { year: input.year, unitId: unit?.id ?? null });
      return {
        bytes: result.bytes,
        text: `${result.unitCount} 个单位 ${result.projectCount} 个项目的申报表（其中 ${result.prefilledTargets} 个已按台账中的绩效目标预填）和部门整体申报表 ${result.unitCount} 张（其中 ${result.prefilledDepartments} 张已预填）`,
        json: {
          projectCount: result.projectCount,
          unitCount: result.unitCount,
          prefilledTargets: result.prefilledTargets,
          prefilledDepartments: result.prefilledDepartments,
        },
      };
    },
  },
  'review-sheet': {
    doc: '会审中的绩效目标的会审意见表（供第三方机构等填写；--unit 只导出该单位的）',
    yearly: true,
    byUnit: true,
    async run(ctx, input) {
      const unit = input.unit ? requireUnit(ctx, input.unit) : null;
      const ids = listTargets(ctx, { year: input.year })
        .filter((t) => t.status === 'inReview' && t.targetId != null && (!unit || t.unitId === unit.id))
        .map((t) => t.targetId!);
      if (ids.length === 0)
        throw new LedgerError('nothing_in_review', `${unit ? `“${unit.name}”` : ''}${input.year} 年度没有会审中的绩效目标。`);
      const result = await exportReviewSheet(ctx, { targetIds: ids });
      return { bytes: result.bytes, text: `${result.targetCount} 个绩效目标的会审意见表`, json: { targetCount: result.targetCount } };
    },
  },
  'self-evaluation-template': {
    doc: '单位的项目支出绩效自评表模板（每个绩效目标已批复的项目一个工作表，按台账预填；须加 --unit 单位名称；尚无自评的项目同时新建自评）',
    yearly: true,
    byUnit: true,
    async run(ctx, input) {
      if (!input.unit) throw new LedgerError('unit_required', '自评表模板按单位导出，请加 --unit 单位名称。');
      const unit = requireUnit(ctx, input.unit);
      const result = await exportSelfEvaluationTemplate(ctx, { year: input.year, unitId: unit.id });
      return {
        bytes: result.bytes,
        text: `“${unit.name}”${result.formCount} 个项目的自评表（其中新建自评 ${result.created} 个）`,
        json: { formCount: result.formCount, created: result.created },
      };
    },
  },
};

function requireUnit(ctx: ServiceContext, name: string) {
  const unit = findUnitByName(ctx, name);
  if (!unit) throw new LedgerError('unit_missing', `台账中没有名为“${name}”的预算单位。请填写单位全称（可用 report summary 查看各单位）。`);
  return unit;
}
