/**
 * 台账管理命令行 (`npm run ledger -- <command>`): what an administrator does to a ledger file without
 * the desktop app — create one, build the demo county, import and export workbooks, print the year's
 * summary, check, back up and restore. It calls the same services as the app, so a file imported here
 * is held to the same rules as one imported on screen, and every write is in the audit log under
 * "命令行:<login name>".
 *
 * Exit codes: 0 done, 1 the ledger or a file refused (the zh-CN reason is on stderr), 2 the command line
 * itself is wrong (unknown command, option or kind; missing argument). With --json, stdout carries
 * exactly one JSON document.
 *
 * Import, export and report kinds are registries: adding a kind is one entry in the map below.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { closeLedger, openLedger, type Ledger } from '../db/open';
import { resolveLedgerPath, userDataDirWithoutElectron } from '../electron/ledger/ledgerLocation';
import { REVIEW_PARTIES as REVIEW_PARTY_LABELS } from '../electron/rules/jointReview';
import { BUDGET_KINDS } from '../electron/rules/labels';
import { formatWanYuan } from '../electron/rules/money';
import { backupLedger, restoreLedger } from '../electron/ledger/backup';
import { inTransaction, serviceContext, type ServiceContext } from '../electron/ledger/context';
import { buildDemoLedger } from './demo/demoYear';
import { exAnteOverview } from '../electron/exAnte/exAnte';
import { commitExecutionImport, previewExecutionImport, type ExecutionImportPreview, type ExecutionImportResult } from '../electron/monitoring/executionImport';
import { commitIndicatorImport, exportIndicators, previewIndicatorImport, type IndicatorImportPreview } from '../electron/indicators/indicatorExchange';
import { loadDefaultLibrary } from '../electron/indicators/indicators';
import { exportKeyEvaluationPublication, keyEvaluationYearFigures, publicationRows } from '../electron/keyEvaluations/keyEvaluationResults';
import { checkLedger, type LedgerCheck } from '../electron/ledger/integrity';
import { LedgerError } from '../db/ledgerError';
import { findRound } from '../electron/monitoring/monitoringRounds';
import { exportProjects } from '../electron/projects/projectExport';
import { commitProjectImport, previewProjectImport, type ProjectImportPreview } from '../electron/projects/projectImport';
import { commitReviewSheetImport, exportReviewSheet, previewReviewSheetImport, type ReviewSheetPreview } from '../electron/targets/reviewSheet';
import { commitTargetImport, previewTargetImport, type TargetImportPreview } from '../electron/targets/targetImport';
import { exportTargetPublication } from '../electron/targets/targetPublication';
import { listTargets } from '../electron/targets/targets';
import { exportTargetTemplate } from '../electron/targets/targetTemplate';
import { findUnitByName } from '../electron/projects/units';
import { yearSummary as yearSummaryReport } from '../electron/reports/yearSummary';
import { monitoringReport, warningsReport } from '../electron/monitoring/warnings';
import { listYears } from '../electron/ledger/years';
import { createYear } from '../electron/settings/yearSetup';
import { saveLedgerSettings } from '../electron/ledger/settings';
import { ledgerSettingsProblems, SETTINGS_PLACE } from '../electron/rules/ledgerSettingsRules';
import { ImportRejected } from '../electron/formats/importIssue';
import type { BudgetKind } from '../db/vocabulary';

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Who is acting, for the audit log. */
  actor: string;
  now?: () => Date;
}

class UsageError extends Error {}

// ---------------------------------------------------------------------------------------------------
// Kinds

interface ImportOutcome {
  text: string[];
  json: unknown;
  /** Row errors: the import wrote nothing. */
  failed: boolean;
}

/** A kind belongs to a fiscal year (needs --year) or to the whole ledger (the indicator library). */
interface ImportKind {
  doc: string;
  yearly: boolean;
  /** Needs --round 轮次 (a monitoring round of an existing year); such a kind never creates the year. */
  needsRound?: boolean;
  run(ctx: ServiceContext, input: { year: number; round: string | null; fileName: string; bytes: Uint8Array; dryRun: boolean }): ImportOutcome;
}

interface ExportKind {
  doc: string;
  yearly: boolean;
  /** Takes --unit 单位名称 (limits the export to that unit). */
  byUnit?: boolean;
  run(ctx: ServiceContext, input: { year: number; unit: string | null }): Promise<{ bytes: Buffer; text: string; json: unknown }>;
}

interface ReportKind {
  doc: string;
  /** Needs --round 轮次 (a monitoring round of the year, by name, id or month). */
  needsRound?: boolean;
  run(ctx: ServiceContext, input: { year: number; round: string | null }): { text: string[]; json: unknown };
}

