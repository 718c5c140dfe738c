/**
 * 绩效目标公开: the year's approved targets in the one uniform format the county portal publishes, one
 * sheet per unit (the portal posts each unit's tables on its page): the unit's 部门整体支出绩效目标表 first,
 * then a 项目支出绩效目标表 per project, each on its own printed page. A 目录 sheet lists the units.
 *
 * Only approved (已批复) and published (已公开) targets appear; 涉密单位 are left out entirely (not even
 * their names) and only counted in the result. Every text — project names included, however they
 * start (= + - @) — is written as a plain string, never a formula (styledWorkbook.ts).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { performanceTargets } from '../../db/schema';
import {
  addFormSheet,
  addTableSheet,
  fitRowHeight,
  formCell,
  newWorkbook,
  uniqueSheetNames,
  workbookBytes,
  type SheetColumn,
} from '../formats/styledWorkbook';
import { placeIndicator } from '../rules/indicatorRules';
import type { ServiceContext } from '../ledger/context';
import { LedgerError } from '../../db/ledgerError';
import { targetDetail, type TargetDetail, type TargetIndicatorRow } from './targetDetail';
import { listUnits } from '../projects/units';
import { ruleSetOf } from '../ledger/years';
import type { IndicatorLayout } from '../../db/vocabulary';

export interface TargetPublication {
  /** A suggested file name, e.g. "2023年度绩效目标公开表.xlsx". */
  fileName: string;
  bytes: Buffer;
  unitCount: number;
  projectTargets: number;
  departmentTargets: number;
  /** 涉密单位 with approved targets, left out, and how many targets that kept back. */
  excludedClassifiedUnits: number;
  excludedClassifiedTargets: number;
}

const PUBLISHABLE = ['approved', 'published'] as const;
/** Columns A–D: 一级, 二级, 三级, 指标值 (the header block uses them as label/value pairs). */
const WIDTHS = [16, 20, 38, 26] as const;
const ALL = WIDTHS.length;
const TEXT_WIDTH = WIDTHS.slice(1).reduce((a, b) => a + b, 0);

export async function exportTargetPublication(ctx: ServiceContext, input: { year: number }): Promise<TargetPublication> {
  const layout = ruleSetOf(ctx, input.year).indicatorLayout;
  const ids = ctx.ledger.db
    .select({ id: performanceTargets.id })
    .from(performanceTargets)
    .where(and(eq(performanceTargets.year, input.year), inArray(performanceTargets.status, [...PUBLISHABLE])))
    .all()
    .map((t) => t.id);
  const details = ids.map((id) => targetDetail(ctx, id));
  const hidden = details.filter((d) => d.classified);
  const shown = details.filter((d) => !d.classified);
  if (shown.length === 0) {
    throw new LedgerError(
      'nothing_to_publish',
      `${input.year} 年度还没有可公开的绩效目标（已批复或已公开）${hidden.length ? `；涉密单位的 ${hidden.length} 个目标不公开` : ''}。请先完成会审和批复。`,
    );
  }

  // Units in the ledger's order (主管部门, then its 所属单位); within a unit, projects by code.
  const unitOrder = new Map(listUnits(ctx, { year: input.year }).map((u, i) => [u.id, i]));
  const byUnit = new Map<number, TargetDetail[]>();
  for (const d of shown) byUnit.set(d.unitId, [...(byUnit.get(d.unitId) ?? []), d]);
  const units = [...byUnit.entries()].sort(([a], [b]) => (unitOrder.get(a) ?? 0) - (unitOrder.get(b) ?? 0));

  const workbook = newWorkbook();
  workbook.created = ctx.now();
  workbook.modified = ctx.now();
  interface IndexRow {
    department: string;
    unit: string;
    sheet: string;
    hasDepartment: boolean;
    projects: number;
    fen: number;
  }
  const names = uniqueSheetNames(
    units.map(([, targets]) => targets[0]!.unitName),
    ['目录'],
  );
  const index: IndexRow[] = units.map(([, targets], i) => {
    const projectTargets = targets.filter((t) => t.subject === 'project');
    return {
      department: targets[0]!.departmentName,
      unit: targets[0]!.unitName,
      sheet: names[i]!,
      hasDepartment: targets.some((t) => t.subject === 'department'),
      projects: projectTargets.length,
      fen: projectTargets.reduce((s, t) => s + t.annualTotalFen, 0),
    };
  });
  const indexColumns: SheetColumn<IndexRow>[] = [
    { header: '序号', width: 6, kind: 'integer', value: (_r, i) => i + 1 },
    { header: '主管部门', width: 34, kind: 'text', value: (r) => r.department },
    { header: '单位', width: 34, kind: 'text', value: (r) => r.unit },
    { header: '工作表', width: 31, kind: 'text', value: (r) => r.sheet },
    { header: '部门整体绩效目标', width: 10, kind: 'text', value: (r) => (r.hasDepartment ? '有' : '—') },
    { header: '项目支出绩效目标（个）', width: 12, kind: 'integer', value: (r) => r.projects, total: true },
    { header: '项目资金（万元）', width: 16, kind: 'money', value: (r) => r.fen, total: true },
  ];
  addTableSheet(workbook, {
    name: '目录',
    title: `${input.year}年度绩效目标公开表目录`,
    note: `共 ${units.length} 个单位`,
    columns: indexColumns,
    rows: index,
    totalLabel: '合计',
  });

  units.forEach(([, targets], u) => {
    const department = targets.filter((t) => t.subject === 'department');
    const projectTargets = targets
      .filter((t) => t.subject === 'project')
      .sort((a, b) => (a.projectCode ?? '').localeCompare(b.projectCode ?? '') || (a.projectName ?? '').localeCompare(b.projectName ?? ''));
    const sheet = addFormSheet(workbook, { name: names[u]!, widths: WIDTHS });
    let r = 1;
    for (const [i, t] of [...department, ...projectTargets].entries()) {
      // Each table on its own printed page.
      if (i > 0) {
        sheet.getRow(r - 1).addPageBreak();
        r++;
      }
      r =
        t.subject === 'department'
          ? writeDepartmentBlock(sheet, r, t, input.year, layout)
          : writeProjectBlock(sheet, r, t, input.year, layout);
    }
  });

  return {
    fileName: `${input.year}年度绩效目标公开表.xlsx`,
    bytes: await workbookBytes(workbook),
    unitCount: units.length,
    projectTargets: shown.filter((d) => d.subject === 'project').length,
    departmentTargets: shown.filter((d) => d.subject === 'department').length,
    excludedClassifiedUnits: new Set(hidden.map((d) => d.unitId)).size,
    excludedClassifiedTargets: hidden.length,
  };
}

