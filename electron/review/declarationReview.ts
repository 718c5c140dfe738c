/**
 * A 绩效目标申报表 under review. With a ledger and an open year it meets exactly what the importer's
 * preview meets (previewTargetImport: each sheet matched to its project or unit, every cell read and
 * checked, the 机审 checklist, all tried and rolled back); the preview's errors, warnings and failed
 * checks become findings. Without one (the command line given no --ledger, or a closed year) the
 * importer's own pieces read the table alone — header block, 资金情况, indicator rows (side-by-side
 * 中期/年度 sets as the importer cuts them), the checklist under the rules given — with no project to
 * match and no indicator library to link to (so no 预算支出标准 to hold 成本 indicators to). A failed
 * check the importer already lists at its cell (a 年度资金总额 slip) is listed there only.
 */
import { cellText, findTable } from '../formats/findTable';
import { findMarker } from '../formats/formSheet';
import { locationText, type TableFinding } from '../formats/importIssue';
import { columnLetter, type SheetGrid, type WorkbookGrid } from '../formats/readWorkbook';
import type { ServiceContext } from '../ledger/context';
import { requireYear } from '../ledger/years';
import type { RuleSet } from '../rules/ruleSet';
import { DECLARATION_LABELS, type DeclarationLabel } from '../targets/declarationLabels';
import { parseTemplateId, TEMPLATE_ID } from '../targets/declarationId';
import { readSheetFunds } from '../targets/declarationFunds';
import { checkText, listedAtCell, sheetChecks } from '../targets/declarationPlan';
import { sheetIssue, sheetSubject, TARGET_INDICATOR_COLUMNS, type HeaderBlock, type SheetIssue } from '../targets/declarationSheet';
import { readFormFields } from '../targets/formFields';
import { findIndicatorTable } from '../targets/indicatorGroups';
import { readIndicatorRows, type IndicatorLibrary } from '../targets/indicatorRows';
import { previewTargetImport } from '../targets/targetImport';

export interface DeclarationReview {
  /** The declaration sheets read. */
  sheets: string[];
  findings: TableFinding[];
  /** Whether the sheets were matched against the ledger's projects and indicator library. */
  againstLedger: boolean;
}

/** True when some sheet has an indicator table headed like a declaration's (二级指标, 三级指标, 指标值). */
export function looksLikeDeclaration(book: WorkbookGrid): boolean {
  return book.sheets.some((sheet) => findTable({ ...book, sheets: [sheet] }, TARGET_INDICATOR_COLUMNS).ok);
}

export function reviewDeclaration(
  book: WorkbookGrid,
  bytes: Uint8Array,
  rules: RuleSet,
  ledger: { ctx: ServiceContext; year: number } | null,
): DeclarationReview {
  if (ledger && requireYear(ledger.ctx, ledger.year).status !== 'closed') {
    const preview = previewTargetImport(ledger.ctx, { year: ledger.year, fileName: book.fileName, bytes });
    const checked = new Set(preview.sheets.filter((s) => s.failedChecks.length).map((s) => s.sheet));
    const findings = [
      ...preview.errors,
      // The importer sums a sheet's failed checks up in one warning; the review lists each check instead.
      ...preview.warnings.filter((w) => !(checked.has(w.sheet ?? '') && w.message.includes('机审'))),
    ].map(issueFinding);
    for (const plan of preview.sheets) {
      const sheet = book.sheets.find((s) => s.name === plan.sheet);
      // A check the warnings already place at its cell, with both figures, is listed there only.
      for (const text of plan.failedChecks) if (!plan.checksAtCells.includes(text)) findings.push(checkFinding(book, sheet, text));
    }
    return { sheets: preview.sheets.map((s) => s.sheet), findings, againstLedger: true };
  }
  const findings: TableFinding[] = [];
  const sheets: string[] = [];
  for (const sheet of book.sheets) {
    const read = readAlone(book, sheet, rules);
    if (!read) continue;
    sheets.push(sheet.name);
    findings.push(...read.issues.map(issueFinding));
    if (!read.issues.some((i) => i.error)) for (const text of read.failed) findings.push(checkFinding(book, sheet, text));
  }
  return { sheets, findings, againstLedger: false };
}

/** No library to link 共性 indicators to: every indicator is read as the sheet writes it. */
const NO_LIBRARY: IndicatorLibrary = { libraryByName: new Map(), libraryById: new Map(), classNameById: new Map() };

