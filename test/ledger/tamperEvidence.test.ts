/**
 * 防篡改 (#17): a ledger edited outside the app, the way someone with a SQLite tool would do it on the
 * closed file, is caught by `check` and named — an audit entry rewritten with the chain recomputed, the
 * log's last entries or all of them deleted, a budget multiplied by ten, the guard triggers dropped —
 * and a backup edited the same way is refused at restore. Normal work (edits, a 项目类型 rename, a
 * backup and a restore, the demo year) never raises an alarm.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeLedger, openLedger } from '../../db/open';
import { ANCHOR_FOLDER_NAME } from '../../electron/ledger/auditAnchor';
import { backupLedger } from '../../electron/ledger/backup';
import { inTransaction, serviceContext } from '../../electron/ledger/context';
import { checkLedger } from '../../electron/ledger/integrity';
import { restoreLedger } from '../../electron/ledger/restore';
import { listProjectTypes, renameProjectType } from '../../electron/projects/projectTypes';
import { createProject, updateProject } from '../../electron/projects/projects';
import { createUnit } from '../../electron/projects/units';
import { createYear } from '../../electron/settings/yearSetup';
import { cliProcess } from '../fixtures/cli';
import { demoContext, prepareDemoLedger } from '../fixtures/demoLedger';
import { tempFolder, track } from './tempLedger';

prepareDemoLedger();

// This computer's user-data folder (key and anchors) is a temp folder, here and in the CLI processes.
const saved = { XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME, APPDATA: process.env.APPDATA };
let userData = '';
beforeAll(() => {
  userData = tempFolder();
  process.env.XDG_CONFIG_HOME = userData;
  process.env.APPDATA = userData;
});
afterAll(() => {
  for (const [k, v] of Object.entries(saved))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
});

const PROJECT = '预算绩效管理第三方评价服务';

/** A closed ledger with a project and 320 more audit entries, checked once in the app (which anchors it). */
function workedLedger(): string {
  const file = path.join(tempFolder(), '台账.db');
  const ledger = openLedger(file);
  const ctx = serviceContext(ledger, '测试员');
  createYear(ctx, { year: 2023 });
  const unit = createUnit(ctx, { name: '轮台县财政局', code: '111', parentId: null, classified: false });
  const project = {
    year: 2023,
    unitId: unit.id,
    code: 'P1',
    name: PROJECT,
    projectType: '政府购买服务',
    budgetKind: 'general',
    initialBudgetFen: 45_000_000,
    continuity: 'continuing',
    majorPolicy: false,
  } as const;
  const { id } = createProject(ctx, project);
  updateProject(ctx, { ...project, id, initialBudgetFen: 46_000_000 });
  inTransaction(ctx, () => {
    for (let i = 0; i < 320; i++) createUnit(ctx, { name: `乡镇${i}`, code: `9${i}`, parentId: unit.id, classified: false });
  });
  expect(checkLedger(ctx).ok).toBe(true);
  closeLedger(ledger);
  return file;
}

/** Raw SQLite on the closed file, as an attacker works. */
function tamper(file: string, sql: string, rechain = false): void {
  const db = new Database(file);
  try {
    db.exec(`drop trigger audit_log_no_update; drop trigger audit_log_no_delete;`);
    db.exec(sql);
    if (rechain) recomputeChain(db);
    // Put the guards back exactly as the migration wrote them, to hide the visit.
    db.exec(fs.readFileSync(path.join('db', 'migrations', '0001_audit_append_only.sql'), 'utf8').replace(/--> statement-breakpoint/g, ''));
  } finally {
    db.close();
  }
}

/** The chain as audit.ts computes it: anyone with the source can redo it. */
function recomputeChain(db: Database.Database): void {
  let prev = '0'.repeat(64);
  const rows = db.prepare(`select * from audit_log order by id`).all() as Record<string, string | number | null>[];
  const set = db.prepare(`update audit_log set prev_hash = ?, hash = ? where id = ?`);
  for (const r of rows) {
    const canonical = JSON.stringify([r.at, r.actor, r.action, r.entity, r.entity_id, r.before, r.after]);
    const hash = createHash('sha256').update(prev).update('\n').update(canonical).digest('hex');
    set.run(prev, hash, r.id);
    prev = hash;
  }
}

