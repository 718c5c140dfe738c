/**
 * Long operations (导出到U盘, 从U盘导入) as jobs: the start call returns at once with a job id, the work
 * runs on in the main process, and the screen asks for its progress and may ask it to stop — plain
 * request and answer, so the desktop app's IPC and the browser host carry it alike. A job keeps what
 * its next step needs (the files a folder preview read, for the commit), and everything expires.
 */
import { randomUUID } from 'node:crypto';
import { LedgerError } from '../../db/ledgerError';
import type { FileProgress } from '../exchange/progress';
import { nextTurn } from '../exchange/progress';
import { toBridgeError } from './bridgeError';
import type { BridgeError } from './contract';

/** At most this many run at once: each holds files in memory and the ledger's attention. */
export const MAX_RUNNING_JOBS = 2;
/** Finished jobs are kept for their result (and a preview's files for its commit) this long, and at most this many. */
const KEEP_FINISHED_MS = 60 * 60 * 1000;
const KEEP_FINISHED = 8;

/** What the screen sees of a job. */
export interface JobStatus<R> {
  jobId: string;
  done: number;
  total: number;
  /** The file being worked on, or the last one done. */
  current: string | null;
  finished: boolean;
  /** 取消 was asked; the job stops between two files. */
  cancelling: boolean;
  result: R | null;
  error: BridgeError | null;
}

interface Job<R, S> {
  status: JobStatus<R>;
  finishedAt: number | null;
  keep: S | null;
}

export class Jobs<R, S = never> {
  private readonly jobs = new Map<string, Job<R, S>>();

  constructor(private readonly clock: () => number = Date.now) {}

  /**
   * Starts `work` on the next turn (the start call answers first) and returns its id. `keep` is held
   * with the job for a later step. Refused while MAX_RUNNING_JOBS are still running.
   */
  start(work: (progress: FileProgress) => Promise<R>, keep: S | null = null): string {
    this.sweep();
    const running = [...this.jobs.values()].filter((j) => !j.status.finished).length;
    if (running >= MAX_RUNNING_JOBS)
      throw new LedgerError('too_many_jobs', `已有 ${running} 项导出或导入正在进行，未开始新的。请等它们完成，或取消其中一项后再试。`);
    const jobId = randomUUID();
    const job: Job<R, S> = {
      status: { jobId, done: 0, total: 0, current: null, finished: false, cancelling: false, result: null, error: null },
      finishedAt: null,
      keep,
    };
    this.jobs.set(jobId, job);
    const progress: FileProgress = {
      onFile: (done, total, name) => Object.assign(job.status, { done, total, current: name }),
      cancelled: () => job.status.cancelling,
    };
    void nextTurn()
      .then(() => work(progress))
      .then(
        (result) => void (job.status.result = result),
        (err: unknown) => void (job.status.error = toBridgeError(err)),
      )
      .finally(() => {
        job.status.finished = true;
        job.finishedAt = this.clock();
      });
    return jobId;
  }

  status(jobId: string): JobStatus<R> {
    return { ...this.job(jobId).status };
  }

  /** Asks the job to stop between two files; a finished job is left as it is. */
  cancel(jobId: string): JobStatus<R> {
    const job = this.job(jobId);
    if (!job.status.finished) job.status.cancelling = true;
    return { ...job.status };
  }

  /** What a finished job kept for the next step, with its result. */
  kept(jobId: string): { result: R | null; keep: S | null; finished: boolean } {
    const job = this.job(jobId);
    return { result: job.status.result, keep: job.keep, finished: job.status.finished };
  }

  drop(jobId: string): void {
    this.jobs.delete(jobId);
  }

  private job(jobId: string): Job<R, S> {
    this.sweep();
    const job = this.jobs.get(jobId);
    if (!job) throw new LedgerError('job_missing', '这项导出或导入已过期或不存在（程序重启后不再保留）。请重新开始。');
    return job;
  }

  private sweep(): void {
    const now = this.clock();
    const finished = [...this.jobs.entries()].filter(([, j]) => j.finishedAt !== null);
    for (const [id, j] of finished) if (now - j.finishedAt! > KEEP_FINISHED_MS) this.jobs.delete(id);
    const left = finished.filter(([id]) => this.jobs.has(id)).sort(([, a], [, b]) => a.finishedAt! - b.finishedAt!);
    for (const [id] of left.slice(0, Math.max(0, left.length - KEEP_FINISHED))) this.jobs.delete(id);
  }
}
