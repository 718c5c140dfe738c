/**
 * `npm start`: builds the app with electron-vite and runs it in Electron, passing the arguments
 * through (`npm start -- --ledger D:\台账\2025.db`).
 *
 * The Electron runtime is not in the npm package: electron downloads it from GitHub (or ELECTRON_MIRROR)
 * on first use. `require('electron')` would start that download synchronously with no time limit,
 * so this script looks for the binary itself, tries the download once with a time bound, and when
 * there is still no runtime says so in Chinese and points to the browser version (`npm run serve`).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const DOWNLOAD_TIMEOUT_MS = Number(process.env.ELECTRON_DOWNLOAD_TIMEOUT_MS) || 120_000;

main();

function main(): void {
  const electronDir = path.dirname(require.resolve('electron/package.json', { paths: [ROOT] }));
  let binary = electronBinary(electronDir);
  if (!binary) {
    console.log(`未找到 Electron 运行时，正在尝试下载（最多等待 ${Math.round(DOWNLOAD_TIMEOUT_MS / 1000)} 秒）…`);
    const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
      cwd: electronDir,
      stdio: ['ignore', 'inherit', 'pipe'],
      timeout: DOWNLOAD_TIMEOUT_MS,
      encoding: 'utf8',
    });
    binary = electronBinary(electronDir);
    if (!binary) {
      const timedOut = (install.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
      const reason = timedOut
        ? `超过 ${Math.round(DOWNLOAD_TIMEOUT_MS / 1000)} 秒仍未完成`
        : (install.error?.message ?? firstLine(install.stderr) ?? `退出码 ${install.status}`);
      explainMissingRuntime(reason);
      process.exit(1);
    }
  }

  console.log('正在构建界面与主进程（electron-vite build）…');
  const build = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.error('构建失败，请查看上面的错误信息。');
    process.exit(build.status ?? 1);
  }

  // ELECTRON_RUN_AS_NODE would make the binary behave as plain Node and ignore the app.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  console.log('正在启动绩效台账…');
  const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit', env, windowsHide: false });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('error', (err) => {
    console.error(`无法启动 Electron（${binary}）：${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** The runtime's executable, the way electron's own index.js finds it, or null when not downloaded. */
function electronBinary(electronDir: string): string | null {
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? path.join(override, relative || defaultExecutable())
    : relative
      ? path.join(electronDir, 'dist', relative)
      : null;
  return candidate && fs.existsSync(candidate) ? candidate : null;
}

function defaultExecutable(): string {
  if (process.platform === 'win32') return 'electron.exe';
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

function explainMissingRuntime(reason: string): void {
  console.error(
    [
      '',
      '缺少 Electron 运行时，桌面版暂时无法启动。',
      `（下载失败：${reason}）`,
      '',
      '· 在能访问互联网的电脑上：运行 npm ci，首次 npm start 会自动下载运行时（约 100 MB）。',
      '· 在内网：设置环境变量 ELECTRON_MIRROR 指向内网镜像后再运行 npm start，例如',
      '    ELECTRON_MIRROR=https://镜像地址/electron/ npm start            （Linux）',
      '    set "ELECTRON_MIRROR=https://镜像地址/electron/" && npm start   （Windows 命令提示符）',
      '  也可把已下载的运行时解压到某个文件夹，并设置 ELECTRON_OVERRIDE_DIST_PATH 指向该文件夹。',
      fs.existsSync(path.join(ROOT, 'out', 'renderer', 'index.html'))
        ? '· 现在就能使用的浏览器版：运行 npm run serve，在本机浏览器中打开它显示的完整地址（含 token）。'
        : '· 现在就能使用的浏览器版：先运行 npm run build 构建界面，再运行 npm run serve，在本机浏览器中打开它显示的完整地址（含 token）。',
      '',
    ].join('\n'),
  );
}

function firstLine(text: string | null | undefined): string | null {
  const line = text
    ?.split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  return line ?? null;
}