function checkFile(file: string) {
  const ledger = track(openLedger(file, { mustExist: true }));
  try {
    return checkLedger(serviceContext(ledger, '测试员'));
  } finally {
    closeLedger(ledger);
  }
}

describe('check finds tampering done outside the app', () => {
  it('an audit entry rewritten and the chain recomputed: the anchored entry no longer matches', () => {
    const file = workedLedger();
    tamper(file, `update audit_log set actor = '别人' where id = 3`, true);
    const check = checkFile(file);
    expect(check.audit.brokenAt).toBeNull(); // the chain alone is fooled
    expect(check.ok).toBe(false);
    expect(check.anchor.status).toBe('broken');
    expect(check.problems.join()).toMatch(/第 \d+ 条审计记录与外部锚点不符：审计日志在程序之外被改写/);
  });

  it('the last 300 entries deleted (counter reset too): fewer entries than the anchor saw (CLI exit 1)', () => {
    const file = workedLedger();
    tamper(
      file,
      `delete from audit_log where id > (select max(id) - 300 from audit_log);
       update sqlite_sequence set seq = (select max(id) from audit_log) where name = 'audit_log';`,
    );
    const run = cliProcess('check', '--ledger', file);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/审计日志比外部锚点记录的少：锚点时有 \d+ 条.*现在只有 \d+ 条/);
  });

  it('the last entries deleted on a ledger with no anchor here: the id counter gives it away', () => {
    const file = workedLedger();
    fs.rmSync(path.join(userData, '绩效台账', ANCHOR_FOLDER_NAME), { recursive: true, force: true });
    tamper(file, `delete from audit_log where id > (select max(id) - 300 from audit_log)`);
    const check = checkFile(file);
    expect(check.anchor.message).toMatch(/无法与外部锚点核对/);
    expect(check.problems.join()).toMatch(/审计日志末尾的第 \d+–\d+ 条（共 300 条）已不在台账中/);
  });

  it('all entries deleted: the anchor and every record without an audit entry say so (CLI exit 1)', () => {
    const file = workedLedger();
    tamper(file, `delete from audit_log; delete from sqlite_sequence where name = 'audit_log';`);
    const run = cliProcess('check', '--ledger', file);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/现在只有 0 条/);
    expect(run.err).toMatch(new RegExp(`项目“${PROJECT}”（projects 第 1 号）没有任何审计记录`));
  });

  it('a budget multiplied by ten with SQL: table, record, field, audited and current values named (CLI exit 1)', () => {
    const file = workedLedger();
    const db = new Database(file);
    db.exec(`update projects set initial_budget_fen = initial_budget_fen * 10`);
    db.close();
    const run = cliProcess('check', '--ledger', file);
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      `项目“${PROJECT}”（projects 第 1 号）的年初预算数与审计记录不符：审计记录为 46.00 万元，台账中为 460.00 万元。`,
    );
    expect(run.out).toMatch(/记录与审计：1 处不符/);
  });

  it('the append-only and 入库 triggers dropped: each one named', () => {
    const file = workedLedger();
    const db = new Database(file);
    db.exec(`drop trigger audit_log_no_update; drop trigger audit_log_no_delete; drop trigger projects_ex_ante_gate_insert;`);
    db.close();
    const check = checkFile(file);
    expect(check.ok).toBe(false);
    expect(check.schema).toEqual(
      expect.arrayContaining([
        '缺少触发器 audit_log_no_update（audit_log 表）',
        '缺少触发器 audit_log_no_delete（audit_log 表）',
        '缺少触发器 projects_ex_ante_gate_insert（projects 表）',
      ]),
    );
    expect(check.problems.join()).toMatch(/表结构与本程序的数据库迁移不一致/);
  });

  it('a forged anchor is refused: its signature does not match', () => {
    const file = workedLedger();
    const folder = path.join(userData, '绩效台账', ANCHOR_FOLDER_NAME);
    const anchorFile = fs
      .readdirSync(folder)
      .map((n) => path.join(folder, n))
      .find((f) => fs.readFileSync(f, 'utf8').includes(JSON.stringify(file)))!;
    const anchor = JSON.parse(fs.readFileSync(anchorFile, 'utf8'));
    fs.writeFileSync(anchorFile, JSON.stringify({ ...anchor, count: 3, lastId: 3 }));
    expect(checkFile(file).problems.join()).toMatch(/外部锚点文件的签名不符/);
  });
});

