import { Table, UnstyledButton } from '@mantine/core';

export type SortDirection = 'asc' | 'desc';

interface SortableThProps {
  label: string;
  active: boolean;
  direction: SortDirection;
  align?: 'left' | 'right';
  onSort: () => void;
}

/** A column header that sorts the table when clicked; the arrow shows the current order. */
export function SortableTh({ label, active, direction, align = 'left', onSort }: SortableThProps) {
  const arrow = active ? (direction === 'asc' ? '▲' : '▼') : '↕';
  return (
    <Table.Th ta={align} aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'} style={{ whiteSpace: 'nowrap' }}>
      <UnstyledButton onClick={onSort} fw={600} fz="sm" title={`按${label}排序`}>
        {label}
        <span aria-hidden style={{ marginLeft: 4, opacity: active ? 1 : 0.35, fontSize: 10 }}>
          {arrow}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}
