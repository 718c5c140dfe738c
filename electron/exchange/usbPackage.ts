/**
 * 导出到U盘: a year's reports and workbooks (and optionally a consistent snapshot of the ledger) written
 * into one folder with a manifest, then read back from the folder and checked, so a stick pulled out
 * early or a half-copied file is found before the clerk walks away with it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../../db/ledgerError';
import { version as appVersion } from '../../package.json';
import { exportIndicators } from '../indicators/indicatorExchange';
import { exportKeyEvaluationPublication } from '../keyEvaluations/keyEvaluationResults';
import { appendAudit } from '../ledger/audit';
import { backupLedger } from '../ledger/backup';
import type { ServiceContext } from '../ledger/context';
import { exportProjects } from '../projects/projectExport';
import { exportAnnualSummary } from '../reports/annualSummaryDocument';
import { exportResultActions } from '../resultApplication/resultActionsWorkbook';
import { exportTargetPublication } from '../targets/targetPublication';
import {
  MANIFEST_FILE,
  MANIFEST_TEXT_FILE,
  sha256Of,
  verifyPackage,
  type ChangedFile,
  type ManifestFile,
  type PackageManifest,
} from './usbVerify';

interface PackageKind {
  label: string;
  run(ctx: ServiceContext, year: number): Promise<{ fileName: string; bytes: Buffer }>;
}

/** What a package can hold, by the command line's export and report kind names. */
export const PACKAGE_KINDS: Record<string, PackageKind> = {
  projects: { label: '项目清单', run: (ctx, year) => exportProjects(ctx, { year }) },
  indicators: { label: '共性指标库', run: (ctx) => exportIndicators(ctx) },
  publication: { label: '绩效目标公开表', run: (ctx, year) => exportTargetPublication(ctx, { year }) },
  'key-evaluation-publication': { label: '重点评价结果公开表', run: (ctx, year) => exportKeyEvaluationPublication(ctx, { year }) },
  'result-actions': { label: '评价结果应用', run: (ctx, year) => exportResultActions(ctx, { year }) },
  'annual-summary': { label: '年度绩效工作情况', run: (ctx, year) => exportAnnualSummary(ctx, { year }) },
};

export interface PackageInput {
  year: number;
  outDir: string;
  /** Kind names of PACKAGE_KINDS; all of them when omitted. */
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

export async function writePackage(ctx: ServiceContext, input: PackageInput): Promise<PackageResult> {
  const kinds = input.include ?? Object.keys(PACKAGE_KINDS);
  const unknown = kinds.filter((k) => !Object.hasOwn(PACKAGE_KINDS, k));
  if (unknown.length > 0)
    throw new LedgerError(
      'unknown_package_kind',
      `没有“${unknown.join('、')}”这种导出内容。可选：${Object.keys(PACKAGE_KINDS).join('、')}。`,
    );
  if (kinds.length === 0 && !input.snapshot) throw new LedgerError('empty_package', '没有选择任何要导出的内容。请至少选择一项。');
  const folder = path.resolve(input.outDir);
  // An empty folder only: a manifest must describe the whole folder, and nothing already there is overwritten.
  if (fs.existsSync(folder) && fs.readdirSync(folder).length > 0)
    throw new LedgerError(
      'package_folder_not_empty',
      `文件夹 ${folder} 不是空的。为避免覆盖或混入其他文件，请选择一个空文件夹或新文件夹名。`,
    );
  fs.mkdirSync(folder, { recursive: true });

  const files: ManifestFile[] = [];
  const skipped: PackageResult['skipped'] = [];
  for (const kind of kinds) {
    const { label, run } = PACKAGE_KINDS[kind]!;
    let exported: { fileName: string; bytes: Buffer };
    try {
      exported = await run(ctx, input.year);
    } catch (err) {
      if (!(err instanceof LedgerError)) throw err;
      skipped.push({ kind, label, reason: err.message });
      continue;
    }
    writeViaTemp(path.join(folder, exported.fileName), exported.bytes);
    files.push(entry(folder, exported.fileName, label));
  }
  if (input.snapshot) {
    const name = `${path.basename(ctx.ledger.file, path.extname(ctx.ledger.file))}-快照.db`;
    backupLedger(ctx.ledger, path.join(folder, name));
    files.push(entry(folder, name, '台账快照'));
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
  writeViaTemp(path.join(folder, MANIFEST_FILE), Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'));
  writeViaTemp(path.join(folder, MANIFEST_TEXT_FILE), Buffer.from(manifestText(manifest, skipped), 'utf8'));

  // Read back from the destination: what the stick actually holds, not what we meant to write.
  const check = verifyPackage(folder);
  const failed = [...check.missing.map((name) => ({ name, reason: '写入后找不到该文件' })), ...check.changed];
  appendAudit(ctx, {
    action: 'ledger.usbPackage',
    entity: 'ledger',
    after: { folder, year: input.year, files: files.length, names: files.map((f) => f.name), failed: failed.length },
  });
  const { files: _files, ...info } = manifest;
  return { folder, files, skipped, failed, manifest: info };
}

function writeViaTemp(file: string, bytes: Buffer): void {
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
    `导出时间：${m.exportedAt}`,
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
