import { Badge, Button, Loader, Table } from '@mantine/core';
import type { MonitoringFormListRow } from '../../electron/bridge/contract';
import type { Loaded } from '../bridge/useCall';
import { EmptyRow } from '../common/EmptyRow';
import { LoadError } from '../common/LoadError';

/** 监控表: the round's forms to fill, with progress; open one to fill it in. */
export function FormsPanel({ forms, onOpen }: { forms: Loaded<MonitoringFormListRow[]>; onOpen: (targetId: number) => void }) {
  if (forms.error) return <LoadError error={forms.error} onRetry={forms.reload} />;
  if (!forms.data) return <Loader aria-label="正在读取监控表" />;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover fz="sm" tabularNums aria-label="本轮监控表">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>项目（部门整体）</Table.Th>
            <Table.Th>预算单位</Table.Th>
            <Table.Th>主管部门</Table.Th>
            <Table.Th ta="right">已填报 / 指标数</Table.Th>
            <Table.Th>最近保存</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {forms.data.map((f) => (
            <Table.Tr key={f.targetId}>
              <Table.Td>{f.name}</Table.Td>
              <Table.Td>{f.unitName}</Table.Td>
              <Table.Td>{f.departmentName}</Table.Td>
              <Table.Td ta="right">
                <Badge variant="light" color={f.filled === 0 ? 'gray' : f.filled >= f.indicatorCount ? 'green' : 'yellow'}>
                  {f.filled} / {f.indicatorCount}
                </Badge>
              </Table.Td>
              <Table.Td>{f.lastUpdated ? f.lastUpdated.slice(0, 10) : '—'}</Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="subtle" onClick={() => onOpen(f.targetId)} aria-label={`填报 ${f.name}`}>
                  {f.filled ? '查看修改' : '填报'}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
          {forms.data.length === 0 && <EmptyRow colSpan={6}>本轮没有需要填报监控表的绩效目标。</EmptyRow>}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
