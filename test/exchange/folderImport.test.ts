/**
 * 从U盘导入: a folder of units' files recognised, previewed together and committed file by file, on a
 * real ledger with real workbooks filled from the app's own templates, through the command line as an
 * administrator runs it and through the service the screen calls.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { desc } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { openLedger } from '../../db/open';
import { serviceContext, type ServiceContext } from '../../electron/ledger/context';
import { commitFolderImport, previewFolderImport, readFolderFiles, type FolderFile } from '../../electron/exchange/folderImport';
import { getKeyEvaluation } from '../../electron/keyEvaluations/keyEvaluations';
import { monitoringForm } from '../../electron/monitoring/monitoringEntries';
import { listTargets } from '../../electron/targets/targetList';
import { targetDetail } from '../../electron/targets/targetDetail';
import { cliJson, cliProcess, cliRunner } from '../fixtures/cli';
import { libraryXlsx } from '../fixtures/indicatorLibraries';
import { COUNTY_OPINIONS, opinionTableBytes } from '../fixtures/reviewOpinionTables';
import { printedScoreTable, retypedDeclaration } from '../fixtures/reviewTables';
import { selfEvaluationForm } from '../fixtures/selfEvaluationForms';
import { PROJECT_HEADER, projectRow, xlsx } from '../fixtures/workbooks';
import { YEAR } from '../fixtures/targetForms';
import { unitSubmissions, type UnitSubmissions } from '../fixtures/unitSubmissions';
import { tempFolder, track } from '../ledger/tempLedger';

let s: UnitSubmissions;
beforeAll(async () => {
  s = await unitSubmissions();
}, 60_000);

/** A fresh copy of the submissions' ledger. */
function ledgerCopy(): string {
  const file = path.join(tempFolder(), '台账.db');
  fs.copyFileSync(s.ledgerFile, file);
  return file;
}

const open = (file: string): ServiceContext => serviceContext(track(openLedger(file, { mustExist: true })), '测试员');

/** Writes files into a new folder on disk (names may hold sub-folders) and returns the folder. */
function folderWith(files: Record<string, Uint8Array | string>): string {
  const dir = path.join(tempFolder(), '单位报送');
  for (const [name, bytes] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), bytes);
  }
  return dir;
}

/** What a user sees the import did to the ledger. */
function whatWasImported(ctx: ServiceContext) {
  const declared = listTargets(ctx, { year: YEAR }).find((t) => t.projectId === s.trainingProjectId)!.targetId;
  const form = monitoringForm(ctx, { roundId: s.roundId, targetId: s.monitoredTargetId });
  return {
    declaredIndicators: declared === null ? 0 : targetDetail(ctx, declared).indicators.length,
    monitored: form.rows.map((r) => r.currentValue),
    scores: getKeyEvaluation(ctx, { id: s.evaluationId }).scores.filter((x) => x.score !== null).length,
  };
}

const NOTHING = { declaredIndicators: 0, monitored: ['', '', '', ''], scores: 0 };

function lastAudit(ctx: ServiceContext) {
  return ctx.ledger.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()!;
}

