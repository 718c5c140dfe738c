/**
 * 本局信息 on real ledger files: saved validated and audited in one transaction, read back by the bridge
 * with messages at the fields, set by `ledger init --bureau`, and required before a notice is numbered
 * or exported — the list still exports, with a placeholder where the name goes.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { LedgerError } from '../../db/ledgerError';
import { dispatch } from '../../electron/bridge/dispatcher';
import { recentAudit } from '../../electron/ledger/audit';
import { getLedgerSettings, saveLedgerSettings } from '../../electron/ledger/settings';
import { openLedger } from '../../db/open';
import { serviceContext } from '../../electron/ledger/context';
import { draftNoticesFromWarnings, issueNotices } from '../../electron/rectification/rectification';
import { noticeDetail } from '../../electron/rectification/noticeList';
import { exportNoticeDocuments, exportNoticeList } from '../../electron/rectification/rectificationDocuments';
import { cliJson, cliRunner } from '../fixtures/cli';
import { monitoredYear } from '../fixtures/notices';
import { freshContext, tempFolder, track } from './tempLedger';
import { refusal } from '../fixtures/refusal';

describe('saving 本局信息', () => {
  it('starts empty, saves trimmed values with one audit entry, and logs nothing when nothing changed', () => {
    const ctx = freshContext();
    expect(getLedgerSettings(ctx)).toEqual({ bureauName: null, noticePrefix: null, updatedAt: null });

    const saved = saveLedgerSettings(ctx, { bureauName: '  温宿县财政局 ', noticePrefix: ' 温财绩整 ' });
    expect(saved).toMatchObject({ bureauName: '温宿县财政局', noticePrefix: '温财绩整', updatedAt: '2023-03-01T08:00:00.000Z' });
    expect(getLedgerSettings(ctx)).toEqual(saved);
    const [entry] = recentAudit(ctx, 1);
    expect(entry).toMatchObject({ action: 'settings.save', entity: 'ledger_settings', actor: '测试员', before: null });
    expect(JSON.parse(entry!.after!)).toEqual({ bureauName: '温宿县财政局', noticePrefix: '温财绩整' });

    saveLedgerSettings(ctx, { bureauName: '温宿县财政局', noticePrefix: '温财绩整' });
    expect(recentAudit(ctx, 10).filter((e) => e.action === 'settings.save')).toHaveLength(1);

    saveLedgerSettings(ctx, { bureauName: '温宿县财政局', noticePrefix: '' });
    const [change] = recentAudit(ctx, 1);
    expect(JSON.parse(change!.before!)).toEqual({ bureauName: '温宿县财政局', noticePrefix: '温财绩整' });
    expect(JSON.parse(change!.after!)).toEqual({ bureauName: '温宿县财政局', noticePrefix: null });
    expect(getLedgerSettings(ctx).noticePrefix).toBeNull();
  });

  it.each([
    ['an empty name', { bureauName: '  ', noticePrefix: null }, 'bureauName', '请填写财政局名称'],
    ['an overlong name', { bureauName: '局'.repeat(41), noticePrefix: null }, 'bureauName', '不超过 40 个字'],
    ['a name over two lines', { bureauName: '温宿县\n财政局', noticePrefix: null }, 'bureauName', '一行'],
    ['a prefix with the year in it', { bureauName: '温宿县财政局', noticePrefix: '温财绩整〔2023〕' }, 'noticePrefix', '只写机关代字'],
    ['an overlong prefix', { bureauName: '温宿县财政局', noticePrefix: '温'.repeat(13) }, 'noticePrefix', '不超过 12 个字'],
  ])('refuses %s at its field, in Chinese, and writes nothing', (_label, input, field, words) => {
    const ctx = freshContext();
    const e = refusal(() => saveLedgerSettings(ctx, input));
    expect(e.code).toBe('invalid_input');
    expect(e.message).toContain('本局信息未保存');
    expect(e.fields?.[field]).toContain(words);
    expect(getLedgerSettings(ctx).bureauName).toBeNull();
    expect(recentAudit(ctx, 10)).toEqual([]);
  });

  it('through the bridge: the form gets the message at the field, and reads back what was saved', async () => {
    const ctx = freshContext();
    const bad = await dispatch(ctx, 'settings.save', { bureauName: '', noticePrefix: '温财〔绩〕' });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        fields: { bureauName: expect.stringContaining('请填写财政局名称'), noticePrefix: expect.stringContaining('机关代字') },
      },
    });
    const missing = await dispatch(ctx, 'settings.save', { noticePrefix: null } as never);
    expect(missing).toMatchObject({ ok: false, error: { fields: { bureauName: '请填写财政局名称' } } });

    expect(await dispatch(ctx, 'settings.save', { bureauName: '温宿县财政局', noticePrefix: '温财绩整' })).toMatchObject({ ok: true });
    expect(await dispatch(ctx, 'settings.get', {})).toMatchObject({
      ok: true,
      value: { bureauName: '温宿县财政局', noticePrefix: '温财绩整' },
    });
  });
});

describe('notices need 本局信息', () => {
  it('a ledger without it refuses to issue (number) a notice, naming where to fill it in; once filled in, the notice takes its prefix', () => {
    const { ctx, roundId } = monitoredYear({ bureau: null });
    const [draft] = draftNoticesFromWarnings(ctx, { roundId });

    const issue = refusal(() => issueNotices(ctx, { ids: [draft!.id] }));
    expect(issue.code).toBe('settings_missing');
    expect(issue.message).toContain('发文字号前缀');
    expect(issue.message).toContain('“设置 → 本局信息”');
    expect(noticeDetail(ctx, { id: draft!.id })).toMatchObject({ status: 'draft', number: null });

    saveLedgerSettings(ctx, { bureauName: '温宿县财政局', noticePrefix: '温财绩整' });
    const [issued] = issueNotices(ctx, { ids: [draft!.id] });
    expect(issued!.number).toBe('温财绩整〔2023〕1号');
  });

  it('exporting the Word notices is refused without the bureau name; the list exports with a placeholder', async () => {
    const { ctx, roundId } = monitoredYear({ bureau: null });
    const [draft] = draftNoticesFromWarnings(ctx, { roundId });
    saveLedgerSettings(ctx, { bureauName: '温宿县财政局', noticePrefix: '温财绩整' });
    issueNotices(ctx, { ids: [draft!.id] });
    // The bureau's row is gone (as in a ledger from before 本局信息 existed, with numbers already issued).
    ctx.ledger.sqlite.exec('delete from ledger_settings');

    const refused = await exportNoticeDocuments(ctx, { ids: [draft!.id], per: 'project' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LedgerError);
    expect((refused as LedgerError).message).toBe(
      '台账还没有填写本局的财政局名称，整改通知不能没有发文机关。请先在“设置 → 本局信息”中填写财政局名称，再导出。',
    );

    const list = await exportNoticeList(ctx, { year: 2023 });
    const rows = XLSX.utils.sheet_to_json<string[]>(XLSX.read(list.bytes).Sheets['整改通知']!, { header: 1, defval: '' });
    expect(rows[1]![0]).toMatch(/^编制单位：（未填写本局名称，请在“设置 → 本局信息”中填写）　　统计日期：/);
  });

  it('a new prefix numbers the next notices; numbers already issued keep theirs and the serial goes on', () => {
    const { ctx, roundId } = monitoredYear();
    const [classroom, rotation] = draftNoticesFromWarnings(ctx, { roundId });
    expect(issueNotices(ctx, { ids: [classroom!.id] })[0]!.number).toBe('轮财绩整〔2023〕1号');
    saveLedgerSettings(ctx, { bureauName: '轮台县财政局', noticePrefix: '轮财绩字' });
    expect(issueNotices(ctx, { ids: [rotation!.id] })[0]!.number).toBe('轮财绩字〔2023〕2号');
    expect(noticeDetail(ctx, { id: classroom!.id }).number).toBe('轮财绩整〔2023〕1号');
  });
});

describe('ledger init --bureau', () => {
  const run = cliRunner();

  it('sets the bureau name in the new ledger, and an empty name is a usage error that leaves no file', async () => {
    const folder = tempFolder();
    const file = path.join(folder, '温宿.db');
    const r = await run('init', file, '--bureau', '温宿县财政局', '--json');
    expect(r.code).toBe(0);
    expect(cliJson(r)).toMatchObject({ ok: true, bureauName: '温宿县财政局' });
    const ctx = serviceContext(track(openLedger(file)), '测试员');
    expect(getLedgerSettings(ctx)).toMatchObject({ bureauName: '温宿县财政局', noticePrefix: null });
    expect(recentAudit(ctx, 5).map((e) => [e.action, e.actor])).toContainEqual(['settings.save', '命令行:测试员']);

    const plain = await run('init', path.join(folder, '无名.db'));
    expect(plain.out).toContain('尚未填写本局信息');

    const bad = await run('init', path.join(folder, '空名.db'), '--bureau', ' ');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--bureau：请填写财政局名称');
    expect(fs.existsSync(path.join(folder, '空名.db'))).toBe(false);
  });
});
