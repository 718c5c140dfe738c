/** The commands on a ledger file as a whole: create one (init, demo), check it, back it up and restore it. */
import path from 'node:path';
import { closeLedger, openLedger } from '../../db/open';
import type { BudgetKind } from '../../db/vocabulary';
import { backupLedger } from '../../electron/ledger/backup';
import { restoreLedger } from '../../electron/ledger/restore';
import { checkLedger } from '../../electron/ledger/integrity';
import { refuseRemovableLedger } from '../../electron/ledger/removableMedia';
import { saveLedgerSettings } from '../../electron/ledger/settings';
import { loadDefaultLibrary } from '../../electron/indicators/indicators';
import { BUDGET_KINDS } from '../../electron/rules/labels';
import { ledgerSettingsProblems, SETTINGS_PLACE } from '../../electron/rules/ledgerSettingsRules';
import { formatWanYuan } from '../../electron/rules/money';
import { createYear } from '../../electron/settings/yearSetup';
import { buildDemoLedger } from '../demo/demoYear';
import { describePreviousYear } from '../demo/demoPreviousYear';
import { refuseExisting, requireArg, withLedger, type CommandRun } from './command';
import { describeCheck } from './describe';
import { firstAdminJson, firstAdminLines } from './accountCommands';
import { buildDemoAccounts } from '../demo/demoAccounts';
import { ensureFirstAdmins } from '../../electron/accounts/accounts';
import { rolesText } from '../../electron/rules/roles';
import { UsageError } from './io';

export function initCommand({ values, rest, io, now, emit, year }: CommandRun): number {
  const file = requireArg(rest[0], 'init 需要台账文件名，例如：npm run ledger -- init 台账.db');
  refuseExisting(file);
  refuseRemovableLedger(file, io.removableMedia);
  const y = values.year ? year() : null;
  // Checked before the file is made, so a mistyped name leaves nothing behind.
  const bureau = values.bureau === undefined ? null : { bureauName: values.bureau, noticePrefix: null };
  const bureauProblem = bureau && Object.values(ledgerSettingsProblems(bureau))[0];
  if (bureauProblem) throw new UsageError(`--bureau：${bureauProblem}。`);
  return withLedger(openLedger(file), io, now, (ctx) => {
    if (y) createYear(ctx, { year: y });
    const library = loadDefaultLibrary(ctx);
    const admins = ensureFirstAdmins(ctx);
    const settings = bureau ? saveLedgerSettings(ctx, bureau) : null;
    emit(
      [
        `已新建台账：${path.resolve(file)}`,
        `已载入默认共性指标库：${library.classesCreated} 类 ${library.created} 条指标。`,
        ...(y ? [`已建立 ${y} 年度。`] : ['尚无预算年度，可在程序“设置”中新建，或用 init --year。']),
        settings
          ? `本局名称：${settings.bureauName}。下发整改通知前，请在程序${SETTINGS_PLACE}中填写发文字号前缀。`
          : `尚未填写本局信息（财政局名称、发文字号前缀），导出整改通知前请在程序${SETTINGS_PLACE}中填写，或用 init --bureau。`,
        ...firstAdminLines(admins),
      ],
      {
        ok: true,
        ledger: path.resolve(file),
        year: y,
        bureauName: settings?.bureauName ?? null,
        indicatorLibrary: library,
        accounts: firstAdminJson(admins),
      },
    );
    return 0;
  });
}

export function demoCommand({ values, rest, io, now, emit, year }: CommandRun): number {
  const file = requireArg(rest[0], 'demo 需要台账文件名，例如：npm run ledger -- demo 演示台账.db');
  refuseExisting(file);
  refuseRemovableLedger(file, io.removableMedia);
  const y = values.year ? year() : 2023;
  return withLedger(openLedger(file), io, now, (ctx) => {
    const started = performance.now();
    const summary = buildDemoLedger(ctx, { year: y, previousYear: true });
    const accounts = buildDemoAccounts(ctx);
    const seconds = (performance.now() - started) / 1000;
    const { targets, monitoring } = summary;
    const firstRound = Object.entries(targets.firstRound)
      .filter(([, n]) => n > 0)
      .map(([grade, n]) => `${grade} ${n}`)
      .join('、');
    emit(
      [
        `已新建演示台账：${path.resolve(file)}（${seconds.toFixed(1)} 秒）`,
        `${summary.year} 年度：${summary.units} 个预算单位（其中主管部门 ${summary.departments} 个、涉密单位 ${summary.classifiedUnits} 个），${summary.projects} 个项目，年初预算合计 ${formatWanYuan(summary.totalFen)} 万元。`,
        ...Object.entries(summary.projectsByKind).map(([k, n]) => `  ${BUDGET_KINDS[k as BudgetKind]}：${n} 个项目`),
        `绩效目标：项目 ${targets.projects} 个、部门整体 ${targets.departments} 个，经三方联合会审（首轮 ${firstRound}，“中”的修改后重新会审通过）全部批复；已公开 ${targets.published} 个，涉密单位的 ${targets.classifiedUnpublished} 个不公开。`,
        monitoring.sentence,
        ...(summary.previousYear ? [describePreviousYear(summary.previousYear)] : []),
        '演示账号（登录名 / 密码 / 角色）：',
        ...accounts.map((a) => `  ${a.loginName} / ${a.password} / ${rolesText(a.roles)}`),
      ],
      { ok: true, ledger: path.resolve(file), seconds, ...summary, accounts },
    );
    return 0;
  });
}

export function checkCommand({ io, now, emit, ledgerPath }: CommandRun): number {
  return withLedger(openLedger(ledgerPath(), { mustExist: true }), io, now, (ctx) => {
    const result = checkLedger(ctx);
    emit(describeCheck(ctx.ledger.file, result), result);
    if (!result.ok) io.err(`台账检查发现问题：${result.problems.join(' ')}`);
    return result.ok ? 0 : 1;
  });
}

export function backupCommand({ values, io, now, emit, ledgerPath }: CommandRun): number {
  const out = requireArg(values.out, 'backup 需要 --out 指定备份文件，例如：--out 台账备份-20240102.db');
  return withLedger(openLedger(ledgerPath(), { mustExist: true }), io, now, (ctx) => {
    const result = backupLedger(ctx.ledger, out);
    emit(`已备份到 ${result.file}（${(result.sizeBytes / 1024).toFixed(0)} KB）。`, { ok: true, ...result });
    return 0;
  });
}

export function restoreCommand({ rest, io, now, emit, ledgerPath }: CommandRun): number {
  const backup = requireArg(rest[0], 'restore 需要备份文件，例如：npm run ledger -- restore 台账备份.db --ledger 台账.db');
  const target = ledgerPath();
  const { ledger, ...result } = restoreLedger(backup, target, { actor: io.actor, now });
  closeLedger(ledger);
  emit(
    [
      `已从 ${result.restoredFrom} 恢复台账 ${result.ledgerFile}。`,
      result.safetyCopy ? `原台账已另存为 ${result.safetyCopy}。` : '原位置没有台账文件，无需另存。',
    ],
    { ok: true, ...result },
  );
  return 0;
}
