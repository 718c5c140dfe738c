/**
 * Where the ledger file lives: `--ledger FILE` beats `LEDGER_PATH`, which beats the user-data folder.
 * Shared by the desktop shell, the browser host and the admin command line so all three open the same
 * file by default. Pure: the caller passes argv, env and the folders.
 */
import path from 'node:path';

export const LEDGER_FILE_NAME = 'ledger.db';
export const APP_FOLDER_NAME = '绩效台账';

/** The value after `--ledger` (or `--ledger=FILE`) in argv, if any. */
export function ledgerArgument(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--ledger') return argv[i + 1] ?? null;
    if (a.startsWith('--ledger=')) return a.slice('--ledger='.length) || null;
  }
  return null;
}

export function resolveLedgerPath(argv: readonly string[], env: NodeJS.ProcessEnv, userDataDir: string): string {
  const chosen = ledgerArgument(argv) ?? (env.LEDGER_PATH?.trim() || null);
  return path.resolve(chosen ?? path.join(userDataDir, LEDGER_FILE_NAME));
}

/**
 * The same folder Electron's app.getPath('userData') gives for this product, computed without Electron
 * (for the browser host and the command line).
 */
export function userDataDirWithoutElectron(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config'), APP_FOLDER_NAME);
}
