import type { SortDirection } from './SortableTh';

export type SortValue = string | number | null;

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Sorts a copy by one value per row: numbers numerically, text in Chinese collation, empty values last. */
export function sortRows<T>(rows: readonly T[], valueOf: (row: T) => SortValue, direction: SortDirection): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .map((row) => ({ row, value: valueOf(row) }))
    .sort((a, b) => {
      const x = a.value;
      const y = b.value;
      if (x === null || x === '') return y === null || y === '' ? 0 : 1;
      if (y === null || y === '') return -1;
      if (typeof x === 'number' && typeof y === 'number') return (x - y) * sign;
      return collator.compare(String(x), String(y)) * sign;
    })
    .map(({ row }) => row);
}

/** Case-insensitive match of a search box against some of a row's texts. */
export function matchesSearch(search: string, texts: readonly (string | null)[]): boolean {
  const needle = search.trim().toLowerCase();
  return !needle || texts.some((t) => t?.toLowerCase().includes(needle));
}
