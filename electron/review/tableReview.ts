/**
 * 表格审核: a unit's table checked before the bureau accepts it. The kind is recognised from the
 * workbook (a printed 重点评价评分表 with or without scores, or a 绩效目标申报表); every 小计, 合计 and
 * grade is recomputed with the year's rules by the readers the importers use, and each disagreement or
 * unreadable cell is a finding with its sheet and cell, to be sent back to the unit. Nothing is written:
 * the review reads the file and the ledger only.
 *
 * Trust: `bytes` is a file the user picked (dialog, upload or command line); bounded by readWorkbook.
 */
import type { TableFinding } from '../formats/importIssue';
import { readWorkbook } from '../formats/readWorkbook';
import type { ServiceContext } from '../ledger/context';
import { ruleSetOf } from '../ledger/years';
import { readPrintedScoreTable } from '../keyEvaluations/printedScoreTable';
import { DEFAULT_RULE_SET, type RuleSet } from '../rules/ruleSet';
import { looksLikeDeclaration, reviewDeclaration } from './declarationReview';
import { looksLikeSelfEvaluation, reviewSelfEvaluation } from './selfEvaluationReview';

export type ReviewedKind = 'keyEvaluationScores' | 'keyEvaluationFramework' | 'targetDeclaration' | 'selfEvaluation' | 'unknown';

/** The kinds as the bureau names them. */
const REVIEWED_KINDS: Record<ReviewedKind, string> = {
  keyEvaluationScores: '重点评价评分表（含得分）',
  keyEvaluationFramework: '重点评价指标体系表',
  targetDeclaration: '绩效目标申报表',
  selfEvaluation: '项目支出绩效自评表',
  unknown: '无法识别的表格',
};

export interface ReviewFinding extends TableFinding {
  /** Where to look, as Excel names it: "F12"; "第 12 行" without a column; null for the sheet or file as a whole. */
  cell: string | null;
  /** The message without its location, for tables that show the place in their own columns. */
  problem: string;
}

export interface ReviewSubtotal {
  level1: string;
  /** Null on a 一级's own line. */
  level2: string | null;
  points: number;
  /** Recomputed; null without scores. */
  score: number | null;
}

export interface TableReview {
  fileName: string;
  kind: ReviewedKind;
  kindLabel: string;
  /** The table's own title, as printed. */
  title: string | null;
  /** Which rules the figures were recomputed with, in words. */
  rules: string;
  /** What was read, in a sentence. */
  read: string;
  /** Recomputed; null without scores (a framework table, a declaration). */
  total: number | null;
  grade: string | null;
  subtotals: ReviewSubtotal[];
  findings: ReviewFinding[];
}

export interface TableReviewInput {
  fileName: string;
  bytes: Uint8Array;
  rules: RuleSet;
  /** The rules in words ("台账 2023 年度规则（版本 2023.1）"), repeated in the report. */
  rulesLabel: string;
  /** The ledger and year the table is for: a declaration is then matched to its project and the library. */
  ledger?: { ctx: ServiceContext; year: number } | null;
}

/** Reviews a table against a ledger's year: its rule set, projects and indicator library. */
export function reviewTableInYear(ctx: ServiceContext, input: { year: number; fileName: string; bytes: Uint8Array }): TableReview {
  const rules = ruleSetOf(ctx, input.year);
  return reviewTable({
    ...input,
    rules,
    rulesLabel: `台账 ${input.year} 年度规则（版本 ${rules.version}）`,
    ledger: { ctx, year: input.year },
  });
}

/** Reviews a table on its own, with the default rules (no ledger named). */
export function reviewTableWithDefaults(input: { fileName: string; bytes: Uint8Array }): TableReview {
  return reviewTable({
    ...input,
    rules: DEFAULT_RULE_SET,
    rulesLabel: `默认规则（版本 ${DEFAULT_RULE_SET.version}；未指定台账和年度，不对照台账中的项目和共性指标库）`,
  });
}

