/**
 * Opening the ledger at start-up (the desktop app and the browser host). The very first start, with no
 * ledger anywhere, creates one. But a ledger this computer has opened before that is now missing (moved,
 * deleted, a restore gone wrong, a network drive not connected) is reported, never silently replaced by
 * an empty one that the clerk would take for the real ledger. To tell the two apart, the ledgers opened
 * here are remembered in a small file in the user-data folder, beside 经办人.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openLedger, type Ledger } from '../../db/open';
import { LedgerError } from '../../db/ledgerError';
import { backupFolderOf, listBackups, samePath } from './backup';
import { clearInterruptedRestores } from './restore';
import { refuseRemovableLedger, type RemovableMediaProbe } from './removableMedia';

/** The file, in the user-data folder, listing the ledger files opened on this computer. */
export const KNOWN_LEDGERS_FILE_NAME = '已打开的台账.json';

/** Enough for every year's ledger a bureau keeps; the oldest are forgotten first. */
const KNOWN_LEDGERS_KEPT = 50;

export function openAppLedger(file: string, userDataDir: string, removableMedia?: RemovableMediaProbe): Ledger {
  const target = path.resolve(file);
  refuseRemovableLedger(target, removableMedia);
  const marker = path.join(userDataDir, KNOWN_LEDGERS_FILE_NAME);
  const known = readKnownLedgers(marker);
  const hasLedger = fs.existsSync(target) && fs.statSync(target).size > 0;
  if (!hasLedger && known.some((k) => samePath(k, target))) throw new LedgerError('ledger_gone', goneMessage(target));
  const ledger = openLedger(target);
  rememberLedger(marker, known, target);
  clearInterruptedRestores(target);
  return ledger;
}

function goneMessage(target: string): string {
  const folder = path.dirname(target);
  const what = fs.existsSync(target) ? '该位置只剩一个空文件' : '该位置已没有这个文件';
  const kept = fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => name.startsWith(`${path.basename(target)}.替换前-`)) : [];
  const backups = listBackups(target);
  const ways = [
    '看看它是否被移动、改名或删除（可查看回收站），网络盘或U盘是否已连接',
    ...(kept.length ? [`恢复备份时另存的原台账在 ${folder}：${kept.join('、')}`] : []),
    ...(backups.length ? [`备份文件夹 ${backupFolderOf(target)} 中有 ${backups.length} 个备份，最近的是 ${backups[0]!.name}`] : []),
  ];
  return [
    `找不到台账文件 ${target}：这台电脑以前打开过它，现在${what}。为免把新建的空台账当成原来的台账，程序没有新建。`,
    `请先找回台账：${ways.join('；')}。找到后把它复制到 ${folder} 并改名为 ${path.basename(target)}，再打开绩效台账。`,
    '确需从空台账开始，请用启动参数 --ledger 指定一个新的文件名。',
  ].join('');
}

function readKnownLedgers(marker: string): string[] {
  try {
    const value = JSON.parse(fs.readFileSync(marker, 'utf8')) as { ledgers?: unknown };
    return Array.isArray(value.ledgers) ? value.ledgers.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    // No file yet: no ledger was ever opened here.
    return [];
  }
}

function rememberLedger(marker: string, known: string[], target: string): void {
  const next = [target, ...known.filter((k) => !samePath(k, target))].slice(0, KNOWN_LEDGERS_KEPT);
  if (next.length === known.length && next.every((k, i) => k === known[i])) return;
  try {
    fs.mkdirSync(path.dirname(marker), { recursive: true });
    fs.writeFileSync(marker, JSON.stringify({ ledgers: next }, null, 2), 'utf8');
  } catch {
    // A read-only user-data folder must not keep the ledger from opening; only the missing-file guard is lost.
  }
}
