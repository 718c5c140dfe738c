/**
 * The reports and workbooks a year can be exported as, once: 导出到U盘 packages them, the desktop
 * screen offers them by label, and the command line's `export <类别>` runs the same entries. Adding a
 * kind is one entry here.
 */
import type { ServiceContext } from '../ledger/context';
import { exportIndicators } from '../indicators/indicatorExchange';
import { exportKeyEvaluationPublication } from '../keyEvaluations/keyEvaluationResults';
import { exportProjects } from '../projects/projectExport';
import { exportNoticeList } from '../rectification/rectificationDocuments';
import { exportAnnualSummary } from '../reports/annualSummaryDocument';
import { exportResultActions } from '../resultApplication/resultActionsWorkbook';
import { exportTargetPublication } from '../targets/targetPublication';
import { formatWanYuan } from '../rules/money';
import { LedgerError } from '../../db/ledgerError';
import { listMonitoringRounds, type RoundRow } from '../monitoring/monitoringRounds';
import { exportMonitoringTemplate } from '../monitoring/monitoringTemplateExport';
import { listProjects } from '../projects/projects';
import { listUnits } from '../projects/units';
import { exportTargetTemplate } from '../targets/targetTemplate';

export interface ExportedFile {
  fileName: string;
  bytes: Buffer;
  /** zh-CN: what the file holds ("292 个项目，年初预算合计 … 万元"). */
  text: string;
  /** The same for --json. */
  json: Record<string, unknown>;
}

export interface PackageKind {
  /** The file's name for the clerk ("项目清单"); also the manifest's label. */
  label: string;
  /** The command line's help: what the file is and holds. */
  doc: string;
  /** False for what the whole ledger holds (the indicator library). */
  yearly: boolean;
  run(ctx: ServiceContext, year: number): Promise<ExportedFile>;
}

/** By the command line's kind names (`--include projects,indicators`). */
export const PACKAGE_KINDS: Record<string, PackageKind> = {
  projects: {
    label: '项目清单',
    doc: '项目清单（带格式的 xlsx，可再导入）',
    yearly: true,
    async run(ctx, year) {
      const r = await exportProjects(ctx, { year });
      return {
        ...r,
        text: `${r.projectCount} 个项目，年初预算合计 ${formatWanYuan(r.totalFen)} 万元`,
        json: { projectCount: r.projectCount, totalFen: r.totalFen },
      };
    },
  },
  indicators: {
    label: '共性指标库',
    doc: '共性指标库（带格式的 xlsx，可再导入）',
    yearly: false,
    async run(ctx) {
      const r = await exportIndicators(ctx);
      return {
        ...r,
        text: `${r.classCount} 类 ${r.indicatorCount} 条共性指标`,
        json: { classCount: r.classCount, indicatorCount: r.indicatorCount },
      };
    },
  },
  publication: {
    label: '绩效目标公开表',
    doc: '绩效目标公开表（已批复的项目支出和部门整体绩效目标，每个单位一个工作表，不含涉密单位）',
    yearly: true,
    async run(ctx, year) {
      const { bytes, fileName, ...summary } = await exportTargetPublication(ctx, { year });
      return {
        fileName,
        bytes,
        text: `${summary.unitCount} 个单位，项目支出绩效目标 ${summary.projectTargets} 个、部门整体绩效目标 ${summary.departmentTargets} 个${summary.excludedClassifiedTargets ? `；涉密单位 ${summary.excludedClassifiedUnits} 个（${summary.excludedClassifiedTargets} 个目标）未公开` : ''}`,
        json: summary,
      };
    },
  },
  'key-evaluation-publication': {
    label: '重点评价结果公开表',
    doc: '重点评价结果公开表（已定稿的重点绩效评价，含得分和等级，不含涉密单位）',
    yearly: true,
    async run(ctx, year) {
      const r = await exportKeyEvaluationPublication(ctx, { year });
      return {
        fileName: r.fileName,
        bytes: r.bytes,
        text: `${r.evaluationCount} 项重点绩效评价，涉及资金 ${formatWanYuan(r.coveredFen)} 万元${r.excludedClassified ? `；涉密单位 ${r.excludedClassified} 项未公开` : ''}`,
        json: { evaluationCount: r.evaluationCount, coveredFen: r.coveredFen, excludedClassified: r.excludedClassified },
      };
    },
  },
  'result-actions': {
    label: '评价结果应用',
    doc: '评价结果应用情况表（自评、部门评价和重点评价对下年度预算的应用措施和金额）',
    yearly: true,
    async run(ctx, year) {
      const { bytes, fileName, ...summary } = await exportResultActions(ctx, { year });
      return {
        fileName,
        bytes,
        text: `${summary.count} 项措施：收回 ${formatWanYuan(summary.recoveredFen)} 万元，清理结转结余 ${formatWanYuan(summary.clearedFen)} 万元，调减 ${formatWanYuan(summary.cutFen)} 万元`,
        json: summary,
      };
    },
  },
  'notice-list': {
    label: '整改台账',
    doc: '整改台账（已下发的整改通知：文号、单位、项目、问题、要求、期限、状态、是否逾期）',
    yearly: true,
    async run(ctx, year) {
      const { bytes, fileName, noticeCount, overdueCount } = await exportNoticeList(ctx, { year });
      return { fileName, bytes, text: `${noticeCount} 份整改通知，其中逾期 ${overdueCount} 份`, json: { noticeCount, overdueCount } };
    },
  },
  'annual-summary': {
    label: '年度绩效工作情况',
    doc: '年度绩效工作情况（docx，公文格式：本局撰写的段落和由台账计算的数字）',
    yearly: true,
    async run(ctx, year) {
      const r = await exportAnnualSummary(ctx, { year });
      return { ...r, text: `${year} 年度预算绩效工作情况`, json: { fileName: r.fileName } };
    },
  },
};

