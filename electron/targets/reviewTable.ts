/**
 * A review party's own 会审意见表: one table listing many projects, as finance, a 主管部门 or a unit sends
 * it back — a title ("2024年度项目绩效目标三方联合会审意见表"), 单位：万元 in the title, below it or
 * nowhere, 主管部门/单位 merged down or written once and blank below, a numbering column, the header again
 * after each page break, 小计 rows per department and a 合计 row with 项目数 and 金额. Each project row
 * gives a conclusion (通过, 修改后通过 … read through rules/reviewConclusions.ts) or the four dimension
 * grades, and an opinion; it becomes that party's opinion in the project's open round.
 *
 * The table is found by its names (formats/findTable.ts); projects are matched by 项目代码, else by
 * 单位 (or 主管部门) and 项目名称, else by a name no other project has. The printed figures are checked in
 * reviewTableFigures.ts.
 */
import { cellText, findTable, type ColumnSpec, type FoundColumn, type SkippedRow, type TableRow } from '../formats/findTable';
import { cellIssue, type IssueSource } from '../formats/importIssue';
import type { CellValue, SheetGrid, WorkbookGrid } from '../formats/readWorkbook';
import { REVIEW_DIMENSIONS, suggestCombinedGrade, type ReviewDimension } from '../rules/jointReview';
import { normaliseLabel } from '../rules/labels';
import { conclusionOf, conclusionWordingsText, gradeOfWording } from '../rules/reviewConclusions';
import type { ServiceContext } from '../ledger/context';
import { listYears } from '../ledger/years';
import { listTargets, type TargetListRow } from './targetList';
import { duplicateProblem, lengthProblems, openRoundOf, partyOf, settleOpinion } from './reviewOpinionChecks';
import { checkTableFigures, countedTotalKind, type AmountLine } from './reviewTableFigures';
import type { ReviewSheetPlan, ReviewSheetPreview } from './reviewSheet';
import type { ReviewParty } from '../../db/vocabulary';

const DIMENSIONS = Object.keys(REVIEW_DIMENSIONS) as ReviewDimension[];

/** The columns of a party's table; only 项目名称 is required (and one of 会审结论, 会审意见 or the grades). */
export const REVIEW_TABLE_COLUMNS: readonly ColumnSpec[] = [
  { key: 'no', label: '序号', names: ['编号'], required: false },
  { key: 'department', label: '主管部门', names: ['主管单位', '主管部门名称', '部门名称', '归口部门'], required: false },
  {
    key: 'unit',
    label: '预算单位',
    names: ['单位', '单位名称', '实施单位', '预算单位名称', '项目单位', '申报单位', '项目实施单位'],
    required: false,
  },
  { key: 'code', label: '项目代码', names: ['项目编码', '项目编号'], required: false },
  { key: 'name', label: '项目名称', names: ['项目名', '项目'], required: true },
  {
    key: 'amount',
    label: '预算金额',
    names: [
      '金额',
      '预算数',
      '年初预算数',
      '年初预算',
      '预算资金',
      '项目资金',
      '资金总额',
      '年度资金总额',
      '申报金额',
      '申请金额',
      '资金规模',
    ],
    required: false,
    money: true,
  },
  { key: 'party', label: '会审方', names: ['会审单位', '审核方', '评审方'], required: false },
  { key: 'reviewer', label: '审核人', names: ['会审人', '评审人', '审核人员'], required: false },
  ...DIMENSIONS.map((d) => ({ key: d, label: REVIEW_DIMENSIONS[d], names: [], required: false })),
  {
    key: 'conclusion',
    label: '会审结论',
    names: ['结论', '审核结论', '会审结果', '评审结论', '审核结果', '综合评定', '评定结论', '会审等级', '综合等级'],
    required: false,
  },
  {
    key: 'opinion',
    label: '会审意见',
    names: ['修改意见', '会审意见及修改建议', '审核意见', '意见', '意见建议', '修改建议', '主要问题及修改意见', '会审意见及建议'],
    required: false,
  },
];

/** "会审方：财政局", "审核单位（盖章）：轮台县财政局" — who gave the table's opinions, above or below it. */
const PARTY_LINE = /^(?:会审方|会审单位|审核单位|审核方|评审单位|评审方)(?:\([^)]*\))?[:：](.+)$/;

export interface ReviewTableInput {
  book: WorkbookGrid;
  sheet: SheetGrid;
  source: IssueSource;
  /** The party chosen at import, for a table that names none. */
  party: ReviewParty | null;
  preview: ReviewSheetPreview;
  /** Target and party → where its opinion was read, across the file. */
  seen: Map<string, string>;
}

