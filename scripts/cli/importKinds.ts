/** The import kinds of `import <类别>`: adding a kind is one entry in the map below. */
import { LedgerError } from '../../db/ledgerError';
import type { ServiceContext } from '../../electron/ledger/context';
import { listYears } from '../../electron/ledger/years';
import { ImportRejected } from '../../electron/formats/importIssue';
import {
  commitExecutionImport,
  previewExecutionImport,
  type ExecutionImportPreview,
  type ExecutionImportResult,
} from '../../electron/monitoring/executionImport';
import { findRound } from '../../electron/monitoring/monitoringRounds';
import { commitIndicatorImport, previewIndicatorImport } from '../../electron/indicators/indicatorExchange';
import { commitProjectImport, previewProjectImport } from '../../electron/projects/projectImport';
import { commitReviewSheetImport, previewReviewSheetImport } from '../../electron/targets/reviewSheet';
import { partyFromText } from '../../electron/targets/reviewOpinionChecks';
import { REVIEW_PARTIES } from '../../electron/rules/jointReview';
import type { ReviewParty } from '../../db/vocabulary';
import {
  commitSelfEvaluationImport,
  previewSelfEvaluationImport,
  type SelfEvaluationImportPreview,
} from '../../electron/selfEvaluations/selfEvaluationImport';
import { commitTargetImport, previewTargetImport } from '../../electron/targets/targetImport';
import { formatWanYuan, type MoneyUnit } from '../../electron/rules/money';
import type { Agreement } from '../../electron/rules/moneyUnitEvidence';
import { formatScore } from '../../electron/rules/numberFormat';
import {
  describeExecutionPreview,
  describeIndicatorPreview,
  describeProjectPreview,
  describeReviewPreview,
  describeTargetPreview,
} from './describe';
import { UsageError } from './io';

export interface ImportOutcome {
  text: string[];
  json: unknown;
  /** Row errors: the import wrote nothing. */
  failed: boolean;
}

/** A kind belongs to a fiscal year (needs --year) or to the whole ledger (the indicator library). */
export interface ImportKind {
  doc: string;
  yearly: boolean;
  /** Needs --round 轮次 (a monitoring round of an existing year); such a kind never creates the year. */
  needsRound?: boolean;
  /** Takes --unit 元|万元 (the file's money unit) and --confirm-unit. */
  moneyUnit?: boolean;
  /** Takes --party (whose 会审意见 a table holds that does not say). */
  party?: boolean;
  run(
    ctx: ServiceContext,
    input: {
      year: number;
      round: string | null;
      fileName: string;
      bytes: Uint8Array;
      dryRun: boolean;
      /** --unit as given (only kinds with `moneyUnit`). */
      unit: string | null;
      confirmUnit: boolean;
      /** --party as given (only kinds with `party`). */
      party: string | null;
    },
  ): ImportOutcome;
}

