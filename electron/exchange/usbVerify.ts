/**
 * 校验U盘文件: a package folder against its 清单.json — which listed files are missing, which differ in
 * size or SHA-256, and which files are there that the manifest does not list. Needs no ledger, so it
 * runs on any machine with the app (or `npm run ledger -- verify DIR`).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const MANIFEST_FILE = '清单.json';
export const MANIFEST_TEXT_FILE = '清单.txt';

const manifestSchema = z.object({
  format: z.literal('绩效台账U盘包'),
  year: z.number().int(),
  exportedAt: z.string(),
  exportedBy: z.string(),
  ledgerId: z.string(),
  /** Why ledgerId is what it is (the ledger has no id of its own: its file name stands in). */
  ledgerIdNote: z.string(),
  appVersion: z.string(),
  files: z.array(z.object({ name: z.string(), label: z.string(), sizeBytes: z.number().int(), sha256: z.string() })),
});
export type PackageManifest = z.infer<typeof manifestSchema>;
export type ManifestFile = PackageManifest['files'][number];

export interface ChangedFile {
  name: string;
  /** zh-CN: what differs. */
  reason: string;
}

export interface PackageCheck {
  complete: boolean;
  missing: string[];
  extra: string[];
  changed: ChangedFile[];
  /** null when the manifest is missing or unreadable; `problem` says why. */
  manifest: (Omit<PackageManifest, 'files'> & { fileCount: number }) | null;
  problem: string | null;
  /** zh-CN lines for the clerk: "完整" or each problem. */
  messages: string[];
}

export function sha256Of(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export function verifyPackage(dir: string): PackageCheck {
  const folder = path.resolve(dir);
  const refuse = (problem: string): PackageCheck => ({
    complete: false,
    missing: [],
    extra: [],
    changed: [],
    manifest: null,
    problem,
    messages: [problem],
  });
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory())
    return refuse(`找不到文件夹 ${folder}。请确认U盘已插好、路径填写正确。`);
  const manifestPath = path.join(folder, MANIFEST_FILE);
  if (!fs.existsSync(manifestPath))
    return refuse(`文件夹 ${folder} 中没有${MANIFEST_FILE}，无法校验。请确认选的是“导出到U盘”生成的文件夹，或重新导出。`);
  let manifest: PackageManifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(fs.readFileSync(manifestPath, 'utf8')));
  } catch {
    return refuse(`${MANIFEST_FILE} 已损坏或不是本程序生成的清单，无法校验。请重新导出到U盘。`);
  }

  const missing: string[] = [];
  const changed: ChangedFile[] = [];
  for (const f of manifest.files) {
    const problem = listedFileProblem(folder, f);
    if (problem === 'missing') missing.push(f.name);
    else if (problem) changed.push(problem);
  }
  const listed = new Set([MANIFEST_FILE, MANIFEST_TEXT_FILE, ...manifest.files.map((f) => f.name)]);
  // Sub-folders too (the units' forms): a file slipped in anywhere is named.
  const extra = (fs.readdirSync(folder, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(folder, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .filter((name) => !listed.has(name))
    .sort();

  const complete = missing.length === 0 && changed.length === 0 && extra.length === 0;
  const messages = complete
    ? [`完整：${manifest.files.length} 个文件与清单一致。`]
    : [
        ...missing.map((n) => `缺少：${n}`),
        ...changed.map((c) => `不一致：${c.name}（${c.reason}）`),
        ...extra.map((n) => `多出：${n}（清单中没有）`),
        '请从原电脑重新导出到U盘，或重新拷贝上面列出的文件。',
      ];
  const { files, ...info } = manifest;
  return { complete, missing, extra, changed, manifest: { ...info, fileCount: files.length }, problem: null, messages };
}

/** One file the manifest lists, as it is in the folder: 'missing', what differs, or null when it matches. */
export function listedFileProblem(folder: string, f: ManifestFile): 'missing' | ChangedFile | null {
  const file = path.join(folder, f.name);
  if (!fs.existsSync(file)) return 'missing';
  const size = fs.statSync(file).size;
  if (size !== f.sizeBytes) return { name: f.name, reason: `大小不符：清单为 ${f.sizeBytes} 字节，实际 ${size} 字节（可能没有拷完）` };
  return sha256Of(file) === f.sha256 ? null : { name: f.name, reason: '内容与清单的 SHA-256 不符（文件已损坏或被改动）' };
}
