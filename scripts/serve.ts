/**
 * 绩效台账浏览器版: opens the ledger and serves the built renderer on 127.0.0.1 (see
 * electron/browserHost.ts). Usage: npm run serve -- [--ledger FILE] [--port N]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeLedger, type Ledger } from '../db/open';
import { openAppLedger } from '../electron/ledger/appLedger';
import { startBrowserHost } from '../electron/bridge/browserHost';
import { resolveLedgerPath, userDataDirWithoutElectron } from '../electron/ledger/ledgerLocation';
import { OPERATOR_FILE_NAME } from '../electron/ledger/session';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const port = portArgument(argv);
  const rendererDir = path.resolve(__dirname, '..', 'out', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`找不到界面文件 ${path.join(rendererDir, 'index.html')}。请先运行“npx electron-vite build”构建界面。`);
  }
  const userData = userDataDirWithoutElectron(process.platform, process.env, os.homedir());
  const file = resolveLedgerPath(argv, process.env, userData);
  const ledger = openAppLedger(file, userData);
  let host;
  try {
    host = await startBrowserHost({
      ledger,
      rendererDir,
      actor: os.userInfo().username,
      operatorFile: path.join(userData, OPERATOR_FILE_NAME),
      port,
    });
  } catch (err) {
    closeLedger(ledger);
    throw (err as NodeJS.ErrnoException).code === 'EADDRINUSE'
      ? new Error(`端口 ${port} 已被占用。请用 --port 指定其他端口，或不指定由系统分配。`)
      : err;
  }
  console.log(`台账文件：${ledger.file}`);
  console.log(`绩效台账浏览器版已启动：${host.url}`);
  console.log('请在本机浏览器中打开上面的完整地址（含 token）。按 Ctrl+C 停止。');
  onShutdown(ledger, host.close);
}

function portArgument(argv: readonly string[]): number {
  const i = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
  if (i < 0) return 0;
  const text = argv[i]!.startsWith('--port=') ? argv[i]!.slice('--port='.length) : argv[i + 1];
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`端口“${text ?? ''}”无效，请填写 1–65535 之间的整数。`);
  return port;
}

function onShutdown(ledger: Ledger, closeHost: () => Promise<void>): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    closeHost()
      .catch(() => undefined)
      .finally(() => {
        closeLedger(ledger);
        console.log('绩效台账浏览器版已停止。');
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`无法启动绩效台账浏览器版：${(err as Error)?.message ?? String(err)}`);
  process.exit(1);
});
