import { Anchor, Badge, Drawer, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { AuditLogEntry } from '../../electron/bridge/contract';
import { EmptyRow } from '../common/EmptyRow';
import { formatTime } from '../common/formatTime';
import { projectHref } from '../shell/routes';

interface AuditTableProps {
  entries: AuditLogEntry[];
  /** The table's accessible name. */
  label: string;
  /** What the empty table says. */
  empty: string;
}

/** Entries of the audit log: who did what to which record; a click shows the before and after values side by side. */
export function AuditTable({ entries, label, empty }: AuditTableProps) {
  const [open, setOpen] = useState<AuditLogEntry | null>(null);
  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover stickyHeader aria-label={label} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>时间</Table.Th>
              <Table.Th w={170}>经办人</Table.Th>
              <Table.Th w={150}>操作</Table.Th>
              <Table.Th>记录</Table.Th>
              <Table.Th>改动</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.length === 0 ? (
              <EmptyRow colSpan={5}>{empty}</EmptyRow>
            ) : (
              entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTime(e.at)}</Table.Td>
                  <Table.Td>{e.actor}</Table.Td>
                  <Table.Td>{e.actionLabel}</Table.Td>
                  <Table.Td>
                    {e.projectId === null ? e.objectText : <Anchor href={projectHref(e.projectId)}>{e.objectText}</Anchor>}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component="button" fz="sm" onClick={() => setOpen(e)} ta="left">
                      {changeSummary(e)}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Drawer
        opened={open !== null}
        onClose={() => setOpen(null)}
        position="right"
        size="xl"
        title={open ? `${open.actionLabel} · ${open.objectText}` : ''}
        closeButtonProps={{ 'aria-label': '关闭' }}
      >
        {open && <EntryFields entry={open} />}
      </Drawer>
    </>
  );
}

/** What the row says changed: the changed fields by name, or what was recorded when nothing was compared. */
function changeSummary(e: AuditLogEntry): string {
  const changed = e.fields.filter((f) => f.changed);
  if (changed.length > 0)
    return `改了 ${changed.length} 项：${changed
      .map((f) => f.label)
      .slice(0, 4)
      .join('、')}${changed.length > 4 ? ' 等' : ''}`;
  return e.fields.length ? `记录了 ${e.fields.length} 项内容` : '查看';
}

function EntryFields({ entry }: { entry: AuditLogEntry }) {
  return (
    <>
      <Text fz="sm" c="dimmed" mb="xs">
        {formatTime(entry.at)} · {entry.actor}。标“已改”的行是这次改动的字段。
      </Text>
      <Table withTableBorder fz="sm" aria-label="改前改后" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={160}>字段</Table.Th>
            <Table.Th>改前</Table.Th>
            <Table.Th>改后</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entry.fields.length === 0 ? (
            <EmptyRow colSpan={3}>这条记录没有保存改前改后的内容。</EmptyRow>
          ) : (
            entry.fields.map((f) => (
              <Table.Tr key={f.field || f.label} bg={f.changed ? 'yellow.0' : undefined} data-changed={f.changed || undefined}>
                <Table.Td>
                  {f.label}{' '}
                  {f.changed && (
                    <Badge size="xs" color="orange" style={{ maxWidth: 'none' }}>
                      已改
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{f.before}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{f.after}</Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </>
  );
}
