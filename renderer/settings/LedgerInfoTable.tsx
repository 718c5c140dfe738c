import { Table } from '@mantine/core';
import type { LedgerInfo } from '../../electron/bridge/contract';

export function LedgerInfoTable({ info }: { info: LedgerInfo }) {
  const rows: [string, string][] = [
    ['台账文件', info.fileName],
    ['所在文件夹', info.folder],
    ['文件大小', formatBytes(info.sizeBytes)],
    ['数据结构版本', String(info.schemaVersion)],
    ['审计记录数', `${info.auditEntries} 条`],
  ];
  return (
    <Table variant="vertical" withTableBorder layout="fixed" aria-label="台账信息">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={140}>{label}</Table.Th>
            <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