describe('import-folder on the command line', () => {
  it('imports the declaration, the monitoring form and the score sheet, and lists the PDF and the cut-short workbook with their reasons', async () => {
    const ledgerFile = ledgerCopy();
    const dir = folderWith({
      '教育局/2023年度绩效目标申报表（轮台县教育局）.xlsx': s.files.declaration,
      '农业农村局监控表.xlsx': s.files.monitoring,
      '耕地轮作补助专家评分表.xlsx': s.files.scores,
      '情况说明.pdf': s.files.pdf,
      '第一中学申报表.xlsx': s.files.truncated,
    });
    const cli = (...more: string[]) => cliProcess('import-folder', dir, '--ledger', ledgerFile, '--year', String(YEAR), ...more);

    const dry = cli('--dry-run');
    expect(dry.code).toBe(1);
    expect(dry.out).toContain(
      '教育局/2023年度绩效目标申报表（轮台县教育局）.xlsx\n  类别：绩效目标申报表　状态：可导入\n  单位：轮台县教育局',
    );
    expect(dry.out).toContain('  将新增 1 个绩效目标');
    expect(dry.out).toContain(
      '农业农村局监控表.xlsx\n  类别：绩效监控表　状态：可导入\n  单位：轮台县农业农村局\n  读取：2 个工作表，8 行',
    );
    expect(dry.out).toContain('  将保存 1 张监控表（2023 年度“5月项目监控”）');
    expect(dry.out).toMatch(/耕地轮作补助专家评分表\.xlsx\n {2}类别：专家评分表　状态：可导入\n {2}单位：轮台县农业技术推广站/);
    expect(dry.out).toContain('将记录 2 位专家对“2023年耕地轮作补助项目”的评分');
    expect(dry.out).toContain('检查完毕（--dry-run，未写入）：共 5 个文件，可导入 3 个。');
    expect(dry.out).toMatch(/无法识别或已损坏的文件 2 个：\n {2}第一中学申报表\.xlsx（已损坏）：文件不完整，可能没有复制完或U盘被提前拔出/);
    expect(dry.out).toMatch(/\n {2}情况说明\.pdf（无法识别）：不是 Excel 工作簿（看起来是PDF 文件）/);
    expect(dry.err).toContain('有文件不能导入');
    expect(whatWasImported(open(ledgerFile))).toEqual(NOTHING);

    const json = cliJson(cli('--dry-run', '--json'));
    expect(json).toMatchObject({ ok: false, dryRun: true, year: YEAR, ready: 3, cancelled: false });
    // In the folder's order, as Explorer sorts Chinese names (by pinyin).
    expect(json.files.map((f: any) => [f.name, f.kindLabel, f.status])).toEqual([
      ['第一中学申报表.xlsx', '已损坏', 'damaged'],
      ['耕地轮作补助专家评分表.xlsx', '专家评分表', 'ready'],
      ['教育局/2023年度绩效目标申报表（轮台县教育局）.xlsx', '绩效目标申报表', 'ready'],
      ['农业农村局监控表.xlsx', '绩效监控表', 'ready'],
      ['情况说明.pdf', '无法识别', 'unrecognised'],
    ]);
    expect(json.files[2]).toMatchObject({ kind: 'targets', units: ['轮台县教育局'], rows: 7, errors: [] });
    expect(json.files[2].sha256).toMatch(/^[0-9a-f]{64}$/);

    const run = cli();
    expect(run.code).toBe(1);
    expect(run.out).toContain('已导入 3 个文件（共 5 个）');
    expect(run.out.match(/结果：已导入。/g)).toHaveLength(3);
    const ctx = open(ledgerFile);
    expect(whatWasImported(ctx)).toEqual({ declaredIndicators: 7, monitored: ['520', '98%', '部分达成', '93'], scores: 2 * 20 });
    const audit = lastAudit(ctx);
    expect(audit.action).toBe('import.folder');
    const after = JSON.parse(audit.after!);
    expect(after.taken.split('、')).toEqual([
      '耕地轮作补助专家评分表.xlsx（专家评分表）',
      '教育局/2023年度绩效目标申报表（轮台县教育局）.xlsx（绩效目标申报表）',
      '农业农村局监控表.xlsx（绩效监控表）',
    ]);
    expect(after.notTaken).toBe('第一中学申报表.xlsx（已损坏）、情况说明.pdf（无法识别）');
    expect(after.files.find((f: any) => f.name === '农业农村局监控表.xlsx')).toMatchObject({
      kind: 'monitoringForms',
      outcome: 'imported',
    });

    // The same folder again: the three are in the ledger already, nothing is written.
    const again = cliJson(await cliRunner()('import-folder', dir, '--ledger', ledgerFile, '--year', String(YEAR), '--json'));
    expect(again.imported).toBe(0);
    expect(again.files.filter((f: any) => f.outcome === 'unchanged')).toHaveLength(3);
    expect(lastAudit(open(ledgerFile)).id).toBe(audit.id);
    // Three command-line processes, each compiling the CLI: slow on a loaded machine.
  }, 120_000);

  it('says in Chinese that a folder does not exist', async () => {
    const missing = path.join(tempFolder(), '不存在的文件夹');
    const r = await cliRunner()('import-folder', missing, '--ledger', ledgerCopy(), '--year', String(YEAR));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`找不到文件夹 ${missing}。请确认U盘已插好`);
  });
});