/**
 * Reads `sheet` as a party's table into `preview`; false when it is not one (no 项目名称 column beside a
 * 会审结论, 会审意见 or grade column), so the caller can read it as an exported sheet.
 */
export function readReviewTable(ctx: ServiceContext, t: ReviewTableInput): boolean {
  const table = findTable({ ...t.book, sheets: [t.sheet] }, REVIEW_TABLE_COLUMNS);
  if (!table.ok) return false;
  const col = table.columns;
  const dims = DIMENSIONS.filter((d) => col[d]);
  if (!col.conclusion && !col.opinion && dims.length === 0) return false;

  const { source, preview, sheet } = t;
  const issue = (row: number | null, column: FoundColumn | null, value: CellValue, problem: string) =>
    cellIssue(source, row, column, cellText(value) || null, problem);
  const bad = (row: number | null, column: FoundColumn | null, value: CellValue, problem: string) =>
    preview.errors.push({ ...issue(row, column, value, problem), sheet: source.sheet });
  const warn = (row: number | null, column: FoundColumn | null, value: CellValue, problem: string) =>
    preview.warnings.push({ ...issue(row, column, value, problem), sheet: source.sheet });

  if (dims.length > 0 && dims.length < DIMENSIONS.length) {
    const missing = DIMENSIONS.filter((d) => !col[d]).map((d) => `“${REVIEW_DIMENSIONS[d]}”`);
    bad(
      table.headerRow,
      null,
      null,
      `表头有${dims.map((d) => `“${REVIEW_DIMENSIONS[d]}”`).join('')}列，却缺少${missing.join('、')}列。四个维度请都评价，或都不列、只写“会审结论”。`,
    );
    return true;
  }

  const { rows, skipped } = withCountedTotals(sheet, table.rows, table.skipped);
  const titleYear = yearAbove(sheet, table.headerRow);
  const years = listYears(ctx).map((y) => y.year);
  if (titleYear !== null && !years.includes(titleYear)) {
    bad(null, null, null, `表格标题写的是 ${titleYear} 年度，台账中没有这个年度。请核对是否选错了文件或台账。`);
    return true;
  }
  const lookup = targetLookup(ctx, titleYear !== null ? [titleYear] : years);
  const sheetParty = partyLine(sheet, col.name!.index);
  const reported = new Set<string>();

  let department = '';
  let unit = '';
  const lines: AmountLine[] = [];
  const projectRows: number[] = [];
  let headings = 0;
  for (const r of rows) {
    const text = (key: string) =>
      cellText(r.cells[key] ?? null)
        .replace(/\s*\n\s*/g, '')
        .trim();
    // Written once and blank below (without a merge): a 主管部门 or 单位 holds until the next one.
    department = text('department') || department;
    unit = text('unit') || unit;
    const name = text('name');
    const code = text('code');
    const given = ['conclusion', 'opinion', 'party', 'reviewer', ...dims].some((k) => text(k) !== '');
    if (!name && !code && !given) {
      headings++; // a group heading ("一、轮台县教育局") or a numbering row
      continue;
    }
    projectRows.push(r.rowNumber);
    const plan: ReviewSheetPlan = {
      sheet: sheet.name,
      row: r.rowNumber,
      action: 'error',
      targetId: null,
      name: name || null,
      roundNo: null,
      party: null,
      reviewer: text('reviewer') || null,
      grades: {},
      conclusion: null,
      opinion: cellText(r.cells.opinion ?? null)
        .replace(/\r\n?/g, '\n')
        .trim(),
    };
    preview.sheets.push(plan);
    const errorsBefore = preview.errors.length;
    const line: AmountLine = { rowNumber: r.rowNumber, cell: r.cells.amount ?? null, ledger: null };
    lines.push(line);

    const found = lookup.match(code, name, unit, department);
    if ('problem' in found) {
      bad(r.rowNumber, code && !name ? col.code! : col.name!, code && !name ? code : name, found.problem);
      continue;
    }
    const target = found.row;
    plan.name = target.name;
    const round =
      target.targetId && target.status !== 'none' ? openRoundOf(ctx, { id: target.targetId, status: target.status }, target.name) : null;
    if (!round || 'problem' in round) {
      bad(r.rowNumber, col.name!, name, round?.problem ?? `“${target.name}”还没有绩效目标，没有进行中的会审，不能录入会审意见。`);
      continue;
    }
    const { open } = round;
    Object.assign(plan, { targetId: target.targetId, roundNo: open.roundNo });
    line.ledger = { annualTotalFen: open.snapshot.annualTotalFen, budgetFen: target.budgetFen };

    // Who gave the opinion: the row's 会审方, else the line above or below the table, else the choice.
    const written = text('party') || sheetParty?.text || '';
    const { party, problem } = partyOf(written, t.party);
    if (problem) {
      const at = text('party') ? { row: r.rowNumber, column: col.party! } : sheetParty ? { row: sheetParty.row, column: null } : null;
      const key = `${at?.row}:${problem}`;
      if (at?.column || !reported.has(key)) bad(at?.row ?? null, at?.column ?? null, written, problem);
      reported.add(key);
    }
    plan.party = party;
    const duplicate = party && duplicateProblem(t.seen, target.targetId!, party, `工作表“${sheet.name}”第 ${r.rowNumber} 行`);
    if (duplicate) bad(r.rowNumber, col.name!, name, duplicate);

    readGrades(
      plan,
      text,
      col,
      dims,
      (column, value, problem) => bad(r.rowNumber, column, value, problem),
      (column, value, problem) => warn(r.rowNumber, column, value, problem),
    );
    for (const p of lengthProblems(plan)) bad(r.rowNumber, col[p.field] ?? null, p.field === 'reviewer' ? plan.reviewer : null, p.problem);
    // Without a party (reported once for the sheet) nothing is settled either.
    if (preview.errors.length > errorsBefore || !party) continue;
    const replaced = settleOpinion(plan, open);
    if (replaced) warn(r.rowNumber, col.name!, name, replaced);
  }

  const figures = checkTableFigures({
    sheet,
    source,
    amount: col.amount,
    headerRow: table.headerRow,
    nameIndex: col.name!.index,
    lines,
    projectRows,
    skipped,
  });
  preview.warnings.push(...figures.warnings.map((w) => ({ ...w, sheet: source.sheet })));
  const skippedText = skippedSummary(skipped, headings);
  const note = [`表头在第 ${table.headerRow} 行，读到 ${projectRows.length} 个项目。`, figures.note, skippedText].filter(Boolean).join('');
  preview.notes.push({ sheet: sheet.name, note });
  if (projectRows.length === 0) bad(table.headerRow, null, null, '表头下面没有读到任何项目行。请确认表中填写了项目名称和会审意见。');
  return true;
}

