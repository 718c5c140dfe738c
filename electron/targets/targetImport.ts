/**
 * 导入绩效目标申报表: filled 项目支出 and 部门整体支出绩效目标申报表 back into the ledger, one workbook per
 * unit or per project, in two steps like the other importers. `previewTargetImport` reads every sheet
 * that looks like a declaration (a header block naming 项目名称/项目代码, or 部门（单位）名称/年度主要任务,
 * an indicator table found by its column names), checks every cell, then tries the whole import
 * through createTarget and saveTarget inside a transaction that is always rolled back, so the preview
 * lists exactly what the commit would meet. `commitTargetImport` writes all sheets or none, in one
 * transaction.
 *
 * Matching: the 台账识别码 says whether a sheet is a project's or a unit's 部门整体 (a retyped sheet
 * goes by its labels or title). A project sheet is a project of the year by its 项目代码, else by
 * 实施单位 + 项目名称, else by the 台账识别码; a 部门整体 sheet is a budget unit by the 台账识别码, else by
 * its 部门（单位）名称. A project or unit without targets gets them created. A sheet whose content equals
 * the target's is left alone (no save, no audit entry), so re-importing a file changes nothing; a sheet
 * that would change a target under review or approved is refused, naming its status. Both kinds share
 * the funds, the indicator table and every check.
 *
 * Where the parts are: the sheet's layout in declarationSheet.ts, its funds in declarationFunds.ts, its
 * indicator table's 中期/年度 groups (side by side or stacked) in indicatorGroups.ts, its indicators in
 * indicatorRows.ts and indicatorCells.ts, whose it is in targetMatching.ts, the planned save in
 * declarationPlan.ts, the comparison with the ledger in targetDiff.ts.
 *
 * Trust: `bytes` is a file the user picked (dialog, upload or command line); bounded by readWorkbook.
 */
import { createHash } from 'node:crypto';
import { budgetUnits } from '../../db/schema';
import { fileIssue, ImportRejected, type IssueSource } from '../formats/importIssue';
import { readWorkbook } from '../formats/readWorkbook';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { listIndicatorClasses, listIndicators } from '../indicators/indicators';
import { LedgerError } from '../../db/ledgerError';
import { listProjects } from '../projects/projects';
import { requireOpenYear, ruleSetOf } from '../ledger/years';
import { createTarget, saveTarget } from './targets';
import { snapshotOf } from './targetDetail';
import { sheetIssue, type IndicatorKey, type SheetIssue, type SkippedIndicatorRow, type TargetSheetPlan } from './declarationSheet';
import { planSheet, type Env, type SheetWork } from './declarationPlan';
import { sameSnapshot } from './targetDiff';

export interface TargetImportInput {
  year: number;
  /** The picked file's name, for messages and the audit entry. */
  fileName: string;
  bytes: Uint8Array;
}

export interface TargetImportPreview {
  kind: 'targets';
  year: number;
  fileName: string;
  sheets: TargetSheetPlan[];
  /** Sheets that are not declarations (a 填报说明, an empty Sheet3), never read. */
  ignoredSheets: { sheet: string; reason: string }[];
  skippedRows: SkippedIndicatorRow[];
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  errors: SheetIssue[];
  warnings: SheetIssue[];
  canCommit: boolean;
}

export interface TargetImportResult {
  preview: TargetImportPreview;
  created: number;
  updated: number;
  unchanged: number;
}

export function previewTargetImport(ctx: ServiceContext, input: TargetImportInput): TargetImportPreview {
  requireOpenYear(ctx, input.year);
  const { preview, works } = analyse(ctx, input);
  runPlan(ctx, works, preview, input, false);
  return finish(preview);
}

/** Writes every sheet's targets in one transaction when nothing is wrong; otherwise refuses with every error. */
export function commitTargetImport(ctx: ServiceContext, input: TargetImportInput): TargetImportResult {
  requireOpenYear(ctx, input.year);
  const { preview, works } = analyse(ctx, input);
  runPlan(ctx, works, preview, input, preview.errors.length === 0);
  finish(preview);
  if (preview.errors.length > 0) throw new ImportRejected(input.fileName, preview.errors);
  return { preview, created: preview.toCreate, updated: preview.toUpdate, unchanged: preview.unchanged };
}

// ---------------------------------------------------------------------------------------------------

