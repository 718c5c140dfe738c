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
 * Import, export and report kinds are registries: adding a kind is one entry in the map of
 * scripts/cli/importKinds.ts, exportKinds.ts or reportKinds.ts.
 */
import os from 'node:os';
import { resolveLedgerPath, userDataDirWithoutElectron } from '../electron/ledger/ledgerLocation';
import { refuseRemovableLedger } from '../electron/ledger/removableMedia';
import { parseCommandLine, parseYear, type CommandRun } from './cli/command';
import { HELP } from './cli/help';
import { emitter, failureExitCode, processIO, UsageError, type CliIO } from './cli/io';
import { exportCommand, importCommand, reportCommand } from './cli/kindCommands';
import { backupCommand, checkCommand, demoCommand, initCommand, restoreCommand } from './cli/ledgerFileCommands';
import { reviewCommand } from './cli/reviewCommand';
import { accountsCommand } from './cli/accountCommands';
import { packageCommand, verifyCommand } from './cli/usbCommands';
import { importFolderCommand } from './cli/folderImportCommand';
import { actorText, operatorNameProblem } from '../electron/rules/operator';

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let json = false;
  try {
    const { values, positionals } = parseCommandLine(argv);
    json = values.json === true;
    const [command, ...rest] = positionals;
    if (!command || command === 'help' || values.help) {
      io.out(HELP);
      return command || values.help ? 0 : 2;
    }
    // --operator 张三: the audit log records "张三（命令行:登录名）".
    if (values.operator !== undefined) {
      const problem = operatorNameProblem(values.operator);
      if (problem) throw new UsageError(`--operator：${problem}。`);
      io = { ...io, actor: actorText(io.actor, values.operator) };
    }
    const run: CommandRun = {
      values,
      rest,
      io,
      now: io.now ?? (() => new Date()),
      emit: emitter(io, json),
      ledgerPath: () => {
        const file = resolveLedgerPath(argv, io.env, userDataDirWithoutElectron(process.platform, io.env, os.homedir()));
        refuseRemovableLedger(file, io.removableMedia);
        return file;
      },
      year: () => parseYear(values.year),
    };

    switch (command) {
      case 'init':
        return initCommand(run);
      case 'demo':
        return demoCommand(run);
      case 'import':
        return importCommand(run);
      case 'export':
        // Awaited here, so that a refusal while exporting is reported like any other.
        return await exportCommand(run);
      case 'report':
        return reportCommand(run);
      case 'review':
        return reviewCommand(run);
      case 'check':
        return checkCommand(run);
      case 'backup':
        return backupCommand(run);
      case 'restore':
        return restoreCommand(run);
      case 'package':
        return await packageCommand(run);
      case 'verify':
        return verifyCommand(run);
      case 'accounts':
        return await accountsCommand(run);
      case 'import-folder':
        return await importFolderCommand(run);
      default:
        throw new UsageError(
          `未知命令“${command}”。可用命令：init、demo、import、export、report、review、check、backup、restore、package、verify、import-folder、accounts、help。`,
        );
    }
  } catch (err) {
    return failureExitCode(err, io, json);
  }
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
