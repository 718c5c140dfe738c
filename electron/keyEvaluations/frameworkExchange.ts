/**
 * 评价指标体系 by Excel: any framework (an evaluation's or a template) out as a styled workbook, and a
 * framework workbook in — as an evaluation's framework, or as a new template of the bureau's. Third-party
 * institutions and other counties send their frameworks as Excel tables, laid out as printed: 一级/二级
 * written once and left blank (or merged) below, "一、决策（20分）" or "A决策15分" with its weight in the
 * name, 分值 as "3分", a 权重 column at 一级 level, no 编号 column, 小计 and 合计 rows. All of that is read
 * (frameworkTable.ts); every bad cell is listed by sheet, row and column, then what checkFramework finds
 * (at the cell it came from where it concerns one), and nothing is written unless the whole framework is
 * usable. Each printed weight, label or 小计/合计 that disagrees with the 三级 points it covers is a
 * warning at its cell, with both figures; the framework takes what the points add up to.
 *
 * Trust: `bytes` is a file the user picked (dialog, upload or command line); bounded by readWorkbook.
 */
import { ImportRejected, type ImportIssue } from '../formats/importIssue';
import { addTableSheet, newWorkbook, workbookBytes, type SheetColumn } from '../formats/styledWorkbook';
import { sumHundredths, type Framework, type FrameworkIndicator } from '../rules/keyEvaluationScore';
import type { ServiceContext } from '../ledger/context';
import { createTemplateFromFramework, findFrameworkTemplate, type FrameworkTemplateRow } from './frameworkTemplates';
import { readFrameworkTable } from './frameworkTable';
import { getKeyEvaluation, type KeyEvaluationView } from './keyEvaluations';
import { saveImportedFramework } from './keyEvaluationFramework';
import { safeFileName } from '../formats/fileNames';
import { LedgerError } from '../../db/ledgerError';

/** The accepted header wordings, one table for the import and the review (frameworkTable.ts). */
export { FRAMEWORK_COLUMNS } from './frameworkTable';

export interface FrameworkImportPreview {
  kind: 'framework';
  fileName: string;
  sheet: string | null;
  headerRow: number | null;
  /** The title above the table ("××项目绩效评价指标体系"), offered as the template's name. */
  title: string | null;
  level1: { name: string; weight: number; level2Count: number; indicatorCount: number; points: number; row: number }[];
  indicatorCount: number;
  /** For an evaluation: experts' scores on indicators (by 编号) the imported framework does not have. */
  droppedScores: number;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  canCommit: boolean;
}

export interface FrameworkExport {
  fileName: string;
  bytes: Buffer;
  indicatorCount: number;
}

// ---------------------------------------------------------------------------------------------------
// Out

interface Line {
  level1: string;
  weight: number;
  level2: string;
  indicator: FrameworkIndicator;
}

/** An evaluation's or a template's framework as a workbook in the columns the import reads. */
export async function exportFramework(
  ctx: ServiceContext,
  input: { evaluationId?: number | null; templateId?: string | null },
): Promise<FrameworkExport> {
  let name: string;
  let framework: Framework;
  if (input.evaluationId != null) {
    const view = getKeyEvaluation(ctx, { id: input.evaluationId });
    name = `${view.name}绩效评价指标体系`;
    framework = view.framework;
  } else {
    const template = input.templateId ? findFrameworkTemplate(ctx, input.templateId) : null;
    if (!template) throw new LedgerError('template_missing', '该指标体系模板不存在，请刷新后重试。');
    name = template.name;
    framework = template.framework;
  }
  if (framework.length === 0) throw new LedgerError('framework_empty', '尚未设置评价指标体系，没有可导出的内容。');
  const lines: Line[] = framework.flatMap((l1) =>
    l1.level2.flatMap((l2) => l2.indicators.map((indicator) => ({ level1: l1.name, weight: l1.weight, level2: l2.name, indicator }))),
  );
  const columns: SheetColumn<Line>[] = [
    { header: '一级指标', width: 10, kind: 'text', value: (r) => r.level1 },
    { header: '一级权重', width: 9, kind: 'decimal', value: (r) => r.weight },
    { header: '二级指标', width: 14, kind: 'text', value: (r) => r.level2 },
    { header: '编号', width: 8, kind: 'text', value: (r) => r.indicator.code },
    { header: '三级指标', width: 22, kind: 'text', value: (r) => r.indicator.name },
    { header: '分值', width: 8, kind: 'decimal', value: (r) => r.indicator.points, total: true },
    { header: '评分标准', width: 60, kind: 'text', value: (r) => r.indicator.rule, wrap: true },
    { header: '计算公式', width: 36, kind: 'text', value: (r) => r.indicator.formula ?? '', wrap: true },
  ];
  const workbook = newWorkbook();
  workbook.created = ctx.now();
  workbook.modified = ctx.now();
  const weights = framework.map((l) => `${l.name} ${l.weight}`).join('，');
  addTableSheet(workbook, {
    name: '评价指标体系',
    title: name,
    note: `一级权重：${weights}；共 ${lines.length} 项三级指标`,
    columns,
    rows: lines,
    totalLabel: '合计',
  });
  return { fileName: safeFileName(`${name}.xlsx`), bytes: await workbookBytes(workbook), indicatorCount: lines.length };
}