function analyse(ctx: ServiceContext, input: TargetImportInput): { preview: TargetImportPreview; works: SheetWork[] } {
  const preview: TargetImportPreview = {
    kind: 'targets',
    year: input.year,
    fileName: input.fileName,
    sheets: [],
    ignoredSheets: [],
    skippedRows: [],
    toCreate: 0,
    toUpdate: 0,
    unchanged: 0,
    errors: [],
    warnings: [],
    canCommit: false,
  };
  const book = readWorkbook(input.bytes, input.fileName);
  const projects = listProjects(ctx, { year: input.year });
  const library = listIndicators(ctx);
  const classes = listIndicatorClasses(ctx);
  const units = ctx.ledger.db.select({ id: budgetUnits.id, name: budgetUnits.name }).from(budgetUnits).all();
  const env: Env = {
    ctx,
    year: input.year,
    preview,
    targetRules: ruleSetOf(ctx, input.year).targets,
    byCode: new Map(projects.filter((p) => p.code).map((p) => [p.code!, p])),
    byUnitAndName: new Map(projects.map((p) => [`${p.unitName}\u0000${p.name}`, p])),
    byName: groupBy(projects, (p) => p.name),
    byId: new Map(projects.map((p) => [p.id, p])),
    unitById: new Map(units.map((u) => [u.id, u])),
    unitByName: new Map(units.map((u) => [u.name, u])),
    library,
    libraryByName: groupBy(
      library.filter((i) => i.retiredAt === null),
      (i) => i.name,
    ),
    libraryById: new Map(library.map((i) => [i.id, i])),
    classByName: new Map(classes.map((c) => [c.name, c.id])),
    classNameById: new Map(classes.map((c) => [c.id, c.name])),
    claimed: new Map(),
  };
  const works: SheetWork[] = [];
  for (const sheet of book.sheets) {
    const source: IssueSource = { fileName: input.fileName, sheet: book.format === 'text' ? null : sheet.name };
    const work = planSheet(env, sheet, source, book);
    if (work) works.push(work);
  }
  if (preview.sheets.length === 0 && preview.errors.length === 0) {
    preview.errors.push(
      fileIssue(
        input.fileName,
        '没有找到绩效目标申报表：没有一个工作表同时写有“项目名称”（或“项目代码”“部门（单位）名称”）和“三级指标”“指标值”等列。请确认选择的是填好的申报表。',
      ),
    );
  }
  return { preview, works };
}

/**
 * Runs the plan through createTarget and saveTarget in one transaction, each sheet in its own
 * savepoint so one refusal does not hide the next. A save that turns out to change nothing (the
 * service normalises what the pre-comparison could not) is rolled back, so it leaves no audit entry.
 */
function runPlan(ctx: ServiceContext, works: SheetWork[], preview: TargetImportPreview, input: TargetImportInput, commit: boolean): void {
  const rollback = new Error('rollback');
  const unchanged = new Error('unchanged');
  const pending = works.filter((w) => w.plan.action === 'create' || w.plan.action === 'update');
  if (pending.length === 0) return;
  try {
    inTransaction(ctx, () => {
      for (const w of pending) {
        try {
          inTransaction(ctx, () => {
            const id = w.targetId ?? createTarget(ctx, { year: input.year, ...w.owner }).id;
            const before = w.targetId != null ? snapshotOf(ctx, id) : null;
            saveTarget(ctx, { ...w.content, id });
            if (before && sameSnapshot(before, snapshotOf(ctx, id))) throw unchanged;
          });
        } catch (err) {
          if (err === unchanged) {
            Object.assign(w.plan, { action: 'unchanged', changes: [], note: '与台账中的绩效目标相同，不作修改' });
            continue;
          }
          if (!(err instanceof LedgerError)) throw err;
          w.plan.action = 'error';
          for (const [field, message] of Object.entries(err.fields ?? { _: err.message })) {
            const m = /^indicators\.(\d+)\.(\w+)$/.exec(field);
            const place = m
              ? {
                  row: w.indicatorPlaces[Number(m[1])]?.row ?? null,
                  column: w.indicatorPlaces[Number(m[1])]?.columns[m[2] as IndicatorKey] ?? null,
                }
              : (w.fieldPlaces[field] ?? w.fallback);
            preview.errors.push(
              sheetIssue(w.source, place.row, place.column, null, `${message.replace(/^第 \d+ 个指标：/, '')}。`.replace(/。。$/, '。')),
            );
          }
        }
      }
      if (!commit || preview.errors.length > 0) throw rollback;
      const created = works.filter((w) => w.plan.action === 'create').length;
      const updated = works.filter((w) => w.plan.action === 'update').length;
      if (created + updated > 0) {
        appendAudit(ctx, {
          action: 'import.targets',
          entity: 'fiscal_year',
          entityId: input.year,
          after: {
            fileName: input.fileName,
            sha256: createHash('sha256').update(input.bytes).digest('hex'),
            created,
            updated,
            unchanged: works.length - created - updated,
          },
        });
      }
    });
  } catch (err) {
    if (err !== rollback) throw err;
  }
}

function finish(preview: TargetImportPreview): TargetImportPreview {
  const order = new Map(preview.sheets.map((s, i) => [s.sheet, i]));
  const byPlace = (a: SheetIssue, b: SheetIssue) =>
    (order.get(a.sheet ?? '') ?? -1) - (order.get(b.sheet ?? '') ?? -1) || (a.row ?? 0) - (b.row ?? 0);
  preview.errors.sort(byPlace);
  preview.warnings.sort(byPlace);
  preview.toCreate = preview.sheets.filter((s) => s.action === 'create').length;
  preview.toUpdate = preview.sheets.filter((s) => s.action === 'update').length;
  preview.unchanged = preview.sheets.filter((s) => s.action === 'unchanged').length;
  preview.canCommit = preview.errors.length === 0;
  return preview;
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k) ?? [];
    list.push(item);
    map.set(k, list);
  }
  return map;
}