export const importKinds: Record<string, ImportKind> = {
  projects: {
    doc: '预算单位和项目（xlsx、xls、csv）',
    yearly: true,
    run(ctx, input) {
      if (input.dryRun) {
        const preview = previewProjectImport(ctx, input);
        return {
          text: describeProjectPreview(preview, true),
          json: { ok: preview.canCommit, dryRun: true, preview },
          failed: !preview.canCommit,
        };
      }
      try {
        const result = commitProjectImport(ctx, input);
        return { text: describeProjectPreview(result.preview, false), json: { ok: true, dryRun: false, ...result }, failed: false };
      } catch (err) {
        if (!(err instanceof ImportRejected)) throw err;
        // Show the whole preview (what would have happened, and every bad row).
        const preview = previewProjectImport(ctx, input);
        return { text: describeProjectPreview(preview, false), json: { ok: false, dryRun: false, preview }, failed: true };
      }
    },
  },
  indicators: {
    doc: '共性指标库（按表头识别类别、一级、二级、三级指标等列）',
    yearly: false,
    run(ctx, input) {
      const preview = previewIndicatorImport(ctx, input);
      if (input.dryRun || !preview.canCommit) {
        return {
          text: describeIndicatorPreview(preview, input.dryRun),
          json: { ok: preview.canCommit, dryRun: input.dryRun, preview },
          failed: !preview.canCommit,
        };
      }
      const result = commitIndicatorImport(ctx, input);
      return { text: describeIndicatorPreview(result.preview, false), json: { ok: true, dryRun: false, ...result }, failed: false };
    },
  },
  targets: {
    doc: '填好的项目支出绩效目标申报表（每个项目一个工作表，按项目代码对应项目）',
    yearly: true,
    run(ctx, input) {
      if (input.dryRun) {
        const preview = previewTargetImport(ctx, input);
        return {
          text: describeTargetPreview(preview, true),
          json: { ok: preview.canCommit, dryRun: true, preview },
          failed: !preview.canCommit,
        };
      }
      try {
        const result = commitTargetImport(ctx, input);
        return { text: describeTargetPreview(result.preview, false), json: { ok: true, dryRun: false, ...result }, failed: false };
      } catch (err) {
        if (!(err instanceof ImportRejected)) throw err;
        const preview = previewTargetImport(ctx, input);
        return { text: describeTargetPreview(preview, false), json: { ok: false, dryRun: false, preview }, failed: true };
      }
    },
  },
  'self-evaluations': {
    doc: '单位填好的项目支出绩效自评表（按台账识别码或项目名称加实施单位对应自评；列出审核发现的每处问题；完整的自评表同时报送）',
    yearly: true,
    run(ctx, input) {
      let preview = previewSelfEvaluationImport(ctx, input);
      if (input.dryRun || !preview.canCommit)
        return {
          text: describeSelfEvaluations(preview, input.dryRun),
          json: { ok: preview.canCommit, dryRun: input.dryRun, preview },
          failed: !preview.canCommit,
        };
      const result = commitSelfEvaluationImport(ctx, input);
      preview = result.preview;
      return { text: describeSelfEvaluations(preview, false), json: { ok: true, dryRun: false, ...result }, failed: false };
    },
  },
  'review-sheet': {
    doc: '填好的会审意见表（按识别码记入对应绩效目标当前一轮会审）或会审方自己的汇总表（按项目代码或名称；表中没有写明会审方时须用 --party 指明：单位、财政或第三方）',
    yearly: false,
    party: true,
    run(ctx, input) {
      const file = { fileName: input.fileName, bytes: input.bytes, party: reviewPartyArg(input.party) };
      const preview = previewReviewSheetImport(ctx, file);
      if (input.dryRun || !preview.canCommit) {
        // A table row that reached its round but has no party: none written (or a wrong one) and none given.
        const partyMissing = file.party === null && preview.sheets.some((s) => s.row !== null && s.roundNo !== null && s.party === null);
        return {
          text: [...describeReviewPreview(preview, input.dryRun), ...(partyMissing ? [PARTY_ADVICE] : [])],
          json: { ok: preview.canCommit, dryRun: input.dryRun, preview },
          failed: !preview.canCommit,
        };
      }
      const result = commitReviewSheetImport(ctx, file);
      return { text: describeReviewPreview(result.preview, false), json: { ok: true, dryRun: false, ...result }, failed: false };
    },
  },
  execution: {
    doc: '预算管理一体化平台导出的项目执行数据（须给 --round 监控轮次；按项目代码、单位和项目名称或记住的手动对应找到项目；文件没有写明金额单位、与台账比对也无法判断时，须用 --unit 元 或 --unit 万元 指明；金额与台账相差一万倍时须加 --confirm-unit 确认）',
    yearly: true,
    needsRound: true,
    moneyUnit: true,
    run(ctx, input) {
      const moneyUnit: MoneyUnit | null = input.unit === '元' || input.unit === '万元' ? input.unit : null;
      if (input.unit !== null && moneyUnit === null)
        throw new UsageError(`--unit ${input.unit} 不是金额单位。导入执行数据时 --unit 只能是 元 或 万元，例如：--unit 元`);
      if (!listYears(ctx).some((y) => y.year === input.year))
        throw new LedgerError('year_missing', `台账中没有 ${input.year} 年度。请先导入该年度的项目。`);
      const round = findRound(ctx, input.year, input.round!);
      const file = { roundId: round.id, fileName: input.fileName, bytes: input.bytes, moneyUnit, confirmUnit: input.confirmUnit };
      const describe = (preview: ExecutionImportPreview, dryRun: boolean, written: ExecutionImportResult | null) => [
        ...describeExecutionPreview(preview, dryRun, written),
        ...unitAdvice(preview),
      ];
      if (input.dryRun) {
        const preview = previewExecutionImport(ctx, file);
        return {
          text: describe(preview, true, null),
          json: { ok: preview.canCommit, dryRun: true, ...preview, written: null },
          failed: !preview.canCommit,
        };
      }
      try {
        const result = commitExecutionImport(ctx, file);
        const { preview, ...written } = result;
        return {
          text: describe(preview, false, result),
          json: { ok: true, dryRun: false, ...preview, written },
          failed: false,
        };
      } catch (err) {
        if (!(err instanceof ImportRejected)) throw err;
        const preview = previewExecutionImport(ctx, file);
        return {
          text: describe(preview, false, null),
          json: { ok: false, dryRun: false, ...preview, written: null },
          failed: true,
        };
      }
    },
  },
};

