/**
 * 导出到U盘: a year's reports and workbooks (and optionally a consistent snapshot of the ledger) written
 * into one folder with a manifest, then read back from the folder and checked, so a stick pulled out
 * early or a half-copied file is found before the clerk walks away with it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../../db/ledgerError';
import { version as appVersion } from '../../package.json';
import { appendAudit } from '../ledger/audit';
import { takeAnchor } from '../ledger/auditAnchor';
import { backupLedger } from '../ledger/backup';
import type { ServiceContext } from '../ledger/context';
import { formatLocalTime } from '../rules/localTime';
import { PACKAGE_KINDS, UNIT_FORM_KINDS } from './packageKinds';
import { nextTurn, type FileProgress } from './progress';
import {
  MANIFEST_FILE,
  MANIFEST_TEXT_FILE,
  listedFileProblem,
  sha256Of,
  type ChangedFile,
  type ManifestFile,
  type PackageManifest,
} from './usbVerify';

export const SNAPSHOT_LABEL = '台账快照';

export interface PackageInput {
  year: number;
  outDir: string;
  /** Kind names of PACKAGE_KINDS and UNIT_FORM_KINDS; all of PACKAGE_KINDS when omitted. */
  include?: string[];
  /** Adds a snapshot of the whole ledger (SQLite backup, never a copy of the live file). */
  snapshot: boolean;
}

export interface PackageResult {
  folder: string;
  files: ManifestFile[];
  /** Kinds chosen but with nothing to export this year, and why. */
  skipped: { kind: string; label: string; reason: string }[];
  /** Files that did not read back as written: missing or changed on the destination. */
  failed: ChangedFile[];
  manifest: Omit<PackageManifest, 'files'>;
}

/** Thrown between two files once the clerk pressed 取消; caught below, where the files written go again. */
class Cancelled extends Error {}

/**
 * Progress counts each chosen item twice: once written (or skipped), once read back. Cancelled or failed half way,
 * every file it wrote is removed again (and the folder, when it made it): a package without its
 * manifest, or with a manifest that does not yet hold, is never left to look complete.
 */
export async function writePackage(ctx: ServiceContext, input: PackageInput, progress: FileProgress = {}): Promise<PackageResult> {
  const kinds = input.include ?? Object.keys(PACKAGE_KINDS);
  const unknown = kinds.filter((k) => !Object.hasOwn(PACKAGE_KINDS, k) && !Object.hasOwn(UNIT_FORM_KINDS, k));
  if (unknown.length > 0)
    throw new LedgerError(
      'unknown_package_kind',
      `没有“${unknown.join('、')}”这种导出内容。可选：${[...Object.keys(PACKAGE_KINDS), ...Object.keys(UNIT_FORM_KINDS)].join('、')}。`,
    );
  if (kinds.length === 0 && !input.snapshot) throw new LedgerError('empty_package', '没有选择任何要导出的内容。请至少选择一项。');
  const folder = path.resolve(input.outDir);
  // An empty folder only: a manifest must describe the whole folder, and nothing already there is overwritten.
  if (fs.existsSync(folder) && fs.readdirSync(folder).length > 0)
    throw new LedgerError(
      'package_folder_not_empty',
      `文件夹 ${folder} 不是空的。为避免覆盖或混入其他文件，请选择一个空文件夹或新文件夹名。`,
    );
  const createdFolder = !fs.existsSync(folder);
  fs.mkdirSync(folder, { recursive: true });

  const written: string[] = [];
  let done = 0;
  let total = 2 * (kinds.length + (input.snapshot ? 1 : 0));
  const step = async (name: string) => {
    progress.onFile?.(++done, total, name);
    await nextTurn();
    if (progress.cancelled?.()) throw new Cancelled();
  };
  const write = (name: string, bytes: Buffer) => {
    written.push(name);
    writeViaTemp(path.join(folder, name), bytes);
  };
  // A unit form kind writes many files; progress counts them once known.
  const pieces = async (kind: string): Promise<{ label: string; files: { fileName: string; bytes: Buffer }[] }> => {
    const single = PACKAGE_KINDS[kind];
    if (single) return { label: single.label, files: [await single.run(ctx, input.year)] };
    const forms = UNIT_FORM_KINDS[kind]!;
    const files = await forms.files(ctx, input.year);
    total += 2 * (files.length - 1);
    return { label: forms.label, files: files.map((f) => ({ ...f, fileName: `${forms.folder}/${f.fileName}` })) };
  };

  try {
    if (progress.cancelled?.()) throw new Cancelled();
    const files: ManifestFile[] = [];
    const skipped: PackageResult['skipped'] = [];
    for (const kind of kinds) {
      let exported: Awaited<ReturnType<typeof pieces>>;
      try {
        exported = await pieces(kind);
      } catch (err) {
        if (!(err instanceof LedgerError)) throw err;
        const label = (PACKAGE_KINDS[kind] ?? UNIT_FORM_KINDS[kind])!.label;
        skipped.push({ kind, label, reason: err.message });
        total -= 1; // nothing to read back
        await step(label);
        continue;
      }
      for (const file of exported.files) {
        write(file.fileName, file.bytes);
        files.push(entry(folder, file.fileName, exported.label));
        await step(file.fileName);
      }
    }
    if (input.snapshot) {
      const name = `${path.basename(ctx.ledger.file, path.extname(ctx.ledger.file))}-快照.db`;
      written.push(name);
      backupLedger(ctx.ledger, path.join(folder, name));
      files.push(entry(folder, name, SNAPSHOT_LABEL));
      await step(name);
    }
    if (files.length === 0)
      throw new LedgerError(
        'empty_package',
        `${input.year} 年度所选内容都没有可导出的数据：${skipped.map((s) => `${s.label}：${s.reason}`).join(' ')}`,
      );

    const manifest: PackageManifest = {
      format: '绩效台账U盘包',
      year: input.year,
      exportedAt: ctx.now().toISOString(),
      exportedBy: ctx.actor,
      // The ledger has no id of its own; its file name identifies it, and the manifest says so.
      ledgerId: path.basename(ctx.ledger.file),
      ledgerIdNote: '台账没有单独的编号，以台账文件名标识',
      appVersion,
      files,
    };
    write(MANIFEST_FILE, Buffer.from(JSON.stringify({ ...manifest, auditAnchor: takeAnchor(ctx.ledger) }, null, 2), 'utf8'));
    write(MANIFEST_TEXT_FILE, Buffer.from(manifestText(manifest, skipped), 'utf8'));

    // Read back from the destination: what the stick actually holds, not what we meant to write.
    const failed: ChangedFile[] = [];
    for (const f of files) {
      const problem = listedFileProblem(folder, f);
      if (problem) failed.push(problem === 'missing' ? { name: f.name, reason: '写入后找不到该文件' } : problem);
      await step(f.name);
    }
    appendAudit(ctx, {
      action: 'ledger.usbPackage',
      entity: 'ledger',
      after: { folder, year: input.year, files: files.length, names: files.map((f) => f.name), failed: failed.length },
    });
    const { files: _files, ...info } = manifest;
    return { folder, files, skipped, failed, manifest: info };
  } catch (err) {
    const removed = removeWritten(folder, written, createdFolder);
    if (err instanceof Cancelled) throw new LedgerError('package_cancelled', `已取消导出到U盘。${removed}U盘上没有留下这次导出的文件。`);
    if (err instanceof LedgerError) throw err;
    throw new LedgerError(
      'package_failed',
      `导出到U盘未完成：${(err as Error)?.message ?? String(err)}。${removed}请检查U盘是否已插好、空间是否足够、是否写保护，然后重新导出。`,
    );
  }
}

