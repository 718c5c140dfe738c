/**
 * 台账检查, 备份 and 恢复 on real files: a sound ledger passes; a tampered audit log and a dangling
 * reference are found; a backup is a consistent ledger of its own; a restore proves the backup first,
 * keeps what it replaces, and refuses a ledger still in use.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeLedger, openLedger } from '../../db/open';
import { backupLedger } from '../../electron/ledger/backup';
import { restoreLedger } from '../../electron/ledger/restore';
import { serviceContext } from '../../electron/ledger/context';
import { checkLedger } from '../../electron/ledger/integrity';
import { createProject, listProjects } from '../../electron/projects/projects';
import { createUnit } from '../../electron/projects/units';
import { createYear } from '../../electron/settings/yearSetup';
import { freshContext, tempFolder, track } from './tempLedger';

function populated(file: string) {
  const ledger = track(openLedger(file));
  const ctx = serviceContext(ledger, '测试员');
  createYear(ctx, { year: 2023 });
  const unit = createUnit(ctx, { name: '轮台县财政局', code: '111', parentId: null, classified: false });
  createProject(ctx, {
    year: 2023,
    unitId: unit.id,
    code: 'P1',
    name: '预算绩效管理第三方评价服务',
    projectType: '政府购买服务',
    budgetKind: 'general',
    initialBudgetFen: 45_000_000,
    continuity: 'continuing',
    majorPolicy: false,
  });
  return ctx;
}

describe('checkLedger', () => {
  it('a sound ledger is ok, with counts per table', () => {
    const ctx = populated(path.join(tempFolder(), 'a.db'));
    const check = checkLedger(ctx);
    expect(check).toMatchObject({ ok: true, integrity: 'ok', foreignKeyViolations: [], problems: [] });
    // the year and its 3 default monitoring rounds, a unit, a project
    expect(check.audit).toEqual({ entries: 6, brokenAt: null });
    expect(check.counts).toMatchObject({ fiscal_years: 1, monitoring_rounds: 3, budget_units: 1, projects: 1, audit_log: 6 });
    expect(Object.keys(check.counts)).not.toContain('__drizzle_migrations');
  });

  it('finds an audit entry edited outside the app', () => {
    const ctx = populated(path.join(tempFolder(), 'b.db'));
    // Someone with a SQLite tool drops the guard and rewrites history.
    ctx.ledger.sqlite.exec(`drop trigger audit_log_no_update; update audit_log set actor = '别人' where id = 2;`);
    const check = checkLedger(ctx);
    expect(check.ok).toBe(false);
    expect(check.audit.brokenAt).toBe(2);
    expect(check.problems.join()).toMatch(/审计日志从第 2 条起与哈希链不符/);
  });

  it('finds a project pointing at a unit that is gone', () => {
    const ctx = populated(path.join(tempFolder(), 'c.db'));
    ctx.ledger.sqlite.pragma('foreign_keys = OFF');
    ctx.ledger.sqlite.exec(
      `insert into projects (year, unit_id, name, project_type, budget_kind, continuity) values (2023, 999, '孤儿项目', '补助补贴', 'general', 'new')`,
    );
    ctx.ledger.sqlite.pragma('foreign_keys = ON');
    const check = checkLedger(ctx);
    expect(check.ok).toBe(false);
    expect(check.foreignKeyViolations).toEqual([expect.objectContaining({ table: 'projects', parent: 'budget_units' })]);
  });
});

describe('backup and restore', () => {
  it('a backup is a consistent ledger; it never overwrites an existing file', () => {
    const dir = tempFolder();
    const ctx = populated(path.join(dir, '台账.db'));
    const backup = backupLedger(ctx.ledger, path.join(dir, 'backups', '备份1.db'));
    expect(backup.sizeBytes).toBeGreaterThan(0);
    expect(() => backupLedger(ctx.ledger, backup.file)).toThrow(/已存在/);
    expect(() => backupLedger(ctx.ledger, ctx.ledger.file)).toThrow(/不能与台账文件相同/);
    const copy = track(openLedger(backup.file, { mustExist: true }));
    const copyCtx = serviceContext(copy, '测试员');
    expect(checkLedger(copyCtx).ok).toBe(true);
    expect(listProjects(copyCtx, { year: 2023 }).map((p) => p.name)).toEqual(['预算绩效管理第三方评价服务']);
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.includes('.part-'))).toEqual([]);
  });

  it('restore puts the backup in place, keeps the replaced ledger, and records who did it', () => {
    const dir = tempFolder();
    const file = path.join(dir, '台账.db');
    const ctx = populated(file);
    const backup = backupLedger(ctx.ledger, path.join(dir, '备份.db'));
    // Work after the backup that the restore will undo.
    createUnit(ctx, { name: '备份之后的单位', code: null, parentId: null, classified: false });
    closeLedger(ctx.ledger);

    const result = restoreLedger(backup.file, file, { actor: '测试员', now: () => new Date('2024-01-02T10:00:00') });
    closeLedger(result.ledger);
    expect(result.safetyCopy).toBe(`${file}.替换前-20240102-100000`);
    expect(fs.existsSync(result.safetyCopy!)).toBe(true);
    expect(result.check.ok).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.includes('恢复中'))).toEqual([]);

    const restored = track(openLedger(file, { mustExist: true }));
    const rctx = serviceContext(restored, '测试员');
    expect(restored.sqlite.prepare(`select name from budget_units order by id`).pluck().all()).toEqual(['轮台县财政局']);
    const check = checkLedger(rctx);
    expect(check.ok).toBe(true);
    expect(restored.sqlite.prepare(`select action from audit_log order by id desc limit 1`).pluck().get()).toBe('ledger.restore');
    closeLedger(restored);

    const replaced = track(openLedger(result.safetyCopy!, { mustExist: true }));
    expect(replaced.sqlite.prepare(`select count(*) from budget_units`).pluck().get()).toBe(2);
  });

  it('refuses a file that is not a ledger, and leaves the target alone', () => {
    const dir = tempFolder();
    const file = path.join(dir, '台账.db');
    closeLedger(populated(file).ledger);
    const before = fs.readFileSync(file);
    const junk = path.join(dir, '不是台账.db');
    fs.writeFileSync(junk, 'SQLite format 3\u0000 but not really'.padEnd(4096, 'x'));
    expect(() => restoreLedger(junk, file)).toThrow(/不能作为台账恢复/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['不是台账.db', '台账.db']);
  });

  it('refuses while the ledger is open in another program', () => {
    const dir = tempFolder();
    const file = path.join(dir, '台账.db');
    const ctx = populated(file); // still open: its WAL survives our checkpoint
    const backup = backupLedger(ctx.ledger, path.join(dir, '备份.db'));
    expect(() => restoreLedger(backup.file, file)).toThrow(/正在被其他程序使用/);
    expect(fs.readdirSync(dir).filter((f) => f.includes('替换前') || f.includes('恢复中'))).toEqual([]);
  });

  it('restores into an empty place (a new PC) without a safety copy', () => {
    const dir = tempFolder();
    const ctx = freshContext({ year: 2023 });
    const backup = backupLedger(ctx.ledger, path.join(dir, '备份.db'));
    const result = restoreLedger(backup.file, path.join(dir, 'new', 'ledger.db'));
    track(result.ledger);
    expect(result.safetyCopy).toBeNull();
    expect(fs.existsSync(path.join(dir, 'new', 'ledger.db'))).toBe(true);
  });
});
