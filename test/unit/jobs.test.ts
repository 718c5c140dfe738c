/**
 * The bridge's jobs: a start answers at once, progress is read while the work runs, 取消 is heard
 * between files, a failure comes back in Chinese, at most two run at once, and finished jobs expire.
 */
import { describe, expect, it } from 'vitest';
import { LedgerError } from '../../db/ledgerError';
import { Jobs, MAX_RUNNING_JOBS } from '../../electron/bridge/jobs';
import type { FileProgress } from '../../electron/exchange/progress';

/** Work over `names` that waits for `gate` before each file, so the test decides when it moves on. */
function steppedWork(names: string[]) {
  const gates: (() => void)[] = [];
  const next = () => gates.shift()?.();
  const work = async (progress: FileProgress) => {
    for (const [i, name] of names.entries()) {
      await new Promise<void>((resolve) => gates.push(resolve));
      if (progress.cancelled?.()) return `取消于 ${name}`;
      progress.onFile?.(i + 1, names.length, name);
    }
    return '完成';
  };
  return { work, next };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('jobs', () => {
  it('answers the start at once and reports each file until the result', async () => {
    const jobs = new Jobs<string>();
    const { work, next } = steppedWork(['a.xlsx', 'b.xlsx']);
    const id = jobs.start(work);
    expect(jobs.status(id)).toMatchObject({ done: 0, finished: false, result: null });
    await settle();
    next();
    await settle();
    expect(jobs.status(id)).toMatchObject({ done: 1, total: 2, current: 'a.xlsx', finished: false });
    next();
    await settle();
    expect(jobs.status(id)).toMatchObject({ done: 2, current: 'b.xlsx', finished: true, result: '完成', error: null });
  });

  it('stops between files once cancelled, and a finished job is not cancelled after the fact', async () => {
    const jobs = new Jobs<string>();
    const { work, next } = steppedWork(['a.xlsx', 'b.xlsx', 'c.xlsx']);
    const id = jobs.start(work);
    await settle();
    next();
    await settle();
    expect(jobs.cancel(id)).toMatchObject({ cancelling: true, finished: false });
    next();
    await settle();
    expect(jobs.status(id)).toMatchObject({ done: 1, finished: true, result: '取消于 b.xlsx' });
    expect(jobs.cancel(id).result).toBe('取消于 b.xlsx');
  });

  it('reports a failure in the words the user reads, and an unexpected one as well', async () => {
    const jobs = new Jobs<string>();
    const refused = jobs.start(async () => {
      throw new LedgerError('package_folder_not_empty', '文件夹 E:\\ 不是空的。');
    });
    const broken = jobs.start(async () => {
      throw new Error('ENOSPC: no space left on device');
    });
    await settle();
    expect(jobs.status(refused)).toMatchObject({
      finished: true,
      error: { code: 'package_folder_not_empty', message: '文件夹 E:\\ 不是空的。' },
    });
    expect(jobs.status(broken).error).toMatchObject({
      code: 'internal',
      message: expect.stringMatching(/^操作未完成：ENOSPC.*请把此信息告知技术支持/),
    });
  });

  it(`runs at most ${MAX_RUNNING_JOBS} at once and says why the next is refused`, async () => {
    const jobs = new Jobs<string>();
    const running = Array.from({ length: MAX_RUNNING_JOBS }, () => steppedWork(['a']));
    for (const r of running) jobs.start(r.work);
    expect(() => jobs.start(steppedWork(['a']).work)).toThrow(/已有 2 项导出或导入正在进行/);
    await settle();
    running[0]!.next();
    await settle();
    expect(() => jobs.start(async () => '再来一个')).not.toThrow();
  });

  it('keeps a finished job (and what it kept) for an hour, then forgets it', async () => {
    let now = 0;
    const jobs = new Jobs<string, { files: string[] }>(() => now);
    const id = jobs.start(async () => '预览', { files: ['a.xlsx'] });
    await settle();
    now += 59 * 60 * 1000;
    expect(jobs.kept(id)).toEqual({ result: '预览', keep: { files: ['a.xlsx'] }, finished: true });
    now += 2 * 60 * 1000;
    expect(() => jobs.status(id)).toThrow(/已过期或不存在/);
  });
});