/**
 * The grades of a row: the four dimension cells when the table has them (a 会审结论 beside them is
 * compared with their mean), else the 会审结论 for all four, else a conclusion leading the 会审意见
 * ("修改后通过。建议…").
 */
function readGrades(
  plan: ReviewSheetPlan,
  text: (key: string) => string,
  col: Record<string, FoundColumn>,
  dims: ReviewDimension[],
  bad: (column: FoundColumn | null, value: string | null, problem: string) => void,
  warn: (column: FoundColumn, value: string, problem: string) => void,
): void {
  const conclusionText = text('conclusion');
  const accepted = `可写：${conclusionWordingsText()}。`;
  let conclusion = col.conclusion && conclusionText ? conclusionOf(conclusionText) : null;
  if (col.conclusion && conclusionText && !conclusion) bad(col.conclusion, conclusionText, `“${conclusionText}”不是会审结论。${accepted}`);
  if (dims.length) {
    for (const d of dims) {
      const t = text(d);
      const grade = gradeOfWording(t);
      if (!t) bad(col[d]!, null, `请填写${REVIEW_DIMENSIONS[d]}的评价：优、良、中 或 差。`);
      else if (!grade) bad(col[d]!, t, `“${t}”不是有效的评价，${REVIEW_DIMENSIONS[d]}请填写 优、良、中 或 差。`);
      else plan.grades[d] = grade;
    }
    const mean = dims.every((d) => plan.grades[d]) ? suggestCombinedGrade([plan.grades]) : null;
    if (conclusion && mean && conclusion.grade !== mean) {
      const given = dims.map((d) => plan.grades[d]).join('、');
      warn(
        col.conclusion!,
        conclusionText,
        `会审结论“${conclusionText}”（${conclusion.grade}）与四个维度的评价（${given}，综合为${mean}）不一致。按四个维度的评价录入，请核对。`,
      );
    }
    return;
  }
  if (!col.conclusion) {
    conclusion = conclusionOf(plan.opinion, true);
    if (!conclusion) {
      bad(
        col.opinion ?? null,
        plan.opinion || null,
        plan.opinion
          ? `会审意见没有以会审结论开头，无法确定评价。请在意见前写明结论（如“修改后通过。……”），或加一列“会审结论”。${accepted}`
          : `请填写会审意见，并以会审结论开头（如“通过”“修改后通过。……”）。`,
      );
      return;
    }
    plan.opinion = conclusion.rest;
  } else if (!conclusion) {
    if (!conclusionText) bad(col.conclusion, null, `请填写会审结论。${accepted}`);
    return;
  }
  plan.conclusion = conclusion.wording;
  for (const d of DIMENSIONS) plan.grades[d] = conclusion.grade;
}

