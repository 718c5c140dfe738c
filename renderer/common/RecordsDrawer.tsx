import { Anchor, Drawer, Table, Text } from '@mantine/core';
import type { RecordRef } from '../../electron/bridge/contract';
import { projectHref } from '../shell/routes';
import { EmptyRow } from './EmptyRow';

interface RecordsDrawerProps {
  /** The figure the records make, e.g. "红色预警 12 个项目". */
  title: string | null;
  records: RecordRef[];
  onClose: () => void;
}

/** The records behind a figure, each a link to its project's page: how a clerk checks a number. */
export function RecordsDrawer({ title, records, onClose }: RecordsDrawerProps) {
  return (
    <Drawer opened={title !== null} onClose={onClose} position="right" size="xl" title={title} closeButtonProps={{ 'aria-label': '关闭' }}>
      <Text fz="sm" c="dimmed" mb="xs">
        共 {records.length} 条记录，点名称打开项目页。
      </Text>
      <Table withTableBorder striped fz="sm" aria-label="构成记录">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>名称</Table.Th>
            <Table.Th>单位</Table.Th>
            <Table.Th>说明</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.length === 0 ? (
            <EmptyRow colSpan={3}>没有记录。</EmptyRow>
          ) : (
            records.map((r, i) => (
              <Table.Tr key={`${r.projectId ?? 'n'}-${i}`}>
                <Table.Td>{r.projectId === null ? r.label : <Anchor href={projectHref(r.projectId)}>{r.label}</Anchor>}</Table.Td>
                <Table.Td>{r.unitName}</Table.Td>
                <Table.Td>{r.detail}</Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Drawer>
  );
}
