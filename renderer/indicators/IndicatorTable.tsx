import { Anchor, Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { EmptyRow } from '../common/EmptyRow';
import { LongTableScroll, OneLine } from '../common/LongTable';
import { SortableTh } from '../common/SortableTh';
import type { IndicatorSort, IndicatorSortKey, PlacedIndicator } from './indicatorListView';

interface IndicatorTableProps {
  rows: PlacedIndicator[];
  sort: IndicatorSort | null;
  onSort: (key: IndicatorSortKey) => void;
  onOpen: (row: PlacedIndicator) => void;
  onEdit: (row: PlacedIndicator) => void;
  onRetire: (row: PlacedIndicator) => void;
  onReinstate: (row: PlacedIndicator) => void;
  emptyText: string;
}

const SORTABLE: { key: IndicatorSortKey; label: string }[] = [
  { key: 'className', label: '类别' },
  { key: 'level', label: '一级指标' },
];

/** The library as a table: 一级/二级 as the year's layout places them; the name opens the details. */
export function IndicatorTable({ rows, sort, onSort, onOpen, onEdit, onRetire, onReinstate, emptyText }: IndicatorTableProps) {
  const th = (key: IndicatorSortKey, label: string) => (
    <SortableTh key={key} label={label} active={sort?.key === key} direction={sort?.direction ?? 'asc'} onSort={() => onSort(key)} />
  );
  return (
    <LongTableScroll minWidth={900}>
      <Table striped highlightOnHover stickyHeader aria-label="指标列表" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            {SORTABLE.map((c) => th(c.key, c.label))}
            <Table.Th style={{ whiteSpace: 'nowrap' }}>二级指标</Table.Th>
            {th('name', '三级指标')}
            {th('nature', '性质')}
            <Table.Th style={{ whiteSpace: 'nowrap' }}>计量单位</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>参考值</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>标记</Table.Th>
            <Table.Th>
              <VisuallyHidden>操作</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const { row } = r;
            const dim = r.retired ? 'dimmed' : undefined;
            return (
              <Table.Tr key={row.id} data-retired={r.retired || undefined}>
                <Table.Td>
                  <OneLine maw={96} c={dim}>
                    {row.className}
                  </OneLine>
                </Table.Td>
                <Table.Td c={dim} style={{ whiteSpace: 'nowrap' }}>
                  {r.level1}
                </Table.Td>
                <Table.Td c={dim} style={{ whiteSpace: 'nowrap' }}>
                  {r.level2}
                </Table.Td>
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    fz="sm"
                    c={r.retired ? 'dimmed' : undefined}
                    td={r.retired ? 'line-through' : undefined}
                    onClick={() => onOpen(r)}
                    title="查看指标详情"
                    ta="left"
                  >
                    {row.name}
                  </Anchor>
                </Table.Td>
                <Table.Td c={dim} ta="center">
                  {row.nature}
                </Table.Td>
                <Table.Td c={dim} style={{ whiteSpace: 'nowrap' }}>
                  {row.unit ??
                    (row.nature === '定性' ? (
                      <Text span c="dimmed" fz="sm">
                        （定性）
                      </Text>
                    ) : (
                      ''
                    ))}
                </Table.Td>
                <Table.Td>
                  <OneLine maw={130} c={dim}>
                    {row.referenceHint ?? ''}
                  </OneLine>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Group gap={4} wrap="nowrap">
                    {row.mandatory && (
                      <Badge size="sm" color="orange" variant="light">
                        必选
                      </Badge>
                    )}
                    {row.scope === 'overall' && (
                      <Badge size="sm" color="grape" variant="light">
                        总体
                      </Badge>
                    )}
                    {r.retired && (
                      <Badge size="sm" color="red" variant="filled">
                        已停用
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <Button size="compact-xs" variant="subtle" aria-label={`修改 ${row.name}`} onClick={() => onEdit(r)}>
                      修改
                    </Button>
                    {r.retired ? (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="teal"
                        aria-label={`恢复 ${row.name}`}
                        onClick={() => onReinstate(r)}
                      >
                        恢复
                      </Button>
                    ) : (
                      <Button size="compact-xs" variant="subtle" color="red" aria-label={`停用 ${row.name}`} onClick={() => onRetire(r)}>
                        停用
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
          {rows.length === 0 && <EmptyRow colSpan={9}>{emptyText}</EmptyRow>}
        </Table.Tbody>
      </Table>
    </LongTableScroll>
  );
}