describe('the folder import service', () => {
  const asFiles = (files: Record<string, Uint8Array>): FolderFile[] => Object.entries(files).map(([name, bytes]) => ({ name, bytes }));

  it('refuses a declaration with bad cells, naming each, and still imports the files after it', async () => {
    const ctx = open(ledgerCopy());
    const files = asFiles({
      '第一中学申报表.xlsx': s.files.badDeclaration,
      '监控表.xlsx': s.files.monitoring,
      '评分表.xlsx': s.files.scores,
    });
    const preview = await previewFolderImport(ctx, { year: YEAR, files });
    const bad = preview.files[0]!;
    expect(bad).toMatchObject({ kindLabel: '绩效目标申报表', status: 'errors', units: ['轮台县第一中学'] });
    expect(bad.reason).toMatch(/^有 \d+ 处错误，这个文件不会导入/);
    expect(bad.errors).toContainEqual(
      expect.objectContaining({ sheet: 'YZ-01', column: 'D', message: expect.stringMatching(/“约等于”不是可识别的指标性质/) }),
    );

    const result = await commitFolderImport(ctx, { year: YEAR, files });
    expect(result.files.map((f) => [f.name, f.outcome])).toEqual([
      ['第一中学申报表.xlsx', 'refused'],
      ['监控表.xlsx', 'imported'],
      ['评分表.xlsx', 'imported'],
    ]);
    expect(result.files[0]!.message).toBe(
      `有 ${bad.errors.length} 处错误，未导入。错误的位置见导入前的预览；请退回报送单位改正后重新报送。`,
    );
    expect(result.imported).toBe(2);
    expect(whatWasImported(ctx)).toMatchObject({ monitored: ['520', '98%', '部分达成', '93'], scores: 2 * 20 });
  });

  it('stops at a cancel between files: those done stay imported, the rest are not run', async () => {
    const ctx = open(ledgerCopy());
    const files = asFiles({ '申报表.xlsx': s.files.declaration, '监控表.xlsx': s.files.monitoring, '评分表.xlsx': s.files.scores });
    const seen: string[] = [];
    const result = await commitFolderImport(
      ctx,
      { year: YEAR, files },
      { onFile: (done, total, name) => seen.push(`${done}/${total} ${name}`), cancelled: () => seen.length === 2 },
    );
    expect(seen).toEqual(['0/3 申报表.xlsx', '1/3 监控表.xlsx']);
    expect(result).toMatchObject({ imported: 2, cancelled: true });
    expect(result.files.map((f) => f.outcome)).toEqual(['imported', 'imported', 'not-run']);
    expect(whatWasImported(ctx)).toEqual({ declaredIndicators: 7, monitored: ['520', '98%', '部分达成', '93'], scores: 0 });
    expect(JSON.parse(lastAudit(ctx).after!).taken).toBe('申报表.xlsx（绩效目标申报表）、监控表.xlsx（绩效监控表）');
  });

  it('imports only the files the clerk ticked', async () => {
    const ctx = open(ledgerCopy());
    const files = asFiles({ '申报表.xlsx': s.files.declaration, '监控表.xlsx': s.files.monitoring });
    const result = await commitFolderImport(ctx, { year: YEAR, files, only: ['监控表.xlsx'] });
    expect(result.files.map((f) => [f.outcome, f.message])).toEqual([
      ['not-taken', '未勾选，未导入。'],
      ['imported', '已导入：保存 1 张监控表（2023 年度“5月项目监控”）。'],
    ]);
    expect(whatWasImported(ctx).declaredIndicators).toBe(0);
  });

  it('recognises each kind by its code or its headers, never by its name', async () => {
    const ctx = open(ledgerCopy());
    // Each named as another kind would be, to show the name plays no part.
    const files = asFiles({
      '专家评分表.xlsx': s.files.monitoring,
      '监控表.xlsx': s.files.declaration,
      '申报表1.xlsx': xlsx([PROJECT_HEADER, projectRow(1)]),
      '申报表2.xlsx': libraryXlsx({}),
      '申报表3.xlsx': selfEvaluationForm().bytes,
      '申报表4.xlsx': retypedDeclaration(),
      '申报表5.xlsx': opinionTableBytes(COUNTY_OPINIONS, {
        unitAt: 'line',
        money: '万元',
        department: 'merged',
        count: 'nameColumn',
        grades: 'conclusion',
      }).bytes,
      '申报表6.xlsx': xlsx([
        ['预算单位', '项目代码', '项目名称', '年初预算数', '调整后预算数', '1-5月执行数'],
        ['轮台县教育局', 'JY-01', '2023年教师培训项目', 12.3456, 12.3456, 5],
      ]),
      '申报表7.xlsx': printedScoreTable(),
      '申报表8.xlsx': xlsx([
        ['姓名', '电话'],
        ['张三', '13800000000'],
      ]),
    });
    const preview = await previewFolderImport(ctx, { year: YEAR, files });
    expect(preview.files.map((f) => [f.name, f.kindLabel, f.status])).toEqual([
      ['专家评分表.xlsx', '绩效监控表', 'ready'],
      ['监控表.xlsx', '绩效目标申报表', 'ready'],
      ['申报表1.xlsx', '项目清单', 'ready'],
      ['申报表2.xlsx', '共性指标库', 'ready'],
      ['申报表3.xlsx', '单位自评表', 'errors'],
      ['申报表4.xlsx', '绩效目标申报表', 'ready'],
      ['申报表5.xlsx', '会审意见表', 'errors'],
      ['申报表6.xlsx', '执行数据', 'elsewhere'],
      ['申报表7.xlsx', '专家评分表', 'errors'],
      ['申报表8.xlsx', '无法识别', 'unrecognised'],
    ]);
    const reasons = Object.fromEntries(preview.files.map((f) => [f.name, f.reason]));
    expect(reasons['申报表6.xlsx']).toMatch(/请在“绩效监控”中选择轮次后点“导入执行数据”/);
    expect(reasons['申报表7.xlsx']).toMatch(/找不到“台账识别码”/);
    expect(reasons['申报表8.xlsx']).toMatch(/^没有认出这是哪种表格/);
  });

  it('reads sub-folders and skips Office lock files, hidden files and our own 清单', () => {
    const dir = folderWith({
      'a/申报表.xlsx': s.files.declaration,
      'a/~$申报表.xlsx': 'lock',
      '.DS_Store': 'mac',
      '清单.json': '{}',
      '清单.txt': '清单',
      '监控表.xlsx': s.files.monitoring,
    });
    expect(readFolderFiles(dir).map((f) => [f.name, f.bytes.length])).toEqual([
      ['监控表.xlsx', s.files.monitoring.length],
      ['a/申报表.xlsx', s.files.declaration.length],
    ]);
    expect(() => readFolderFiles(folderWith({ '~$锁.xlsx': 'lock' }))).toThrow(/中没有可导入的文件/);
  });
});