describe('no false alarms', () => {
  it('edits, a 项目类型 rename, a backup and its restore check clean and stay anchored', () => {
    const file = workedLedger();
    const ledger = openLedger(file, { mustExist: true });
    const ctx = serviceContext(ledger, '测试员');
    const type = listProjectTypes(ctx).find((t) => t.name === '政府购买服务')!;
    renameProjectType(ctx, { id: type.id, name: '购买服务' });
    const backup = backupLedger(ledger, path.join(path.dirname(file), 'backups', '备份.db'));
    createUnit(ctx, { name: '备份之后的单位', code: null, parentId: null, classified: false });
    const check = checkLedger(ctx);
    expect(check.problems).toEqual([]);
    expect(check.anchor.status).toBe('matched');
    closeLedger(ledger);

    const restored = restoreLedger(backup.file, file, { actor: '测试员' });
    expect(restored.check.anchor.status).toBe('matched');
    closeLedger(restored.ledger);
    const after = checkFile(file);
    expect(after.problems).toEqual([]);
    expect(after.anchor.message).toMatch(/^已与本机用户数据文件夹中 台账\.db 的锚点/);
  });

  it('a restore stopped before its rename (a locked file) leaves the old ledger checking clean', () => {
    const file = workedLedger();
    const ledger = openLedger(file, { mustExist: true });
    const backup = backupLedger(ledger, path.join(path.dirname(file), '备份.db')).file;
    createUnit(serviceContext(ledger, '测试员'), { name: '备份之后的单位', code: null, parentId: null, classified: false });
    expect(checkLedger(serviceContext(ledger, '测试员')).ok).toBe(true);
    closeLedger(ledger);
    // The final rename onto the ledger fails, as an antivirus lock makes it on Windows.
    const locked = (from: string, to: string) => {
      if (to === file) throw Object.assign(new Error('locked'), { code: 'EBUSY' });
      fs.renameSync(from, to);
    };
    expect(() => restoreLedger(backup, file, { actor: '测试员', rename: locked })).toThrow(/恢复未完成/);
    const check = checkFile(file);
    expect(check.problems).toEqual([]);
    expect(check.anchor.message).toMatch(/恢复前状态/);
  });

  it('the demo year (thousands of audited writes) checks clean', () => {
    const check = checkLedger(demoContext());
    expect(check.problems).toEqual([]);
    expect(check.schema).toEqual([]);
    expect(check.auditedState).toEqual([]);
  });

  it('a ledger from another computer is not a fault: it cannot be compared with an anchor', () => {
    const file = workedLedger();
    fs.rmSync(path.join(userData, '绩效台账'), { recursive: true, force: true });
    const check = checkFile(file);
    expect(check.ok).toBe(true);
    expect(check.anchor).toMatchObject({ status: 'none', message: expect.stringMatching(/无法与外部锚点核对/) });
  });
});

describe('restore checks the backup first', () => {
  function backupOf(file: string): { backup: string; target: string } {
    const ledger = openLedger(file, { mustExist: true });
    const backup = backupLedger(ledger, path.join(path.dirname(file), '备份.db')).file;
    closeLedger(ledger);
    return { backup, target: file };
  }

  it('refuses a backup whose audit log was rewritten, and leaves the ledger alone', () => {
    const { backup, target } = backupOf(workedLedger());
    tamper(backup, `update audit_log set actor = '别人' where id = 3`, true);
    const before = fs.readFileSync(target);
    expect(() => restoreLedger(backup, target, { actor: '测试员' })).toThrow(/未通过检查，未恢复：.*与外部锚点不符/);
    expect(fs.readFileSync(target).equals(before)).toBe(true);
  });

  it('refuses a backup with a budget edited or a trigger dropped', () => {
    const { backup, target } = backupOf(workedLedger());
    const db = new Database(backup);
    db.exec(`update projects set initial_budget_fen = 1; drop trigger projects_ex_ante_gate_update;`);
    db.close();
    expect(() => restoreLedger(backup, target, { actor: '测试员' })).toThrow(
      /缺少触发器 projects_ex_ante_gate_update.*年初预算数与审计记录不符：审计记录为 46\.00 万元，台账中为 0\.00 万元/,
    );
  });
});