/** One sheet read by the importer's pieces, without a ledger: its problems and the checks it fails, as worded. */
function readAlone(book: WorkbookGrid, sheet: SheetGrid, rules: RuleSet) {
  const table = findIndicatorTable(book, sheet);
  if (!table.ok) return null;
  const source = { fileName: book.fileName, sheet: book.format === 'text' ? null : sheet.name };
  const issues: (SheetIssue & { error: boolean })[] = [];
  const labelRows = table.top;
  const fields = readFormFields(sheet, DECLARATION_LABELS, 0, labelRows);
  const block: HeaderBlock = {
    sheet: sheet.name,
    first: (key) => fields.get(key)?.[0],
    text: (key) => {
      const f = fields.get(key)?.[0];
      return f ? cellText(f.value).replace(/\r\n?/g, '\n') : undefined;
    },
    bad: (place, value, problem) =>
      issues.push({ ...sheetIssue(source, place.row, place.column, cellText(value) || null, problem), error: true }),
    warn: (place, value, problem, figures) =>
      issues.push({ ...sheetIssue(source, place.row, place.column, cellText(value) || null, problem), ...figures, error: false }),
  };
  const marker = findMarker(sheet, TEMPLATE_ID);
  const subject = sheetSubject(sheet, block.first, marker ? parseTemplateId(marker.match) : null, true);
  if (!subject)
    block.bad(
      { row: table.headerRow, column: null },
      null,
      '有绩效指标表，但表头上方找不到“项目名称”“项目代码”或“部门（单位）名称”栏。请在指标表上方写明项目名称和项目代码（部门整体申报表写明部门（单位）名称）。',
    );
  const funds = readSheetFunds(fields, sheet, labelRows, null, 0, block);
  const { indicators } = readIndicatorRows(table, sheet.name, null, null, NO_LIBRARY, block, []);
  const goal = (key: DeclarationLabel) => block.text(key)?.trim() || null;
  const failed = sheetChecks(
    {
      subject: subject ?? 'project',
      annualGoal: goal('annualGoal') ?? '',
      midTermGoal: goal('midTermGoal'),
      mainTasks: goal('mainTasks'),
      funds: { totalFen: funds.annualTotalFen ?? 0, fiscalFen: funds.annualFiscalFen, otherFen: funds.annualOtherFen },
      indicators,
      mandatoryNames: [],
    },
    NO_LIBRARY,
    rules.targets,
  ).filter((c) => !c.ok && !listedAtCell(c, funds.slips));
  return { issues, failed: failed.map(checkText) };
}

/** An importer's issue as a finding; a total that disagrees with its parts carries both figures. */
function issueFinding(issue: SheetIssue): TableFinding {
  return {
    sheet: issue.sheet,
    row: issue.row,
    column: issue.column,
    printed: issue.printed ?? issue.value,
    computed: issue.computed ?? null,
    message: issue.message,
  };
}

/**
 * A failed 机审 check, placed at the first indicator it names (“参训人员满意度”为 75%) where the sheet has
 * that name, else on the sheet as a whole (a missing 满意度指标 has no cell).
 */
function checkFinding(book: WorkbookGrid, sheet: SheetGrid | undefined, text: string): TableFinding {
  const at = sheet
    ? firstCellNamed(
        sheet,
        [...text.matchAll(/“([^”]+)”/g)].map((m) => m[1]!),
      )
    : null;
  const named = sheet && book.format !== 'text' ? sheet.name : null;
  const where = `${locationText({ fileName: book.fileName, sheet: named }, at?.row ?? null, null)}${at ? ` ${at.column} 列` : ''}`;
  return {
    sheet: named,
    row: at?.row ?? null,
    column: at?.column ?? null,
    printed: null,
    computed: null,
    message: `${where}：机审未通过——${text}。请按申报要求修改后重新报送。`,
  };
}

/** The first cell holding one of the names (spaces ignored), trying the names in order. */
function firstCellNamed(sheet: SheetGrid, names: string[]): { row: number; column: string } | null {
  const bare = (t: string) => t.replace(/\s+/g, '');
  for (const name of names) {
    for (let r = 0; r < sheet.rows.length; r++) {
      const c = (sheet.rows[r] ?? []).findIndex((v) => bare(cellText(v)) === bare(name));
      if (c >= 0) return { row: r + 1, column: columnLetter(c) };
    }
  }
  return null;
}