// ---------------------------------------------------------------------------------------------------
// In

export function previewEvaluationFrameworkImport(
  ctx: ServiceContext,
  input: { id: number; fileName: string; bytes: Uint8Array },
): FrameworkImportPreview {
  const view = getKeyEvaluation(ctx, { id: input.id });
  const { preview, framework } = readFrameworkWorkbook(input.fileName, input.bytes);
  if (framework) {
    const codes = new Set(framework.flatMap((l1) => l1.level2.flatMap((l2) => l2.indicators.map((i) => i.code))));
    preview.droppedScores = view.scores.filter((s) => !codes.has(s.indicatorCode)).length;
  }
  return preview;
}

/** Replaces the evaluation's framework with the workbook's, all or nothing (keyEvaluations' own checks apply). */
export function commitEvaluationFrameworkImport(
  ctx: ServiceContext,
  input: { id: number; fileName: string; bytes: Uint8Array },
): KeyEvaluationView {
  const { preview, framework } = readFrameworkWorkbook(input.fileName, input.bytes);
  if (!preview.canCommit || !framework) throw new ImportRejected(input.fileName, preview.errors);
  return saveImportedFramework(ctx, { id: input.id, framework, fileName: input.fileName });
}

/** A new template of the bureau's from the workbook, named by the clerk. */
export function commitTemplateImport(
  ctx: ServiceContext,
  input: { fileName: string; bytes: Uint8Array; name: string; description: string },
): FrameworkTemplateRow {
  const { preview, framework } = readFrameworkWorkbook(input.fileName, input.bytes);
  if (!preview.canCommit || !framework) throw new ImportRejected(input.fileName, preview.errors);
  return createTemplateFromFramework(ctx, { name: input.name, description: input.description }, framework, `导入自：${input.fileName}`);
}

/**
 * Reads a framework table (frameworkTable.ts): the framework when it is usable, and the preview with
 * every issue either way. Each printed weight, label or 小计/合计 that disagrees with its rows is a
 * warning at its cell; the framework takes what the 三级 points add up to.
 */
export function readFrameworkWorkbook(
  fileName: string,
  bytes: Uint8Array,
): { preview: FrameworkImportPreview; framework: Framework | null } {
  const preview: FrameworkImportPreview = {
    kind: 'framework',
    fileName,
    sheet: null,
    headerRow: null,
    title: null,
    level1: [],
    indicatorCount: 0,
    droppedScores: 0,
    errors: [],
    warnings: [],
    canCommit: false,
  };
  const read = readFrameworkTable(fileName, bytes, { purpose: 'import' });
  if (!read.ok) {
    preview.errors.push(...read.issues);
    return { preview, framework: null };
  }
  const { table } = read;
  Object.assign(preview, { sheet: table.source.sheet, headerRow: table.found.headerRow, title: table.title });
  preview.level1 = table.framework.map((l1, i1) => {
    const indicators = l1.level2.flatMap((l2) => l2.indicators);
    return {
      name: l1.name,
      weight: l1.weight,
      level2Count: l1.level2.length,
      indicatorCount: indicators.length,
      points: sumHundredths(indicators.map((i) => i.points)) / 100,
      row: table.groups[i1]!.row,
    };
  });
  preview.indicatorCount = preview.level1.reduce((n, l) => n + l.indicatorCount, 0);
  preview.errors = [...table.errors, ...table.problems];
  preview.warnings = [...table.warnings, ...table.discrepancies.map((d) => d.issue)].sort(
    (a, b) => (a.row ?? Infinity) - (b.row ?? Infinity),
  );
  preview.canCommit = preview.errors.length === 0;
  return { preview, framework: preview.canCommit ? table.framework : null };
}
