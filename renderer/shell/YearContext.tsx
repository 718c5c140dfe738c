import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { BridgeError, YearSummary } from '../../electron/bridge/contract';
import { useCall } from '../bridge/useCall';

const CHOSEN_YEAR_KEY = 'ledger.chosenYear';

export interface YearState {
  /** Newest first, as the ledger lists them; null until the first answer. */
  years: YearSummary[] | null;
  /** The year every screen works in: the remembered choice, else the newest. */
  year: number | null;
  error: BridgeError | null;
  chooseYear: (year: number) => void;
  reloadYears: () => void;
}

const YearContext = createContext<YearState | null>(null);

export function YearProvider({ children }: { children: ReactNode }) {
  const { data: years, error, reload } = useCall('years.list', {});
  const [chosen, setChosen] = useState<number | null>(() => Number(localStorage.getItem(CHOSEN_YEAR_KEY)) || null);

  const chooseYear = useCallback((year: number) => {
    localStorage.setItem(CHOSEN_YEAR_KEY, String(year));
    setChosen(year);
  }, []);

  const value = useMemo<YearState>(() => {
    const year = years?.some((y) => y.year === chosen) ? chosen : (years?.[0]?.year ?? null);
    return { years, year, error, chooseYear, reloadYears: reload };
  }, [years, chosen, error, chooseYear, reload]);

  return <YearContext.Provider value={value}>{children}</YearContext.Provider>;
}

export function useYear(): YearState {
  const state = useContext(YearContext);
  if (!state) throw new Error('useYear must be used inside YearProvider');
  return state;
}
