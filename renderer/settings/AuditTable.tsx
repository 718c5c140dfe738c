import { Table, Text } from '@mantine/core';
import dayjs from 'dayjs';
import type { AuditEntry } from '../../electron/bridge/contract';
import { auditActionLabel, auditEntityLabel, auditSubject } from './auditLabels';

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) return <Text c="dimmed">暂无审计记录。</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover aria-label="最近的审计记录">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>时间</Table.Th>
            <Table.Th>操作人</Table.Th>
            <Table.Th>操作</Table.Th>
            <Table.Th>对象</Table.Th>
            <Table.Th>内容</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{dayjs(e.at).format('YYYY-MM-DD HH:mm:ss')}</Table.Td>
              <Table.Td>{e.actor}</Table.Td>
              <Table.Td>{auditActionLabel(e.action)}</Table.Td>
              <Table.Td>
                {auditEntityLabel(e.entity)}
                {e.entityId ? ` #${e.entityId}` : ''}
              </Table.Td>
              <Table.Td>{auditSubject(e)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