const AGREES: Record<Agreement, string> = { 元: '按元读一致', 万元: '按万元读一致', neither: '按元、按万元读都不一致' };

const PARTY_ADVICE = `有意见未能确定会审方：表中写错的请改正；表中没有写明的，请加 --party 指明这些意见是哪一方的（${Object.values(REVIEW_PARTIES).join('、')}，可简写为 单位、财政、第三方），例如：--party 财政`;

/** --party as the sheets write a 会审方: its full name or the words that identify it (one rule, partyFromText). */
function reviewPartyArg(text: string | null): ReviewParty | null {
  if (text === null) return null;
  const party = partyFromText(text);
  if (!party)
    throw new UsageError(
      `--party ${text} 不是会审方。请写 ${Object.values(REVIEW_PARTIES).join('、')} 之一（可简写为 单位、财政、第三方），例如：--party 财政`,
    );
  return party;
}

/** The money unit still open: how the amounts compare with the ledger, and the flag to pass. */
function unitAdvice(p: ExecutionImportPreview): string[] {
  const m = p.unitMismatch;
  if (p.moneyUnitSource !== 'ask' && (!m || m.confirmed)) return [];
  const evidence = p.unitEvidence?.comparisons ?? [];
  return [
    ...(evidence.length ? ['金额与台账比对：'] : []),
    ...evidence.map(
      (c) =>
        `  第 ${c.row} 行 ${c.projectName}：${c.label} ${c.written}，${c.against} ${formatWanYuan(c.ledgerFen)} 万元，${AGREES[c.agreesAs]}`,
    ),
    m
      ? `${m.finding}如果文件中的金额实际是${m.likely}，请加 --unit ${m.likely}；确认是${m.unit}的，请加 --unit ${m.unit} --confirm-unit 后重新运行。`
      : '文件的金额单位待定：请加 --unit 元 或 --unit 万元 指明后重新运行。',
  ];
}

/** The self-evaluation import in lines: each sheet, its status change and ledger total, then every finding and error. */
function describeSelfEvaluations(preview: SelfEvaluationImportPreview, dryRun: boolean): string[] {
  const lines = preview.sheets.map(
    (s) =>
      `工作表“${s.sheet}”：${s.projectName ?? '（未匹配）'}${s.statusLabel ? `，${s.statusLabel}${s.afterStatusLabel ? ` → ${s.afterStatusLabel}` : ''}` : ''}${s.total === null ? '' : `，台账复算总分 ${formatScore(s.total)}${s.grade ? `（${s.grade}）` : ''}`}；改变 ${s.changes.length} 项，审核发现问题 ${s.findings.length} 处`,
  );
  const findings = preview.sheets.flatMap((s) => s.findings.map((f) => `  问题：${f.message}`));
  const errors = preview.errors.map((e) => `  错误：${e.message}`);
  const verdict = !preview.canCommit
    ? `有 ${preview.errors.length} 处错误，未导入任何数据。请改正后重新导入。`
    : dryRun
      ? '检查完毕（--dry-run，未写入）。'
      : '已导入。';
  return [...lines, ...findings, ...errors, verdict];
}