/** Removes what this package wrote (and its folder, when it made it); says so in a sentence. */
function removeWritten(folder: string, names: string[], createdFolder: boolean): string {
  for (const name of names) {
    fs.rmSync(path.join(folder, name), { force: true });
    fs.rmSync(path.join(folder, `${name}.part`), { force: true });
  }
  // The units' folders this package made, once emptied.
  for (const sub of new Set(names.filter((n) => n.includes('/')).map((n) => path.join(folder, n.slice(0, n.lastIndexOf('/'))))))
    if (fs.existsSync(sub) && fs.readdirSync(sub).length === 0) fs.rmdirSync(sub);
  const folderGone = createdFolder && fs.readdirSync(folder).length === 0;
  if (folderGone) fs.rmdirSync(folder);
  if (names.length === 0) return folderGone ? `已删除新建的文件夹 ${folder}。` : '';
  return `已删除已写入的 ${names.length} 个文件${folderGone ? `和新建的文件夹 ${folder}` : ''}。`;
}

function writeViaTemp(file: string, bytes: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Temp name, then rename: a half-written file never carries the final name.
  const partial = `${file}.part`;
  fs.writeFileSync(partial, bytes);
  fs.renameSync(partial, file);
}

function entry(folder: string, name: string, label: string): ManifestFile {
  const file = path.join(folder, name);
  return { name, label, sizeBytes: fs.statSync(file).size, sha256: sha256Of(file) };
}

function manifestText(m: PackageManifest, skipped: PackageResult['skipped']): string {
  return [
    `绩效台账 U盘导出清单（${m.year} 年度）`,
    `导出时间：${formatLocalTime(m.exportedAt, { seconds: true })}`,
    `导出人：${m.exportedBy}`,
    `台账：${m.ledgerId}（${m.ledgerIdNote}）`,
    `程序版本：${m.appVersion}`,
    `文件（${m.files.length} 个）：`,
    ...m.files.map((f) => `  ${f.name}　${f.label}　${f.sizeBytes} 字节　SHA-256 ${f.sha256}`),
    ...(skipped.length ? ['未导出：', ...skipped.map((s) => `  ${s.label}：${s.reason}`)] : []),
    `校验：在装有本程序的电脑上用“校验U盘文件”，或运行 npm run ledger -- verify 本文件夹。`,
    '',
  ].join('\r\n');
}
