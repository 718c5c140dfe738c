import { Table, Text } from '@mantine/core';
import type { ImportIssue } from '../../electron/bridge/contract';

/** Every problem an import found, one row per cell, as the clerk will look for it in Excel. */
export function ImportIssuesTable({ issues, kind }: { issues: ImportIssue[]; kind: 'error' | 'warning' }) {
  if (issues.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={600} maxHeight={260}>
      <Table striped withTableBorder fz="sm" aria-label={kind === 'error' ? '导入错误' : '导入提示'}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>行</Table.Th>
            <Table.Th w={110}>列</Table.Th>
            <Table.Th w={140}>内容</Table.Th>
            <Table.Th>{kind === 'error' ? '问题及处理办法' : '提示'}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {issues.map((issue, i) => (
            <Table.Tr key={i}>
              <Table.Td>{issue.row ?? '—'}</Table.Td>
              <Table.Td>{issue.column ? (issue.header ? `${issue.column}（${issue.header}）` : issue.column) : '—'}</Table.Td>
              <Table.Td>
                <Text fz="sm" lineClamp={2}>
                  {issue.value ?? ''}
                </Text>
              </Table.Td>
              <Table.Td c={kind === 'error' ? 'red.8' : undefined}>{issue.message.replace(/^[^：]*：/, '')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