export function reviewTable(input: TableReviewInput): TableReview {
  const { fileName, bytes, rules } = input;
  const base = { fileName, rules: input.rulesLabel };
  const printed = readPrintedScoreTable(fileName, bytes, rules);
  if (printed) {
    const indicators = printed.framework?.flatMap((l1) => l1.level2.flatMap((l2) => l2.indicators)).length ?? 0;
    return {
      ...base,
      kind: printed.kind,
      kindLabel: REVIEWED_KINDS[printed.kind],
      title: printed.title,
      read: `${printed.sheet ? `工作表“${printed.sheet}”，` : ''}${printed.framework ? `${printed.framework.length} 个一级指标、${indicators} 项三级指标` : '未能读出指标体系'}`,
      total: printed.total,
      grade: printed.grade,
      subtotals: printed.subtotals,
      findings: printed.findings.map((f) => located(fileName, f)),
    };
  }
  const book = readWorkbook(bytes, fileName);
  if (looksLikeSelfEvaluation(book)) {
    const self = reviewSelfEvaluation(book, rules);
    return {
      ...base,
      kind: 'selfEvaluation',
      kindLabel: REVIEWED_KINDS.selfEvaluation,
      title: self.title,
      read: self.read,
      total: self.total,
      grade: self.grade,
      subtotals: self.level1.map((l) => ({ level1: l.name, level2: null, points: l.points, score: l.score })),
      findings: self.findings.map((f) => located(fileName, f)),
    };
  }
  if (looksLikeDeclaration(book)) {
    const declaration = reviewDeclaration(book, bytes, rules, input.ledger ?? null);
    const sheets = declaration.sheets.map((s) => `“${s}”`).join('、');
    return {
      ...base,
      kind: 'targetDeclaration',
      kindLabel: REVIEWED_KINDS.targetDeclaration,
      title: null,
      read: `${declaration.sheets.length} 张申报表${sheets && book.format !== 'text' ? `（工作表${sheets}）` : ''}${
        declaration.againstLedger ? `，已对照台账 ${input.ledger!.year} 年度的项目和共性指标库` : '，未对照台账'
      }`,
      total: null,
      grade: null,
      subtotals: [],
      findings: declaration.findings.map((f) => located(fileName, f)),
    };
  }
  return {
    ...base,
    kind: 'unknown',
    kindLabel: REVIEWED_KINDS.unknown,
    title: null,
    read: `${book.sheets.length} 个工作表，没有可审核的表格`,
    total: null,
    grade: null,
    subtotals: [],
    findings: [
      located(fileName, {
        sheet: null,
        row: null,
        column: null,
        printed: null,
        computed: null,
        message: `${fileName}：没有认出可审核的表格。可审核的有：${REVIEWED_KINDS.keyEvaluationScores}（一级、二级、三级指标，分值和得分列）、${REVIEWED_KINDS.keyEvaluationFramework}（一级、二级、三级指标和分值列）、${REVIEWED_KINDS.targetDeclaration}（项目名称，二级指标、三级指标和指标值列）、${REVIEWED_KINDS.selfEvaluation}（标题写明“项目支出绩效自评表”，有三级指标、年度指标值、实际完成值、分值和得分列）。请确认选择的是单位报送的这几种表格，并检查表头的列名（表头上方可以有标题行）。`,
      }),
    ],
  };
}

/** The finding with its cell ("F12") and its message without the location the readers put in front. */
function located(fileName: string, f: TableFinding): ReviewFinding {
  const cell = f.row != null ? (f.column ? `${f.column}${f.row}` : `第 ${f.row} 行`) : null;
  const colon = f.message.startsWith(fileName) ? f.message.indexOf('：', fileName.length) : -1;
  return { ...f, cell, problem: colon >= 0 ? f.message.slice(colon + 1) : f.message };
}