/** The year a title above the header names ("2024年度…"), or null. */
function yearAbove(sheet: SheetGrid, headerRow: number): number | null {
  for (let r = 0; r < headerRow - 1; r++)
    for (const v of sheet.rows[r] ?? []) {
      const m = /((?:19|20)\d{2})\s*年/.exec(cellText(v).normalize('NFKC'));
      if (m) return Number(m[1]);
    }
  return null;
}

/** The 会审方 named on a line above or below the table ("会审方：财政局"), never on a project's row; and where. */
function partyLine(sheet: SheetGrid, nameIndex: number): { text: string; row: number } | null {
  for (let r = 0; r < sheet.rows.length; r++) {
    if (cellText(sheet.rows[r]?.[nameIndex]) !== '') continue;
    for (const v of sheet.rows[r] ?? []) {
      const m = PARTY_LINE.exec(cellText(v).normalize('NFKC').replace(/\s+/g, ''));
      if (m) return { text: m[1]!, row: r + 1 };
    }
  }
  return null;
}

/**
 * Rows whose label carries a count ("合计（12个项目）") read as data by findTable: moved to the skipped
 * total rows, where their figures are checked.
 */
function withCountedTotals(sheet: SheetGrid, rows: TableRow[], skipped: SkippedRow[]): { rows: TableRow[]; skipped: SkippedRow[] } {
  const kept: TableRow[] = [];
  const totals = [...skipped];
  for (const r of rows) {
    const texts = (sheet.rows[r.rowNumber - 1] ?? []).map((v) => cellText(v)).filter(Boolean);
    const kind = texts.map(countedTotalKind).find((k) => k !== null);
    if (!kind) kept.push(r);
    else
      totals.push({
        rowNumber: r.rowNumber,
        kind,
        reason: kind === 'total' ? '合计行，不作为项目导入' : '小计行，不作为项目导入',
        text: texts.join(' ').slice(0, 40),
        cells: r.cells,
      });
  }
  return { rows: kept, skipped: totals.sort((a, b) => a.rowNumber - b.rowNumber) };
}

function skippedSummary(skipped: readonly SkippedRow[], headings: number): string {
  const n = (kind: SkippedRow['kind']) => skipped.filter((s) => s.kind === kind).length;
  const parts = [
    n('total') ? `合计行 ${n('total')} 行` : '',
    n('subtotal') ? `小计行 ${n('subtotal')} 行` : '',
    n('header') ? `重复的表头 ${n('header')} 行` : '',
    headings ? `其他文字行（分组标题、说明等） ${headings} 行` : '',
  ].filter(Boolean);
  return parts.length ? `未作为项目读取：${parts.join('、')}。` : '';
}

interface Lookup {
  match(code: string, name: string, unit: string, department: string): { row: TargetListRow } | { problem: string };
}

/** The years' projects and 部门整体 targets, found by 项目代码, else by name within a unit or department. */
function targetLookup(ctx: ServiceContext, years: number[]): Lookup {
  const all = years.flatMap((year) => listTargets(ctx, { year }));
  const byCode = new Map<string, TargetListRow[]>();
  const byName = new Map<string, TargetListRow[]>();
  for (const r of all) {
    if (r.projectCode) byCode.set(r.projectCode.trim(), [...(byCode.get(r.projectCode.trim()) ?? []), r]);
    const key = normaliseLabel(r.name);
    byName.set(key, [...(byName.get(key) ?? []), r]);
  }
  const yearText = years.length === 1 ? ` ${years[0]} 年度` : '';
  return {
    match(code, name, unit, department) {
      const coded = code ? (byCode.get(code) ?? []) : [];
      let list = coded.length ? coded : name ? (byName.get(normaliseLabel(name)) ?? []) : [];
      if (!coded.length) {
        for (const owner of [unit, department].map(normaliseLabel).filter(Boolean)) {
          const narrowed = list.filter((r) => normaliseLabel(r.unitName) === owner || normaliseLabel(r.departmentName) === owner);
          if (narrowed.length) {
            list = narrowed;
            break;
          }
        }
      }
      if (list.length > 1) list = list.filter((r) => r.status === 'inReview').length ? list.filter((r) => r.status === 'inReview') : list;
      if (list.length === 1) return { row: list[0]! };
      if (list.length > 1)
        return {
          problem: `台账中有 ${list.length} 个名为“${name}”的项目（${list.map((r) => r.unitName).join('、')}），无法确定是哪一个。请填写项目代码或预算单位。`,
        };
      const what = [code ? `项目代码为“${code}”的项目` : null, name ? `项目“${name}”` : null].filter(Boolean).join('，也没有');
      return { problem: `台账${yearText}中没有${what}。请核对项目代码和项目名称（应与台账中的项目一致）。` };
    },
  };
}
