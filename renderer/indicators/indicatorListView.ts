import { matchesIndicator, type LibraryIndicator } from '../../electron/rules/indicatorRecommendation';
import { placeIndicator } from '../../electron/rules/indicatorRules';
import { type IndicatorLayout, type IndicatorRow, NATURES } from '../../electron/bridge/contract';
import type { SortDirection } from '../common/SortableTh';
import { sortRows, type SortValue } from '../common/sortRows';
import { levelsOf } from './indicatorLabels';

/** A library row as the year shows it: its 一级/二级 in the year's layout, ready to be searched. */
export interface PlacedIndicator {
  row: IndicatorRow;
  level1: string;
  level2: string;
  retired: boolean;
  /** The class's position in the library, for sorting by class in the bureau's order. */
  classRank: number;
  /** Where the layout puts it, as a number: 一级 first, then 二级. */
  levelRank: number;
  searchable: LibraryIndicator;
}

export interface IndicatorFilters {
  classId: number | null;
  level1: string | null;
  level2: string | null;
  search: string;
  showRetired: boolean;
}

export const NO_FILTERS: IndicatorFilters = { classId: null, level1: null, level2: null, search: '', showRetired: false };

export type IndicatorSortKey = 'className' | 'level' | 'name' | 'nature';

export interface IndicatorSort {
  key: IndicatorSortKey;
  direction: SortDirection;
}

export interface IndicatorView {
  /** The rows the table shows. */
  shown: PlacedIndicator[];
  /** Rows matching class, levels and search, retired ones included. */
  matching: number;
  active: number;
  retired: number;
}

/** Places every row in the year's layout once, so a keystroke in the search box only filters. */
export function placeRows(rows: readonly IndicatorRow[], layout: IndicatorLayout): PlacedIndicator[] {
  const levels = levelsOf(layout);
  const level1s = Object.keys(levels);
  const classRanks = new Map<number, number>();
  return rows.map((row, index) => {
    if (!classRanks.has(row.classId)) classRanks.set(row.classId, index);
    const place = placeIndicator(row.level1, row.level2, layout);
    const l1 = level1s.indexOf(place.level1);
    const l2 = levels[place.level1]?.indexOf(place.level2) ?? -1;
    const retired = row.retiredAt !== null;
    return {
      row,
      level1: place.level1,
      level2: place.level2,
      retired,
      classRank: classRanks.get(row.classId)!,
      levelRank: (l1 < 0 ? 99 : l1) * 100 + (l2 < 0 ? 99 : l2),
      searchable: { ...row, level1: place.level1, level2: place.level2, retired },
    };
  });
}

/** Filters by class, levels and search, counts what matched, hides retired rows unless asked, then sorts. */
export function viewIndicators(rows: readonly PlacedIndicator[], filters: IndicatorFilters, sort: IndicatorSort | null): IndicatorView {
  const matched = rows.filter(
    (r) =>
      (filters.classId === null || r.row.classId === filters.classId) &&
      (filters.level1 === null || r.level1 === filters.level1) &&
      (filters.level2 === null || r.level2 === filters.level2) &&
      matchesIndicator(r.searchable, filters.search),
  );
  const retired = matched.filter((r) => r.retired).length;
  const kept = filters.showRetired ? matched : matched.filter((r) => !r.retired);
  const shown = sort ? sortRows(kept, (r) => SORT_VALUES[sort.key](r), sort.direction) : kept;
  return { shown, matching: matched.length, active: matched.length - retired, retired };
}

const SORT_VALUES: Record<IndicatorSortKey, (r: PlacedIndicator) => SortValue> = {
  className: (r) => r.classRank,
  level: (r) => r.levelRank,
  name: (r) => r.row.name,
  nature: (r) => NATURES.indexOf(r.row.nature),
};

/** The sentence above the table: "共 12 条，启用 11 条，停用 1 条（已隐藏）". */
export function countSentence(view: IndicatorView, showRetired: boolean, libraryTotal: number): string {
  let text = `共 ${view.matching} 条，启用 ${view.active} 条`;
  if (view.retired > 0) text += `，停用 ${view.retired} 条${showRetired ? '' : '（已隐藏）'}`;
  if (view.matching !== libraryTotal) text += `；全库 ${libraryTotal} 条`;
  return text;
}
