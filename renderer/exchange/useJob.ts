import { useEffect, useState } from 'react';
import type { BridgeError, Envelope, JobStart, JobView } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { typesFolders, withTypedFolder } from '../bridge/httpBridge';

/** How often a running job is asked for its progress. */
const POLL_MS = 300;

export interface JobRun {
  /** The job's last progress, and its result or error once finished. */
  view: JobView | null;
  /** The folder the job works on. */
  folder: string | null;
  /** The start's refusal, or a lost connection while polling. */
  refusal: BridgeError | null;
  starting: boolean;
  running: boolean;
  /** Browser host only: the folder path typed in the page, sent with the start call. */
  typedFolder: string;
  setTypedFolder: (folder: string) => void;
  /** Starts a job whose start call chooses a folder (the dialog, or the typed path). */
  startInFolder: (send: () => Promise<Envelope<JobStart>>) => Promise<void>;
  /** Starts a job on what an earlier job kept (no folder to choose). */
  start: (send: () => Promise<Envelope<{ jobId: string }>>) => Promise<void>;
  cancel: () => void;
  reset: () => void;
}

/**
 * A long step of U盘交换 as the screen follows it: start it, poll its progress until it has finished,
 * offer 取消 meanwhile. In the browser host the folder is typed; the start refuses an empty one.
 */
export function useJob(): JobRun {
  const [jobId, setJobId] = useState<string | null>(null);
  const [view, setView] = useState<JobView | null>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<BridgeError | null>(null);
  const [starting, setStarting] = useState(false);
  const [typedFolder, setTypedFolder] = useState('');

  useEffect(() => {
    if (jobId === null) return;
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const answer = await ledger.exchange.jobProgress({ jobId });
      if (!current) return;
      if (!answer.ok) return setRefusal(answer.error);
      setView(answer.value);
      if (!answer.value.finished) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [jobId]);

  function reset() {
    setJobId(null);
    setView(null);
    setFolder(null);
    setRefusal(null);
  }

  async function start(send: () => Promise<Envelope<{ jobId: string }>>) {
    reset();
    setStarting(true);
    const answer = await send();
    setStarting(false);
    if (!answer.ok) return setRefusal(answer.error);
    setJobId(answer.value.jobId);
  }

  async function startInFolder(send: () => Promise<Envelope<JobStart>>) {
    if (typesFolders() && !typedFolder.trim())
      return setRefusal({ code: 'no_folder', message: '请先填写文件夹的完整路径（例如 E:\\2023年度报送），再开始。' });
    reset();
    setStarting(true);
    const answer = typesFolders() ? await withTypedFolder(typedFolder, send) : await send();
    setStarting(false);
    if (!answer.ok) return setRefusal(answer.error);
    if (answer.value.cancelled) return;
    setFolder(answer.value.folder);
    setJobId(answer.value.jobId);
  }

  function cancel() {
    if (jobId === null) return;
    void ledger.exchange.jobCancel({ jobId }).then((answer) => answer.ok && setView(answer.value));
  }

  const running = starting || (jobId !== null && !view?.finished && refusal === null);
  return { view, folder, refusal, starting, running, typedFolder, setTypedFolder, startInFolder, start, cancel, reset };
}
