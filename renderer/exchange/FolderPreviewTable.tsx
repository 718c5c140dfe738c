import { Badge, Button, Checkbox, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import type { FolderFilePreview } from '../../electron/bridge/contract';
import { FOLDER_FILE_STATUS_LABELS } from '../../electron/rules/folderImportLabels';
import { formatFileSize } from '../../electron/rules/numberFormat';
import { SheetIssues, type SheetIssue } from './SheetIssues';

const STATUS_COLORS: Record<FolderFilePreview['status'], string> = {
  ready: 'green',
  unchanged: 'gray',
  errors: 'red',
  elsewhere: 'yellow',
  unrecognised: 'orange',
  damaged: 'red',
};

/** A folder file's issues in the shape the sheet-by-sheet issue tables read. */
const asSheetIssues = (issues: FolderFilePreview['errors']): SheetIssue[] => issues.map((i) => ({ ...i, header: null, value: null }));

interface FolderPreviewTableProps {
  files: FolderFilePreview[];
  ticked: string[];
  onTick: (name: string, on: boolean) => void;
}

/**
 * The folder's files in one table: a tick box on each file that can be imported, its kind, units, rows
 * and status, why it cannot be imported, what importing it would change; its problems open below it.
 */
export function FolderPreviewTable({ files, ticked, onTick }: FolderPreviewTableProps) {
  const [open, setOpen] = useState<string[]>([]);
  const toggle = (name: string) => setOpen((o) => (o.includes(name) ? o.filter((n) => n !== name) : [...o, name]));
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table withTableBorder fz="sm" verticalSpacing={6} aria-label="文件夹中的文件">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={50}>导入</Table.Th>
            <Table.Th>文件</Table.Th>
            <Table.Th w={120}>类别</Table.Th>
            <Table.Th w={180}>单位</Table.Th>
            <Table.Th w={70} ta="right">
              行数
            </Table.Th>
            <Table.Th w={150}>状态</Table.Th>
            <Table.Th>说明</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {files.map((f) => {
            const issues = [...f.errors, ...f.warnings].length;
            return (
              <Fragment key={f.name}>
                <Table.Tr>
                  <Table.Td>
                    {f.status === 'ready' && (
                      <Checkbox
                        aria-label={`导入 ${f.name}`}
                        checked={ticked.includes(f.name)}
                        onChange={(e) => onTick(f.name, e.currentTarget.checked)}
                      />
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm">{f.name}</Text>
                    <Text fz="xs" c="dimmed">
                      {formatFileSize(f.sizeBytes)}
                      {f.sheets ? `，${f.sheets} 个工作表` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{f.kindLabel}</Table.Td>
                  <Table.Td>{f.units.join('、') || '—'}</Table.Td>
                  <Table.Td ta="right">{f.rows || '—'}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[f.status]} variant="light">
                      {FOLDER_FILE_STATUS_LABELS[f.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      {f.reason && (
                        <Text fz="sm" c={f.status === 'elsewhere' ? undefined : 'red.8'}>
                          {f.reason}
                        </Text>
                      )}
                      {f.changes.map((c) => (
                        <Text key={c} fz="sm">
                          {c}
                        </Text>
                      ))}
                      {issues > 0 && (
                        <Button size="compact-xs" variant="subtle" w="fit-content" onClick={() => toggle(f.name)}>
                          {open.includes(f.name) ? '收起' : '查看'} {f.errors.length} 处错误
                          {f.warnings.length ? `、${f.warnings.length} 处提示` : ''}
                        </Button>
                      )}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
                {open.includes(f.name) && (
                  <Table.Tr>
                    <Table.Td colSpan={7} bg="gray.0">
                      <Stack gap="sm" aria-label={`${f.name}的问题`}>
                        <SheetIssues issues={asSheetIssues(f.errors)} kind="error" />
                        <SheetIssues issues={asSheetIssues(f.warnings)} kind="warning" />
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