const importKinds: Record<string, ImportKind> = {
  projects: {
    doc: '预算单位和项目（xlsx、xls、csv）',
    yearly: true,
    run(ctx, input) {
      if (input.dryRun) {
        const preview = previewProjectImport(ctx, input);
        return { text: describeProjectPreview(preview, true), json: { ok: preview.canCommit, dryRun: true, preview }, failed: !preview.canCommit };
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
        return { text: describeIndicatorPreview(preview, input.dryRun), json: { ok: preview.canCommit, dryRun: input.dryRun, preview }, failed: !preview.canCommit };
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
        return { text: describeTargetPreview(preview, true), json: { ok: preview.canCommit, dryRun: true, preview }, failed: !preview.canCommit };
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
  'review-sheet': {
    doc: '填好的会审意见表（按识别码记入对应绩效目标当前一轮会审）',
    yearly: false,
    run(ctx, input) {
      const preview = previewReviewSheetImport(ctx, input);
      if (input.dryRun || !preview.canCommit) {
        return { text: describeReviewPreview(preview, input.dryRun), json: { ok: preview.canCommit, dryRun: input.dryRun, preview }, failed: !preview.canCommit };
      }
      const result = commitReviewSheetImport(ctx, input);
      return { text: describeReviewPreview(result.preview, false), json: { ok: true, dryRun: false, ...result }, failed: false };
    },
  },
  execution: {
    doc: '预算管理一体化平台导出的项目执行数据（须给 --round 监控轮次；按项目代码、单位和项目名称或记住的手动对应找到项目）',
    yearly: true,
    needsRound: true,
    run(ctx, input) {
      if (!listYears(ctx).some((y) => y.year === input.year)) throw new LedgerError('year_missing', `台账中没有 ${input.year} 年度。请先导入该年度的项目。`);
      const round = findRound(ctx, input.year, input.round!);
      const file = { roundId: round.id, fileName: input.fileName, bytes: input.bytes };
      if (input.dryRun) {
        const preview = previewExecutionImport(ctx, file);
        return { text: describeExecutionPreview(preview, true, null), json: { ok: preview.canCommit, dryRun: true, ...preview, written: null }, failed: !preview.canCommit };
      }
      try {
        const result = commitExecutionImport(ctx, file);
        const { preview, ...written } = result;
        return { text: describeExecutionPreview(preview, false, result), json: { ok: true, dryRun: false, ...preview, written }, failed: false };
      } catch (err) {
        if (!(err instanceof ImportRejected)) throw err;
        const preview = previewExecutionImport(ctx, file);
        return { text: describeExecutionPreview(preview, false, null), json: { ok: false, dryRun: false, ...preview, written: null }, failed: true };
      }
    },
  },
};

const exportKinds: Record<string, ExportKind> = {
  projects: {
    doc: '项目清单（带格式的 xlsx，可再导入）',
    yearly: true,
    async run(ctx, input) {
      const result = await exportProjects(ctx, input);
      return {
        bytes: result.bytes,
        text: `${result.projectCount} 个项目，年初预算合计 ${formatWanYuan(result.totalFen)} 万元`,
        json: { projectCount: result.projectCount, totalFen: result.totalFen },
      };
    },
  },
  indicators: {
    doc: '共性指标库（带格式的 xlsx，可再导入）',
    yearly: false,
    async run(ctx) {
      const result = await exportIndicators(ctx);
      return {
        bytes: result.bytes,
        text: `${result.classCount} 类 ${result.indicatorCount} 条共性指标`,
        json: { classCount: result.classCount, indicatorCount: result.indicatorCount },
      };
    },
  },
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
        json: { projectCount: result.projectCount, unitCount: result.unitCount, prefilledTargets: result.prefilledTargets, prefilledDepartments: result.prefilledDepartments },
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
      if (ids.length === 0) throw new LedgerError('nothing_in_review', `${unit ? `“${unit.name}”` : ''}${input.year} 年度没有会审中的绩效目标。`);
      const result = await exportReviewSheet(ctx, { targetIds: ids });
      return { bytes: result.bytes, text: `${result.targetCount} 个绩效目标的会审意见表`, json: { targetCount: result.targetCount } };
    },
  },
  'key-evaluation-publication': {
    doc: '重点评价结果公开表（已定稿的重点绩效评价，含得分和等级，不含涉密单位）',
    yearly: true,
    async run(ctx, input) {
      const result = await exportKeyEvaluationPublication(ctx, input);
      return {
        bytes: result.bytes,
        text: `${result.evaluationCount} 项重点绩效评价，涉及资金 ${formatWanYuan(result.coveredFen)} 万元${result.excludedClassified ? `；涉密单位 ${result.excludedClassified} 项未公开` : ''}`,
        json: { evaluationCount: result.evaluationCount, coveredFen: result.coveredFen, excludedClassified: result.excludedClassified },
      };
    },
  },
  publication: {
    doc: '公开用的绩效目标表（已批复的项目支出和部门整体绩效目标，每个单位一个工作表，不含涉密单位）',
    yearly: true,
    async run(ctx, input) {
      const result = await exportTargetPublication(ctx, input);
      const { bytes, fileName: _f, ...summary } = result;
      return {
        bytes,
        text: `${result.unitCount} 个单位，项目支出绩效目标 ${result.projectTargets} 个、部门整体绩效目标 ${result.departmentTargets} 个${result.excludedClassifiedTargets ? `；涉密单位 ${result.excludedClassifiedUnits} 个（${result.excludedClassifiedTargets} 个目标）未公开` : ''}`,
        json: summary,
      };
    },
  },
};

const reportKinds: Record<string, ReportKind> = {
  summary: {
    doc: '年度概况：单位数、项目数，按预算类型和主管部门汇总的年初预算',
    run: yearSummary,
  },
  'ex-ante': {
    doc: '事前绩效评估：评估数量、各结论的项目数和资金、尚未通过评估的重大项目',
    run(ctx, input) {
      const o = exAnteOverview(ctx, input);
      return {
        json: o,
        text: [
          `${o.year} 年度事前绩效评估：已定稿 ${o.assessed} 个${o.drafts ? `，草稿 ${o.drafts} 个` : ''}，涉及年初预算 ${formatWanYuan(o.budgetFen)} 万元，建议预算 ${formatWanYuan(o.recommendedFen)} 万元。`,
          ...o.byConclusion.map((c) => `  ${c.conclusion}：${c.count} 个，年初预算 ${formatWanYuan(c.budgetFen)} 万元，建议预算 ${formatWanYuan(c.recommendedFen)} 万元`),
          ...(o.majorWithoutSupport.length ? ['尚未通过事前评估的重大政策和项目：', ...o.majorWithoutSupport.map((m) => `  ${m.reason}`)] : ['所有重大政策和项目均已通过事前评估。']),
        ],
      };
    },
  },
  'key-evaluations': {
    doc: '财政重点绩效评价：定稿的评价个数、涉及资金、各等级个数，以及逐项的资金、得分和等级',
    run(ctx, input) {
      const figures = keyEvaluationYearFigures(ctx, input);
      const rows = publicationRows(ctx, input);
      return {
        json: { ...figures, evaluations: rows },
        text: [
          figures.sentence,
          ...(figures.unfinished ? [`另有 ${figures.unfinished} 个评价尚未定稿，未计入。`] : []),
          ...rows.map((r) => `  ${r.name}（${r.unitName}）：${formatWanYuan(r.coveredFen)} 万元，${r.total.toFixed(2)} 分，${r.grade}`),
        ],
      };
    },
  },
  warnings: {
    doc: '绩效监控预警（--round 轮次）：先按当年规则计算，再列出各项目的执行率、序时进度、目标完成率、偏离率和三条线的颜色',
    needsRound: true,
    run: (ctx, input) => warningsReport(ctx, { year: input.year, round: input.round! }),
  },
  monitoring: {
    doc: '绩效监控轮次汇总（--round 轮次）：监控的单位数和项目数，各预警线红黄灯数，整改通知下发和办结数',
    needsRound: true,
    run: (ctx, input) => monitoringReport(ctx, { year: input.year, round: input.round! }),
  },
};

// ---------------------------------------------------------------------------------------------------

const HELP = `绩效台账 管理命令行

用法：npm run ledger -- <命令> [参数]

  init 文件 [--year 年度] [--bureau 名称]
                                           新建空台账，载入默认共性指标库（可同时建立一个预算年度）；
                                           --bureau 填写本局的财政局名称（印在整改通知落款处）
  demo 文件 [--year 年度]                  新建演示台账（轮台县，约 110 个单位、290 个项目及其绩效目标、5 月监控）
  import <类别> 文件 [--year 年度] [--ledger 台账] [--round 轮次] [--dry-run] [--json]
                                           导入工作簿；--dry-run 只检查、不写入；年度不存在时自动新建
                                           （execution 须给 --round：轮次名称、编号或截止月份）
  export <类别> [--year 年度] --out 文件 [--ledger 台账] [--unit 单位名称]
                                           导出带格式的工作簿（不覆盖已有文件）；--unit 用于
                                           targets-template、review-sheet，只导出该单位的
  （按年度的类别须给 --year；indicators 和导入 review-sheet 不需要年度）
  report <类别> --year 年度 [--ledger 台账] [--round 轮次] [--json]
                                           warnings、monitoring 须给 --round（轮次名称、编号或截止月份）
  check [--ledger 台账] [--json]           检查台账：文件结构、外键、审计日志哈希链
  backup --out 文件 [--ledger 台账]         备份（一致性快照，不覆盖已有文件）
  restore 备份文件 [--ledger 台账]          从备份恢复；被替换的台账另存为“台账.替换前-时间”
  help                                     显示本说明

导入类别：${Object.entries(importKinds).map(([k, v]) => `${k}（${v.doc}）`).join('；')}
导出类别：${Object.entries(exportKinds).map(([k, v]) => `${k}（${v.doc}）`).join('；')}
报表类别：${Object.entries(reportKinds).map(([k, v]) => `${k}（${v.doc}）`).join('；')}

--ledger 缺省时与桌面程序相同：环境变量 LEDGER_PATH，否则用户数据文件夹中的 ledger.db。
退出码：0 成功；1 台账或文件有问题（原因见错误输出）；2 命令用法错误。`;

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let json = false;
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        ledger: { type: 'string' },
        year: { type: 'string' },
        out: { type: 'string' },
        unit: { type: 'string' },
        bureau: { type: 'string' },
        round: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    json = values.json === true;
    const [command, ...rest] = positionals;
    if (!command || command === 'help' || values.help) {
      io.out(HELP);
      return command || values.help ? 0 : 2;
    }
    const ledgerPath = () => resolveLedgerPath(argv, io.env, userDataDirWithoutElectron(process.platform, io.env, os.homedir()));
    const year = () => parseYear(values.year);
    const now = io.now ?? (() => new Date());
    const emit = (text: string | string[], document: unknown) => {
      if (json) io.out(JSON.stringify(document, null, 2));
      else io.out(Array.isArray(text) ? text.join('\n') : text);
    };

    switch (command) {
      case 'init': {
        const file = requireArg(rest[0], 'init 需要台账文件名，例如：npm run ledger -- init 台账.db');
        refuseExisting(file);
        const y = values.year ? year() : null;
        // Checked before the file is made, so a mistyped name leaves nothing behind.
        const bureau = values.bureau === undefined ? null : { bureauName: values.bureau, noticePrefix: null };
        const bureauProblem = bureau && Object.values(ledgerSettingsProblems(bureau))[0];
        if (bureauProblem) throw new UsageError(`--bureau：${bureauProblem}。`);
        return withLedger(openLedger(file), io, now, (ctx) => {
          if (y) createYear(ctx, { year: y });
          const library = loadDefaultLibrary(ctx);
          const settings = bureau ? saveLedgerSettings(ctx, bureau) : null;
          emit(
            [
              `已新建台账：${path.resolve(file)}`,
              `已载入默认共性指标库：${library.classesCreated} 类 ${library.created} 条指标。`,
              ...(y ? [`已建立 ${y} 年度。`] : ['尚无预算年度，可在程序“设置”中新建，或用 init --year。']),
              settings
                ? `本局名称：${settings.bureauName}。下发整改通知前，请在程序${SETTINGS_PLACE}中填写发文字号前缀。`
                : `尚未填写本局信息（财政局名称、发文字号前缀），导出整改通知前请在程序${SETTINGS_PLACE}中填写，或用 init --bureau。`,
            ],
            { ok: true, ledger: path.resolve(file), year: y, bureauName: settings?.bureauName ?? null, indicatorLibrary: library },
          );
          return 0;
        });
      }
      case 'demo': {
        const file = requireArg(rest[0], 'demo 需要台账文件名，例如：npm run ledger -- demo 演示台账.db');
        refuseExisting(file);
        const y = values.year ? year() : 2023;
        return withLedger(openLedger(file), io, now, (ctx) => {
          const started = performance.now();
          const summary = buildDemoLedger(ctx, { year: y });
          const seconds = (performance.now() - started) / 1000;
          const { targets, monitoring } = summary;
          const firstRound = Object.entries(targets.firstRound).filter(([, n]) => n > 0).map(([grade, n]) => `${grade} ${n}`).join('、');
          emit(
            [
              `已新建演示台账：${path.resolve(file)}（${seconds.toFixed(1)} 秒）`,
              `${summary.year} 年度：${summary.units} 个预算单位（其中主管部门 ${summary.departments} 个、涉密单位 ${summary.classifiedUnits} 个），${summary.projects} 个项目，年初预算合计 ${formatWanYuan(summary.totalFen)} 万元。`,
              ...Object.entries(summary.projectsByKind).map(([k, n]) => `  ${BUDGET_KINDS[k as BudgetKind]}：${n} 个项目`),
              `绩效目标：项目 ${targets.projects} 个、部门整体 ${targets.departments} 个，经三方联合会审（首轮 ${firstRound}，“中”的修改后重新会审通过）全部批复；已公开 ${targets.published} 个，涉密单位的 ${targets.classifiedUnpublished} 个不公开。`,
              monitoring.sentence,
            ],
            { ok: true, ledger: path.resolve(file), seconds, ...summary },
          );
          return 0;
        });
      }
      case 'import': {
        const kind = pickKind('导入', importKinds, rest[0]);
        const file = requireArg(rest[1], `import ${rest[0]} 需要要导入的文件，例如：npm run ledger -- import projects 项目.xlsx --year 2023`);
        // A ledger-wide kind (the indicator library) needs no year: 0 stands for "none" and is never created.
        const y = kind.yearly ? year() : 0;
        const round = values.round?.trim() || null;
        if (kind.needsRound && !round) throw new UsageError(`import ${rest[0]} 需要 --round 指定监控轮次（名称、编号或截止月份），例如：--round 5月项目监控`);
        if (!kind.needsRound && values.round !== undefined) throw new UsageError(`导入 ${rest[0]} 不需要 --round。`);
        if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new LedgerError('file_missing', `找不到要导入的文件：${path.resolve(file)}。`);
        const bytes = fs.readFileSync(file);
        return withLedger(openLedger(ledgerPath(), { mustExist: true }), io, now, (ctx) => {
          const input = { year: y, round, fileName: path.basename(file), bytes, dryRun: values['dry-run'] === true };
          const yearMissing = kind.yearly && !kind.needsRound && !listYears(ctx).some((x) => x.year === y);
          const notes: string[] = [];
          let outcome: ImportOutcome;
          if (yearMissing && input.dryRun) {
            // Try it in a year that exists only inside a rolled-back transaction: nothing is written.
            const rollback = new Error('rollback');
            let result: ImportOutcome | null = null;
            try {
              inTransaction(ctx, () => {
                createYear(ctx, { year: y });
                result = kind.run(ctx, input);
                throw rollback;
              });
            } catch (err) {
              if (err !== rollback) throw err;
            }
            outcome = result!;
            notes.push(`台账中还没有 ${y} 年度；正式导入时会自动新建。`);
          } else if (yearMissing) {
            outcome = inTransaction(ctx, () => {
              createYear(ctx, { year: y });
              const r = kind.run(ctx, input);
              if (r.failed) throw new ImportFailed(r);
              return r;
            });
            notes.push(`台账中没有 ${y} 年度，已新建。`);
          } else {
            outcome = kind.run(ctx, input);
          }
          emit([...notes, ...outcome.text], { ...(outcome.json as object), yearCreated: yearMissing && !input.dryRun && !outcome.failed });
          if (outcome.failed) {
            io.err(`${input.fileName} 有错误，${input.dryRun ? '' : '未导入任何数据，'}请按上面列出的行和列修改后重试。`);
            return 1;
          }
          return 0;
        });
      }
      case 'export': {
        const kind = pickKind('导出', exportKinds, rest[0]);
        if (values.unit !== undefined && !kind.byUnit) throw new UsageError(`导出 ${rest[0]} 不支持 --unit。可用 --unit 的导出类别：${Object.keys(exportKinds).filter((k) => exportKinds[k]!.byUnit).join('、')}。`);
        const y = kind.yearly ? year() : 0;
        const out = requireArg(values.out, 'export 需要 --out 指定导出文件，例如：--out 2023年度项目清单.xlsx');
        refuseExisting(out, '导出文件');
        const ledger = openLedger(ledgerPath(), { mustExist: true });
        try {
          const ctx = serviceContext(ledger, io.actor, now);
          const result = await kind.run(ctx, { year: y, unit: values.unit?.trim() || null });
          fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
          fs.writeFileSync(out, result.bytes, { flag: 'wx' });
          emit(`已导出到 ${path.resolve(out)}：${result.text}。`, { ok: true, out: path.resolve(out), ...(result.json as object) });
          return 0;
        } finally {
          closeLedger(ledger);
        }
      }
      case 'report': {
        const kind = pickKind('报表', reportKinds, rest[0]);
        const y = year();
        const round = values.round?.trim() || null;
        if (kind.needsRound && !round) throw new UsageError(`report ${rest[0]} 需要 --round 指定监控轮次，例如：--round 5月项目监控`);
        return withLedger(openLedger(ledgerPath(), { mustExist: true }), io, now, (ctx) => {
          const report = kind.run(ctx, { year: y, round });
          emit(report.text, report.json);
          return 0;
        });
      }
      case 'check': {
        return withLedger(openLedger(ledgerPath(), { mustExist: true }), io, now, (ctx) => {
          const result = checkLedger(ctx);
          emit(describeCheck(ctx.ledger.file, result), result);
          if (!result.ok) io.err(`台账检查发现问题：${result.problems.join(' ')}`);
          return result.ok ? 0 : 1;
        });
      }
      case 'backup': {
        const out = requireArg(values.out, 'backup 需要 --out 指定备份文件，例如：--out 台账备份-20240102.db');
        return withLedger(openLedger(ledgerPath(), { mustExist: true }), io, now, (ctx) => {
          const result = backupLedger(ctx.ledger, out);
          emit(`已备份到 ${result.file}（${(result.sizeBytes / 1024).toFixed(0)} KB）。`, { ok: true, ...result });
          return 0;
        });
      }
      case 'restore': {
        const backup = requireArg(rest[0], 'restore 需要备份文件，例如：npm run ledger -- restore 台账备份.db --ledger 台账.db');
        const target = ledgerPath();
        const result = restoreLedger(backup, target, { actor: io.actor, now });
        emit(
          [`已从 ${result.restoredFrom} 恢复台账 ${result.ledgerFile}。`, result.safetyCopy ? `原台账已另存为 ${result.safetyCopy}。` : '原位置没有台账文件，无需另存。'],
          { ok: true, ...result },
        );
        return 0;
      }
      default:
        throw new UsageError(`未知命令“${command}”。可用命令：init、demo、import、export、report、check、backup、restore、help。`);
    }
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(err as Error).message}\n运行 npm run ledger -- help 查看用法。`);
      if (json) io.out(JSON.stringify({ ok: false, error: { code: 'usage', message: (err as Error).message } }));
      return 2;
    }
    if (err instanceof ImportFailed) {
      io.out(json ? JSON.stringify(err.outcome.json, null, 2) : err.outcome.text.join('\n'));
      io.err('文件有错误，未导入任何数据（也未新建年度），请按上面列出的行和列修改后重试。');
      return 1;
    }
    const message = err instanceof LedgerError ? err.message : `操作未完成：${(err as Error)?.message ?? String(err)}`;
    io.err(message);
    if (json) io.out(JSON.stringify({ ok: false, error: { code: err instanceof LedgerError ? err.code : 'internal', message } }));
    return 1;
  }
}

class ImportFailed extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super('import failed');
  }
}

function withLedger(ledger: Ledger, io: CliIO, now: () => Date, fn: (ctx: ServiceContext) => number): number {
  try {
    return fn(serviceContext(ledger, io.actor, now));
  } finally {
    closeLedger(ledger);
  }
}

function processIO(): CliIO {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // some sandboxed accounts have no passwd entry
  }
  return { out: (t) => process.stdout.write(t + '\n'), err: (t) => process.stderr.write(t + '\n'), env: process.env, actor: `命令行:${user}` };
}

function requireUnit(ctx: ServiceContext, name: string) {
  const unit = findUnitByName(ctx, name);
  if (!unit) throw new LedgerError('unit_missing', `台账中没有名为“${name}”的预算单位。请填写单位全称（可用 report summary 查看各单位）。`);
  return unit;
}

function requireArg<T>(value: T | undefined, message: string): T {
  if (value === undefined || value === '') throw new UsageError(message);
  return value;
}

function parseYear(text: string | undefined): number {
  if (!text) throw new UsageError('缺少 --year，例如：--year 2023');
  const year = Number(text);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(`--year ${text} 不是 2000–2100 之间的年度。`);
  return year;
}

function pickKind<K>(what: string, kinds: Record<string, K>, name: string | undefined): K {
  const available = Object.keys(kinds).join('、');
  if (!name) throw new UsageError(`请指定${what}类别，可用：${available}。`);
  if (!Object.hasOwn(kinds, name)) throw new UsageError(`没有“${name}”这种${what}类别。可用的${what}类别：${available}。`);
  return kinds[name]!;
}

function refuseExisting(file: string, what = '文件'): void {
  if (fs.existsSync(file) && fs.statSync(file).size > 0) throw new LedgerError('file_exists', `${what} ${path.resolve(file)} 已存在且不为空，为避免覆盖，未做任何操作。请换一个文件名。`);
}

// ---------------------------------------------------------------------------------------------------
// Text output

function describeProjectPreview(p: ProjectImportPreview, dryRun: boolean): string[] {
  const lines: string[] = [];
  const head = dryRun ? '检查结果（未写入）' : p.canCommit ? '导入完成' : '未导入';
  lines.push(`${head}：${p.fileName}${p.sheet ? ` 工作表“${p.sheet}”` : ''}${p.headerRow ? `，表头在第 ${p.headerRow}${p.headerRowCount === 2 ? `–${p.headerRow + 1}` : ''} 行` : ''}`);
  if (p.columns.length) lines.push(`识别的列：${p.columns.map((c) => `${c.letter}=${c.label}`).join('，')}`);
  if (p.moneyUnitNote) lines.push(p.moneyUnitNote);
  if (p.headerRow) {
    const verb = dryRun || !p.canCommit ? '将' : '已';
    lines.push(
      `数据行 ${p.dataRows} 行：${verb}新增单位 ${p.unitsToCreate.length} 个，${verb}新增项目 ${p.projectsToCreate.length} 个，${verb}修改项目 ${p.projectsToUpdate.length} 个，未变化 ${p.unchanged.length} 个；年初预算合计 ${formatWanYuan(p.totalFen)} 万元。`,
    );
  }
  for (const u of p.projectsToUpdate) {
    lines.push(`  第 ${u.row} 行 修改“${u.name}”：${u.changes.map((c) => `${c.label} ${c.before || '（空）'} → ${c.after || '（空）'}`).join('；')}`);
  }
  if (p.skipped.length) {
    lines.push(`跳过 ${p.skipped.length} 行${p.blankRows ? `（另有空行 ${p.blankRows} 行）` : ''}：`);
    for (const s of p.skipped) lines.push(`  第 ${s.rowNumber} 行 ${s.reason}：${s.text}`);
  }
  if (p.warnings.length) {
    lines.push(`提示 ${p.warnings.length} 条：`);
    for (const w of p.warnings) lines.push(`  ${w.message}`);
  }
  if (p.errors.length) {
    lines.push(`错误 ${p.errors.length} 处${dryRun ? '' : '，未导入任何数据'}：`);
    for (const e of p.errors) lines.push(`  ${e.message}`);
  }
  return lines;
}

function describeCheck(file: string, c: LedgerCheck): string[] {
  return [
    `台账：${file}`,
    `文件结构：${c.integrity === 'ok' ? '正常' : `损坏（${c.integrity.join('；')}）`}`,
    `外键：${c.foreignKeyViolations.length === 0 ? '正常' : `${c.foreignKeyViolations.length} 处不一致`}`,
    `审计日志：${c.audit.entries} 条，${c.audit.brokenAt == null ? '哈希链完整' : `从第 ${c.audit.brokenAt} 条起不符`}`,
    `记录数：${Object.entries(c.counts).map(([t, n]) => `${t} ${n}`).join('，')}`,
    c.ok ? '结论：台账完好。' : `结论：发现问题。${c.problems.join(' ')}`,
  ];
}

function describeIndicatorPreview(preview: IndicatorImportPreview, dryRun: boolean): string[] {
  const lines = [
    `${preview.fileName}${preview.sheet ? ` 工作表“${preview.sheet}”` : ''}：表头在第 ${preview.headerRow ?? '—'} 行，读到 ${preview.dataRows} 行指标。`,
    `${dryRun || preview.errors.length ? '将' : '已'}新增类别 ${preview.classesToCreate.length} 个、指标 ${preview.toCreate.length} 条，更新 ${preview.toUpdate.length} 条，${preview.unchanged} 条无变化。`,
  ];
  for (const u of preview.toUpdate) lines.push(`  第 ${u.row} 行 ${u.className}·${u.name}：${u.changes.join('；')}`);
  if (preview.errors.length) lines.push(`发现 ${preview.errors.length} 处错误，未导入任何数据：`, ...preview.errors.map((e) => `  ${e.message}`));
  for (const w of preview.warnings) lines.push(`  提示：${w.message}`);
  return lines;
}

function describeTargetPreview(p: TargetImportPreview, dryRun: boolean): string[] {
  const head = dryRun ? '检查结果（未写入）' : p.canCommit ? '导入完成' : '未导入';
  const verb = dryRun || !p.canCommit ? '将' : '已';
  const skipped = p.sheets.filter((s) => s.action === 'skip');
  const departments = p.sheets.filter((s) => s.subject === 'department').length;
  const lines = [
    `${head}：${p.fileName}，${p.year} 年度，申报表 ${p.sheets.length} 张${departments ? `（其中部门整体 ${departments} 张）` : ''}：${verb}新建绩效目标 ${p.toCreate} 个，${verb}修改 ${p.toUpdate} 个，未变化 ${p.unchanged} 个${skipped.length ? `，未填写跳过 ${skipped.length} 张` : ''}。`,
  ];
  const actions = { create: '新建', update: '修改', unchanged: '未变化', skip: '跳过', error: '有错误' } as const;
  for (const s of p.sheets) {
    const what = s.action === 'skip' ? (s.note ?? '') : `指标 ${s.indicatorCount} 个（共性 ${s.commonCount} 个），年度资金 ${s.annualTotalFen == null ? '—' : formatWanYuan(s.annualTotalFen)} 万元`;
    const name = s.subject === 'department' ? s.unitName && `${s.unitName}部门整体` : s.projectName;
    lines.push(`  工作表“${s.sheet}”${name ? `（${name}）` : ''}：${actions[s.action]}，${what}`);
    for (const c of s.changes) lines.push(`    ${c}`);
  }
  if (p.ignoredSheets.length) lines.push(`未读取的工作表：${p.ignoredSheets.map((s) => `“${s.sheet}”`).join('、')}（不是申报表）`);
  if (p.skippedRows.length) {
    lines.push(`跳过 ${p.skippedRows.length} 行：`);
    for (const r of p.skippedRows) lines.push(`  工作表“${r.sheet}”第 ${r.row} 行 ${r.reason}${r.text ? `：${r.text}` : ''}`);
  }
  if (p.warnings.length) lines.push(`提示 ${p.warnings.length} 条：`, ...p.warnings.map((w) => `  ${w.message}`));
  if (p.errors.length) lines.push(`错误 ${p.errors.length} 处${dryRun ? '' : '，未导入任何数据'}：`, ...p.errors.map((e) => `  ${e.message}`));
  return lines;
}

function describeReviewPreview(p: ReviewSheetPreview, dryRun: boolean): string[] {
  const verb = dryRun || !p.canCommit ? '将' : '已';
  const lines = [`${p.fileName}：会审意见表 ${p.sheets.length} 张，${verb}录入意见 ${p.toRecord} 份，与已录入相同 ${p.unchanged} 份。`];
  for (const s of p.sheets) {
    if (s.action === 'error') continue;
    lines.push(`  工作表“${s.sheet}”：${s.name} 第 ${s.roundNo} 轮，${s.party ? REVIEW_PARTY_LABELS[s.party] : ''}，${Object.values(s.grades).join('/')}${s.action === 'unchanged' ? '（未变化）' : ''}`);
  }
  if (p.ignoredSheets.length) lines.push(`未读取的工作表：${p.ignoredSheets.map((s) => `“${s.sheet}”`).join('、')}`);
  if (p.warnings.length) lines.push(...p.warnings.map((w) => `  提示：${w.message}`));
  if (p.errors.length) lines.push(`错误 ${p.errors.length} 处，未录入任何意见：`, ...p.errors.map((e) => `  ${e.message}`));
  return lines;
}

function describeExecutionPreview(p: ExecutionImportPreview, dryRun: boolean, written: ExecutionImportResult | null): string[] {
  const head = dryRun ? '检查结果（未写入）' : written ? '导入完成' : '未导入';
  const by = { code: '按项目代码', unitName: '按单位和项目名称', remembered: '按记住的手动对应', manual: '手动对应' } as const;
  const status = { new: '新增', changed: '有变化', unchanged: '未变化' } as const;
  const lines = [
    `${head}：${p.fileName}${p.sheet ? ` 工作表“${p.sheet}”` : ''} → ${p.year} 年度“${p.roundName}”（截至 ${p.asOfMonth} 月）${p.headerRow ? `，表头在第 ${p.headerRow}${p.headerRowCount === 2 ? `–${p.headerRow + 1}` : ''} 行` : ''}`,
  ];
  if (p.columns.length) lines.push(`识别的列：${p.columns.map((c) => `${c.letter}=${c.label}`).join('，')}`);
  if (p.moneyUnitNote) lines.push(p.moneyUnitNote);
  if (p.headerRow) {
    lines.push(
      `数据行 ${p.dataRows} 行：对应到项目 ${p.counts.matched} 行（新增 ${p.counts.new}、有变化 ${p.counts.changed}、未变化 ${p.counts.unchanged}），未对应 ${p.counts.unmatched} 行，有错误 ${p.counts.rejected} 行；调整后预算合计 ${formatWanYuan(p.totals.adjustedBudgetFen)} 万元，执行数合计 ${formatWanYuan(p.totals.executedFen)} 万元。`,
    );
  }
  if (written) lines.push(`已写入：新增 ${written.created} 条、更新 ${written.updated} 条执行记录${written.rememberedMatches ? `，记住手动对应 ${written.rememberedMatches} 条` : ''}。`);
  if (p.matched.length) {
    lines.push('对应到项目的行：');
    for (const r of p.matched) {
      lines.push(`  第 ${r.row} 行 ${r.projectUnitName}·${r.projectName}（${by[r.by]}）：调整后预算 ${formatWanYuan(r.adjustedBudgetFen)} 万元，执行 ${formatWanYuan(r.executedFen)} 万元，${status[r.status]}`);
      for (const c of r.changes) lines.push(`    ${c.label} ${c.before} → ${c.after}`);
    }
  }
  if (p.unmatched.length) {
    lines.push(`未对应到项目的行 ${p.unmatched.length} 行（须在程序的导入预览中手动对应，或更正文件后重新导入）：`);
    for (const r of p.unmatched) {
      const candidates = r.candidates.map((c) => `${c.unitName}·${c.name}${c.code ? `（${c.code}）` : ''}`).join('；');
      lines.push(`  第 ${r.row} 行 ${r.unitName || '（未填单位）'}·${r.name}${r.code ? `（${r.code}）` : ''}${candidates ? `，可能是：${candidates}` : '，台账中没有相近的项目'}`);
    }
  }
  if (p.notInFile.length) lines.push(`本轮次已有执行记录、但文件中没有的项目 ${p.notInFile.length} 个（记录保留）：${p.notInFile.map((n) => `${n.unitName}·${n.projectName}`).join('、')}`);
  if (p.skipped.length) {
    lines.push(`跳过 ${p.skipped.length} 行${p.blankRows ? `（另有空行 ${p.blankRows} 行）` : ''}：`);
    for (const s of p.skipped) lines.push(`  第 ${s.rowNumber} 行 ${s.reason}：${s.text}`);
  }
  if (p.warnings.length) lines.push(`提示 ${p.warnings.length} 条：`, ...p.warnings.map((w) => `  ${w.message}`));
  if (p.errors.length) lines.push(`错误 ${p.errors.length} 处${dryRun ? '' : '，未导入任何数据'}：`, ...p.errors.map((e) => `  ${e.message}`));
  return lines;
}

/** report summary: the year at a glance (electron/reports/yearSummary.ts), money exact in 分 (JSON) and 万元 (text). */
function yearSummary(ctx: ServiceContext, input: { year: number }): { text: string[]; json: unknown } {
  const s = yearSummaryReport(ctx, input);
  const text = [
    `${s.year} 年度概况`,
    `预算单位 ${s.units} 个（主管部门 ${s.departments} 个，有项目的单位 ${s.unitsWithProjects} 个）；项目 ${s.projects} 个；年初预算合计 ${formatWanYuan(s.totalFen)} 万元。`,
    '',
    '按预算类型：',
    ...s.byBudgetKind.map((k) => `  ${k.label.padEnd(9, '　')} ${String(k.projects).padStart(4)} 个  ${formatWanYuan(k.fen).padStart(14)} 万元`),
    '',
    '按主管部门（年初预算从高到低）：',
    ...s.byDepartment.map((d) => `  ${d.department}：${d.units} 个单位，${d.projects} 个项目，${formatWanYuan(d.fen)} 万元`),
  ];
  return { text, json: s };
}

// Run as a program (tsx scripts/ledger.ts …), not when a test imports main().
if (process.argv[1] && /[\\/]scripts[\\/]ledger\.ts$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