type Sheet = Parameters<typeof formCell>[0];

function writeProjectBlock(sheet: Sheet, start: number, t: TargetDetail, year: number, layout: IndicatorLayout): number {
  let r = start;
  formCell(sheet, { row: r, col: 1, toCol: ALL }, `项目支出绩效目标表（${year}年度）`, 'title');
  sheet.getRow(r).height = 30;
  r++;
  formCell(sheet, { row: r, col: 1, toCol: ALL }, '金额单位：万元', 'note').alignment = { horizontal: 'right', vertical: 'middle' };
  r++;
  formCell(sheet, { row: r, col: 1 }, '项目名称', 'label');
  formCell(sheet, { row: r, col: 2, toCol: ALL }, t.projectName, 'value');
  fitRowHeight(sheet, r, t.projectName, TEXT_WIDTH, 22);
  r++;
  r = departmentAndUnit(sheet, r, t);
  r = fundsRows(sheet, r, t);
  r = textRow(sheet, r, '年度目标', t.annualGoal);
  return indicatorTable(sheet, r, t.indicators, layout);
}

function writeDepartmentBlock(sheet: Sheet, start: number, t: TargetDetail, year: number, layout: IndicatorLayout): number {
  let r = start;
  formCell(sheet, { row: r, col: 1, toCol: ALL }, `部门整体支出绩效目标表（${year}年度）`, 'title');
  sheet.getRow(r).height = 30;
  r++;
  formCell(sheet, { row: r, col: 1, toCol: ALL }, '金额单位：万元', 'note').alignment = { horizontal: 'right', vertical: 'middle' };
  r++;
  r = departmentAndUnit(sheet, r, t, '单位名称');
  r = fundsRows(sheet, r, t);
  r = textRow(sheet, r, '年度主要任务', t.mainTasks);
  r = textRow(sheet, r, '年度总体目标', t.annualGoal);
  return indicatorTable(sheet, r, t.indicators, layout);
}

function departmentAndUnit(sheet: Sheet, r: number, t: TargetDetail, unitLabel = '实施单位'): number {
  formCell(sheet, { row: r, col: 1 }, '主管部门', 'label');
  formCell(sheet, { row: r, col: 2 }, t.departmentName, 'value');
  formCell(sheet, { row: r, col: 3 }, unitLabel, 'label');
  formCell(sheet, { row: r, col: 4 }, t.unitName, 'value');
  sheet.getRow(r).height = 30;
  return r + 1;
}

function fundsRows(sheet: Sheet, r: number, t: TargetDetail): number {
  formCell(sheet, { row: r, col: 1, toRow: r + 1 }, '资金（万元）', 'label');
  formCell(sheet, { row: r, col: 2 }, '年度资金总额', 'label');
  formCell(sheet, { row: r, col: 3 }, '其中：财政拨款', 'label');
  formCell(sheet, { row: r, col: 4 }, '其他资金', 'label');
  formCell(sheet, { row: r + 1, col: 2 }, t.annualTotalFen, 'value', 'money');
  formCell(sheet, { row: r + 1, col: 3 }, t.annualFiscalFen, 'value', 'money');
  formCell(sheet, { row: r + 1, col: 4 }, t.annualOtherFen, 'value', 'money');
  sheet.getRow(r).height = 20;
  sheet.getRow(r + 1).height = 20;
  return r + 2;
}

function textRow(sheet: Sheet, r: number, label: string, text: string | null): number {
  formCell(sheet, { row: r, col: 1 }, label, 'label');
  formCell(sheet, { row: r, col: 2, toCol: ALL }, text, 'value');
  fitRowHeight(sheet, r, text, TEXT_WIDTH, 30);
  return r + 1;
}

function indicatorTable(sheet: Sheet, start: number, indicators: TargetIndicatorRow[], layout: IndicatorLayout): number {
  let r = start;
  ['一级指标', '二级指标', '三级指标', '指标值'].forEach((h, i) => formCell(sheet, { row: r, col: i + 1 }, h, 'header'));
  sheet.getRow(r).height = 22;
  r++;
  for (const i of indicators.filter((x) => x.period === 'annual')) {
    const at = placeIndicator(i.level1, i.level2, layout);
    [at.level1, at.level2, i.name, shownValue(i)].forEach((v, c) => formCell(sheet, { row: r, col: c + 1 }, v, 'value'));
    fitRowHeight(sheet, r, i.name, WIDTHS[2], 20);
    r++;
  }
  return r;
}

/** 指标值 as the portal shows it: operator, value and unit together ("≥500人次"); 定性 values as written. */
export function shownValue(i: Pick<TargetIndicatorRow, 'nature' | 'value' | 'unit'>): string {
  return i.nature === '定性' ? i.value : `${i.nature}${i.value}${i.unit ?? ''}`;
}
