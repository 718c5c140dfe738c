import { Table, Text, type TextProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The box of a long list: at most a screen high and scrolling itself, so the table's sticky header
 * stays in view (sticky cannot reach the page through a horizontally scrolling box). Use with
 * `<Table stickyHeader>`.
 */
export function LongTableScroll({ minWidth, children }: { minWidth: number; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} maxHeight="calc(100dvh - 150px)">
      {children}
    </Table.ScrollContainer>
  );
}

/**
 * Text kept to one line so a screen shows many rows: cut with "…" past `maw`, the whole text shown on
 * hover (`title`, by default the text itself).
 */
export function OneLine({
  children,
  maw,
  title,
  ...props
}: { children: ReactNode; maw: number; title?: string } & Omit<TextProps, 'children'>) {
  return (
    <Text fz="sm" truncate="end" maw={maw} title={title ?? (typeof children === 'string' ? children : undefined)} {...props}>
      {children}
    </Text>
  );
}
