import { useCallback, useEffect, useState } from 'react';
import type { BridgeError, CallInput, CallName, CallResult } from '../../electron/bridge/contract';
import { callLedger } from './client';

export interface Loaded<T> {
  /** The last answer; kept while a reload runs so tables do not flash empty. */
  data: T | null;
  error: BridgeError | null;
  loading: boolean;
  reload: () => void;
}

/** Reads through the bridge whenever the input changes (compared by value); `null` input waits. */
export function useCall<K extends CallName>(name: K, input: CallInput<K> | null): Loaded<CallResult<K>> {
  const [state, setState] = useState<Omit<Loaded<CallResult<K>>, 'reload'>>({ data: null, error: null, loading: input !== null });
  const [version, setVersion] = useState(0);
  const key = input === null ? null : JSON.stringify(input);

  useEffect(() => {
    if (key === null) return;
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    void callLedger(name, JSON.parse(key) as CallInput<K>).then((result) => {
      if (!current) return;
      setState((s) =>
        result.ok ? { data: result.value, error: null, loading: false } : { data: s.data, error: result.error, loading: false },
      );
    });
    return () => {
      current = false;
    };
  }, [name, key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
}
