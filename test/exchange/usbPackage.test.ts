/**
 * 导出到U盘 and 校验U盘文件 on a real demo ledger and real files: the package reads back whole, and a
 * damaged copy (a flipped byte, a truncated file, a removed one, a stray one) is named file by file by
 * `verify` run as a real process, which exits non-zero.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { closeLedger, openLedger } from '../../db/open';
import { previewFolderImport, readFolderFiles } from '../../electron/exchange/folderImport';
import { writePackage, type PackageResult } from '../../electron/exchange/usbPackage';
import { listProjects } from '../../electron/projects/projects';
import { MANIFEST_FILE, MANIFEST_TEXT_FILE, verifyPackage } from '../../electron/exchange/usbVerify';
import { recentAudit } from '../../electron/ledger/audit';
import { serviceContext } from '../../electron/ledger/context';
import { checkLedger } from '../../electron/ledger/integrity';
import { cliJson, cliProcess } from '../fixtures/cli';
import { demoContext, demoLedgerFile } from '../fixtures/demoLedger';
import { tempFolder } from '../ledger/tempLedger';

const ctx = demoContext();

async function packageOnce(): Promise<PackageResult> {
  return writePackage(ctx, { year: 2023, outDir: path.join(tempFolder(), '2023年度报送'), snapshot: true });
}

const byLabel = (r: PackageResult, label: string) => r.files.find((f) => f.label === label)!;

describe('导出到U盘', () => {
  it('writes the year’s files, a snapshot and the manifest, reads them back, and records it in the audit log', async () => {
    const result = await packageOnce();
    expect(result.failed).toEqual([]);
    const labels = result.files.map((f) => f.label);
    expect(labels).toEqual(
      expect.arrayContaining(['项目清单', '共性指标库', '绩效目标公开表', '整改台账', '年度绩效工作情况', '台账快照']),
    );
    // Everything written is listed; no temp file is left behind.
    expect(fs.readdirSync(result.folder).sort()).toEqual([...result.files.map((f) => f.name), MANIFEST_FILE, MANIFEST_TEXT_FILE].sort());
    const manifest = JSON.parse(fs.readFileSync(path.join(result.folder, MANIFEST_FILE), 'utf8'));
    expect(manifest).toMatchObject({ year: 2023, exportedBy: '测试员', ledgerId: '演示.db', appVersion: expect.any(String) });
    expect(manifest.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.readFileSync(path.join(result.folder, MANIFEST_TEXT_FILE), 'utf8')).toMatch(/台账没有单独的编号，以台账文件名标识/);
    // Kinds the demo year has nothing for are named with the reason, not silently dropped.
    for (const s of result.skipped) expect(s.reason).toMatch(/[\u4e00-\u9fff]/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(result.folder, byLabel(result, '项目清单').name));
    expect(workbook.worksheets[0]!.rowCount).toBeGreaterThan(200);

    expect(recentAudit(ctx, 5).find((e) => e.action === 'ledger.usbPackage')?.after).toContain(result.folder.replaceAll('\\', '\\\\'));
    expect(verifyPackage(result.folder)).toMatchObject({
      complete: true,
      messages: ['完整：' + result.files.length + ' 个文件与清单一致。'],
    });
  });

  it('the snapshot opens as a valid ledger and passes the integrity check', async () => {
    const result = await packageOnce();
    const snapshot = openLedger(path.join(result.folder, byLabel(result, '台账快照').name), { mustExist: true });
    try {
      const check = checkLedger(serviceContext(snapshot, '测试员'));
      expect(check.ok).toBe(true);
      const projects = snapshot.sqlite.prepare('select count(*) as n from projects').get() as { n: number };
      expect(projects.n).toBe(292);
    } finally {
      closeLedger(snapshot);
    }
  });

  it('refuses a folder that already holds files', async () => {
    const folder = tempFolder();
    fs.writeFileSync(path.join(folder, '旧文件.txt'), '旧');
    await expect(writePackage(ctx, { year: 2023, outDir: folder, snapshot: false })).rejects.toThrow(/不是空的/);
  });
});

describe('校验U盘文件', () => {
  it('names a flipped byte, a truncated file, a removed file and a stray file, and exits non-zero', async () => {
    const result = await packageOnce();
    const [flipped, truncated, removed] = result.files.map((f) => f.name);
    expect(cliProcess('verify', result.folder)).toMatchObject({ code: 0, out: expect.stringMatching(/^完整/) });

    const flippedPath = path.join(result.folder, flipped!);
    const bytes = fs.readFileSync(flippedPath);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    fs.writeFileSync(flippedPath, bytes);
    const truncatedPath = path.join(result.folder, truncated!);
    fs.truncateSync(truncatedPath, Math.floor(fs.statSync(truncatedPath).size / 2));
    fs.rmSync(path.join(result.folder, removed!));
    fs.writeFileSync(path.join(result.folder, '别人的文件.docx'), 'x');

    const text = cliProcess('verify', result.folder);
    expect(text.code).toBe(1);
    expect(text.out).toContain(`缺少：${removed}`);
    expect(text.out).toContain(`不一致：${flipped}（内容与清单的 SHA-256 不符`);
    expect(text.out).toContain(`不一致：${truncated}（大小不符`);
    expect(text.out).toContain('多出：别人的文件.docx');
    expect(text.out).not.toContain('完整');

    const json = cliProcess('verify', result.folder, '--json');
    expect(json.code).toBe(1);
    const doc = cliJson(json);
    expect(doc).toMatchObject({ ok: false, complete: false, missing: [removed], extra: ['别人的文件.docx'] });
    expect(doc.changed.map((c: any) => c.name).sort()).toEqual([flipped, truncated].sort());
    expect(doc.manifest).toMatchObject({ year: 2023, ledgerId: '演示.db' });
  });

  it('carries each unit its own declaration and monitoring form in a folder per kind, which the folder import recognises', async () => {
    const result = await writePackage(ctx, {
      year: 2023,
      outDir: path.join(tempFolder(), '发各单位'),
      include: ['targets-templates', 'monitoring-forms'],
      snapshot: false,
    });
    expect(result.failed).toEqual([]);
    const declarations = result.files.filter((f) => f.label === '各单位绩效目标申报表');
    const forms = result.files.filter((f) => f.label === '各主管部门绩效监控表（当前一轮）');
    const unitsWithProjects = new Set(listProjects(ctx, { year: 2023 }).map((p) => p.unitName));
    expect(declarations).toHaveLength(unitsWithProjects.size);
    expect(declarations.every((f) => /^绩效目标申报表\/2023年度绩效目标申报表（.+）\.xlsx$/.test(f.name))).toBe(true);
    expect(forms.length).toBeGreaterThan(10);
    expect(forms.every((f) => f.name.startsWith('绩效监控表/2023年度'))).toBe(true);
    expect(verifyPackage(result.folder).complete).toBe(true);

    // What comes back from the units is recognised by kind and unit.
    const sample = readFolderFiles(result.folder).filter((f) => f.name === declarations[0]!.name || f.name === forms[0]!.name);
    const preview = await previewFolderImport(ctx, { year: 2023, files: sample });
    expect(preview.files.map((f) => f.kindLabel).sort()).toEqual(['绩效监控表', '绩效目标申报表']);
    const [form, declaration] = preview.files;
    expect(declaration!.units).toEqual(['中共轮台县委办公室']);
    // The department's form carries its units' targets as well.
    expect(form!.units).toEqual(expect.arrayContaining(['中共轮台县委办公室', '中共轮台县委机要和保密局']));

    // A file slipped into a unit folder is named with its folder.
    fs.writeFileSync(path.join(result.folder, '绩效目标申报表', '多出来的.xlsx'), 'x');
    expect(verifyPackage(result.folder)).toMatchObject({ complete: false, extra: ['绩效目标申报表/多出来的.xlsx'] });
  }, 180_000);

  it('a missing or unreadable manifest is said plainly', () => {
    const folder = tempFolder();
    fs.writeFileSync(path.join(folder, '项目清单.xlsx'), 'x');
    expect(verifyPackage(folder)).toMatchObject({ complete: false, manifest: null, problem: expect.stringMatching(/没有清单\.json/) });
    fs.writeFileSync(path.join(folder, MANIFEST_FILE), '{"半截');
    const r = cliProcess('verify', folder);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/清单\.json 已损坏/);
  });
});

describe('package on the command line', () => {
  it('packages the chosen kinds with a snapshot, and refuses an unknown kind as a usage error', () => {
    const ledger = demoLedgerFile();
    const out = path.join(tempFolder(), '报送');
    const r = cliProcess('package', '--ledger', ledger, '--year', '2023', '--out', out, '--include', 'projects,snapshot', '--json');
    expect(r.code).toBe(0);
    const doc = cliJson(r);
    expect(doc.files.map((f: any) => f.label)).toEqual(['项目清单', '台账快照']);
    expect(doc.failed).toEqual([]);
    expect(cliProcess('verify', out).code).toBe(0);

    const bad = cliProcess('package', '--ledger', ledger, '--year', '2023', '--out', path.join(tempFolder(), 'x'), '--include', 'budgets');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/没有“budgets”这种内容。可选：projects/);
  });
});