/**
 * Forms going out to the units on the stick, one file per unit in a folder of its own, so the clerk
 * hands each unit its file and gets it back through 从U盘导入. Not packaged unless chosen: a county
 * has about a hundred units, and most packages carry reports upward.
 */
export interface UnitFormKind {
  label: string;
  /** The folder inside the package that holds the units' files. */
  folder: string;
  files(ctx: ServiceContext, year: number): Promise<{ fileName: string; bytes: Buffer }[]>;
}

export const UNIT_FORM_KINDS: Record<string, UnitFormKind> = {
  'targets-templates': {
    label: '各单位绩效目标申报表',
    folder: '绩效目标申报表',
    async files(ctx, year) {
      const unitIds = [...new Set(listProjects(ctx, { year }).map((p) => p.unitId))];
      if (unitIds.length === 0) throw new LedgerError('no_projects', `${year} 年度还没有项目，无法生成申报表。请先导入或新建项目。`);
      const files = [];
      for (const unitId of unitIds) files.push(await exportTargetTemplate(ctx, { year, unitId }));
      return files;
    },
  },
  'monitoring-forms': {
    label: '各主管部门绩效监控表（当前一轮）',
    folder: '绩效监控表',
    async files(ctx, year) {
      const round = roundBeingCollected(listMonitoringRounds(ctx, { year }), ctx.now());
      if (!round) throw new LedgerError('no_round', `${year} 年度还没有监控轮次，无法生成监控表。请先在“绩效监控”中建立轮次。`);
      // A 主管部门's form holds its units' targets too, so each target goes out (and comes back) once.
      const unitIds = listUnits(ctx, { year })
        .filter((u) => u.parentName === null)
        .map((u) => u.id);
      const files = [];
      for (const unitId of unitIds) {
        try {
          files.push(await exportMonitoringTemplate(ctx, { roundId: round.id, unitId }));
        } catch (err) {
          // A unit without targets to monitor this round gets no form.
          if (!(err instanceof LedgerError && err.code === 'no_targets')) throw err;
        }
      }
      if (files.length === 0) throw new LedgerError('no_targets', `${year} 年度“${round.name}”没有需要监控的绩效目标，无法生成监控表。`);
      return files;
    },
  },
};

/** The round units are filling in: the first whose due date has not passed, else the year's last. */
function roundBeingCollected(rounds: RoundRow[], now: Date): RoundRow | null {
  const today = now.toISOString().slice(0, 10);
  return rounds.find((r) => r.dueDate >= today) ?? rounds.at(-1) ?? null;
}
