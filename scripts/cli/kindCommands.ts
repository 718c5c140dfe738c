/** import, export and report: the commands that run one kind from its registry. */
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../../db/ledgerError';
import { closeLedger, openLedger } from '../../db/open';
import { inTransaction, serviceContext } from '../../electron/ledger/context';
import { withSnapshot } from '../../electron/ledger/snapshots';
import { listYears } from '../../electron/ledger/years';
import { createYear } from '../../electron/settings/yearSetup';
import { pickKind, refuseExisting, requireArg, withLedger, type CommandRun } from './command';
import { exportKinds } from './exportKinds';
import { importKinds, type ImportOutcome } from './importKinds';
import { ImportFailed, UsageError } from './io';
import { reportKinds } from './reportKinds';

export function importCommand({ values, rest, io, now, emit, ledgerPath, year }: CommandRun): number {
  const kind = pickKind('导入', importKinds, rest[0]);
  const file = requireArg(rest[1], `import ${rest[0]} 需要要导入的文件，例如：npm run ledger -- import projects 项目.xlsx --year 2023`);
  // A ledger-wide kind (the indicator library) needs no year: 0 stands for "none" and is never created.
  const y = kind.yearly ? year() : 0;
  const round = values.round?.trim() || null;
  if (kind.needsRound && !round)
    throw new UsageError(`import ${rest[0]} 需要 --round 指定监控轮次（名称、编号或截止月份），例如：--round 5月项目监控`);
  if (!kind.needsRound && values.round !== undefined) throw new UsageError(`导入 ${rest[0]} 不需要 --round。`);
  if (!kind.moneyUnit && (values.unit !== undefined || values['confirm-unit']))
    throw new UsageError(`导入 ${rest[0]} 不支持 --unit、--confirm-unit。`);
  if (!kind.party && values.party !== undefined) throw new UsageError(`导入 ${rest[0]} 不需要 --party。`);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile())
    throw new LedgerError('file_missing', `找不到要导入的文件：${path.resolve(file)}。`);
  const bytes = fs.readFileSync(file);
  return withLedger(openLedger(ledgerPath(), { mustExist: true }), io, now, (ctx) => {
    const input = {
      year: y,
      round,
      fileName: path.basename(file),
      bytes,
      dryRun: values['dry-run'] === true,
      unit: values.unit ?? null,
      confirmUnit: values['confirm-unit'] === true,
      party: values.party ?? null,
    };
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
      outcome = withSnapshot(ctx, 'import', `导入 ${input.fileName}`, () =>
        inTransaction(ctx, () => {
          createYear(ctx, { year: y });
          const r = kind.run(ctx, input);
          if (r.failed) throw new ImportFailed(r);
          return r;
        }),
      );
      notes.push(`台账中没有 ${y} 年度，已新建。`);
    } else {
      const run = () => kind.run(ctx, input);
      outcome = input.dryRun ? run() : withSnapshot(ctx, 'import', `导入 ${input.fileName}`, run, (r) => r.failed);
    }
    emit([...notes, ...outcome.text], { ...(outcome.json as object), yearCreated: yearMissing && !input.dryRun && !outcome.failed });
    if (outcome.failed) {
      io.err(`${input.fileName} 有错误，${input.dryRun ? '' : '未导入任何数据，'}请按上面列出的行和列修改后重试。`);
      return 1;
    }
    return 0;
  });
}

export async function exportCommand({ values, rest, io, now, emit, ledgerPath, year }: CommandRun): Promise<number> {
  const kind = pickKind('导出', exportKinds, rest[0]);
  if (values.unit !== undefined && !kind.byUnit)
    throw new UsageError(
      `导出 ${rest[0]} 不支持 --unit。可用 --unit 的导出类别：${Object.keys(exportKinds)
        .filter((k) => exportKinds[k]!.byUnit)
        .join('、')}。`,
    );
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

export function reportCommand({ values, rest, io, now, emit, ledgerPath, year }: CommandRun): number {
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
