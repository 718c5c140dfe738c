import { Button, Table, VisuallyHidden } from '@mantine/core';
import type { ProjectRow } from '../../electron/bridge/contract';
import { EmptyRow } from '../common/EmptyRow';
import { LongTableScroll } from '../common/LongTable';
import { SortableTh } from '../common/SortableTh';
import { PROJECT_COLUMNS, type ProjectColumnKey } from './projectColumns';
import type { ProjectSort } from './projectListView';

interface ProjectTableProps {
  rows: ProjectRow[];
  sort: ProjectSort | null;
  onSort: (key: ProjectColumnKey) => void;
  onEdit: (row: ProjectRow) => void;
  /** Shown in the empty body: nothing in the year, or nothing matching the filters. */
  emptyText: string;
}

export function ProjectTable({ rows, sort, onSort, onEdit, emptyText }: ProjectTableProps) {
  return (
    <LongTableScroll minWidth={1180}>
      <Table striped highlightOnHover stickyHeader tabularNums horizontalSpacing="xs" aria-label="项目列表">
        <Table.Thead>
          <Table.Tr>
            {PROJECT_COLUMNS.map((c) => (
              <SortableTh
                key={c.key}
                label={c.label}
                align={c.align}
                active={sort?.key === c.key}
                direction={sort?.direction ?? 'asc'}
                onSort={() => onSort(c.key)}
              />
            ))}
            <Table.Th>
              <VisuallyHidden>操作</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              {PROJECT_COLUMNS.map((c) => (
                <Table.Td key={c.key} ta={c.align} style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                  {c.render(row)}
                </Table.Td>
              ))}
              <Table.Td>
                <Button size="compact-xs" variant="subtle" aria-label={`修改 ${row.name}`} onClick={() => onEdit(row)}>
                  修改
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
          {rows.length === 0 && <EmptyRow colSpan={PROJECT_COLUMNS.length + 1}>{emptyText}</EmptyRow>}
        </Table.Tbody>
      </Table>
    </LongTableScroll>
  );
}
