import { Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import type { UnitRow } from '../../electron/bridge/contract';
import { formatWanYuan } from '../../electron/rules/money';
import { EmptyRow } from '../common/EmptyRow';

interface UnitTableProps {
  units: UnitRow[];
  onEdit: (unit: UnitRow) => void;
  emptyText: string;
}

/** Units in the ledger's order: each 主管部门 followed by its 所属单位 (indented). */
export function UnitTable({ units, onEdit, emptyText }: UnitTableProps) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover stickyHeader tabularNums aria-label="预算单位列表">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>单位名称</Table.Th>
            <Table.Th>单位代码</Table.Th>
            <Table.Th>主管部门</Table.Th>
            <Table.Th>涉密</Table.Th>
            <Table.Th ta="right">本年项目数</Table.Th>
            <Table.Th ta="right">本年预算（万元）</Table.Th>
            <Table.Th>
              <VisuallyHidden>操作</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {units.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td pl={u.parentId === null ? undefined : 32} fw={u.parentId === null ? 600 : undefined}>
                {u.name}
              </Table.Td>
              <Table.Td>{u.code ?? '—'}</Table.Td>
              <Table.Td>
                {u.parentName ?? (
                  <Text span c="dimmed" fz="sm">
                    （本身为主管部门）
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {u.classified && (
                  <Badge color="red" variant="light">
                    涉密
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">{u.projectCount}</Table.Td>
              <Table.Td ta="right">{formatWanYuan(u.budgetFen)}</Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="subtle" aria-label={`修改 ${u.name}`} onClick={() => onEdit(u)}>
                  修改
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
          {units.length === 0 && <EmptyRow colSpan={7}>{emptyText}</EmptyRow>}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
