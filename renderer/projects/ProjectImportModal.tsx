import { Alert, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { BUDGET_KINDS } from '../../electron/rules/labels';
import { formatWanYuan } from '../../electron/rules/money';
import type { ProjectImportPreview } from '../../electron/services/projectImport';
import { ledger } from '../bridge/client';
import { ImportIssuesTable } from '../exchange/ImportIssuesTable';

interface ProjectImportModalProps {
  year: number;
  fileId: string;
  fileName: string;
  preview: ProjectImportPreview;
  onClose: () => void;
  onImported: () => void;
}

/** The preview of a units-and-projects workbook: what would change, every bad row, then all or nothing. */
export function ProjectImportModal({ year, fileId, fileName, preview, onClose, onImported }: ProjectImportModalProps) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const changes = preview.unitsToCreate.length + preview.projectsToCreate.length + preview.projectsToUpdate.length;

  async function commit() {
    setBusy(true);
    const result = await ledger.projects.importCommit({ year, fileId });
    setBusy(false);
    if (!result.ok) return setRefusal(result.error.message);
    const r = result.value;
    notifications.show({
      color: 'green',
      title: '导入完成',
      message: `${fileName}：新增 ${r.createdUnits} 个单位、${r.createdProjects} 个项目，更新 ${r.updatedProjects} 个项目，${r.unchangedProjects} 个项目无变化。`,
    });
    onImported();
  }

  return (
    <Modal opened onClose={onClose} size="xl" title={`导入预览：${fileName}（${year} 年度）`}>
      <Stack gap="sm">
        <Text fz="sm" c="dimmed">
          {preview.sheet ? `工作表“${preview.sheet}”，` : ''}
          {preview.headerRow ? `表头在第 ${preview.headerRow} 行，` : ''}读到 {preview.dataRows} 行数据
          {preview.skipped.length ? `，跳过 ${preview.skipped.length} 行（合计、标题或说明行）` : ''}。{preview.moneyUnitNote ?? ''}
        </Text>
        <Group gap="xs" aria-label="导入摘要">
          <Badge color="blue" variant="light">新增单位 {preview.unitsToCreate.length}</Badge>
          <Badge color="blue" variant="light">新增项目 {preview.projectsToCreate.length}</Badge>
          <Badge color="orange" variant="light">更新项目 {preview.projectsToUpdate.length}</Badge>
          <Badge color="gray" variant="light">无变化 {preview.unchanged.length}</Badge>
          <Badge color={preview.errors.length ? 'red' : 'green'} variant="filled">错误 {preview.errors.length}</Badge>
          <Text fz="sm">年初预算合计 {formatWanYuan(preview.totalFen)} 万元</Text>
        </Group>

        {preview.errors.length > 0 && (
          <Alert color="red" title={`有 ${preview.errors.length} 处错误，不能导入`}>
            请按下表在 Excel 中改正后重新选择文件。整份文件要么全部导入，要么一行也不写入。
          </Alert>
        )}
        <ImportIssuesTable issues={preview.errors} kind="error" />
        <ImportIssuesTable issues={preview.warnings} kind="warning" />

        {preview.errors.length === 0 && changes > 0 && <PlannedChanges preview={preview} />}
        {preview.errors.length === 0 && changes === 0 && <Alert color="gray">文件中的单位和项目与台账完全一致，无需导入。</Alert>}
        {refusal && (
          <Alert color="red" title="未导入" style={{ whiteSpace: 'pre-line' }}>
            {refusal}
          </Alert>
        )}

        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button onClick={commit} loading={busy} disabled={!preview.canCommit || changes === 0}>
            确认导入
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function PlannedChanges({ preview }: { preview: ProjectImportPreview }) {
  const rows = [
    ...preview.projectsToCreate.map((p) => ({ ...p, what: '新增', detail: '' })),
    ...preview.projectsToUpdate.map((p) => ({ ...p, what: '更新', detail: p.changes.map((c) => `${c.label}：${c.before} → ${c.after}`).join('；') })),
  ].sort((a, b) => a.row - b.row);
  return (
    <Table.ScrollContainer minWidth={700} maxHeight={320}>
      <Table striped withTableBorder fz="sm" aria-label="将写入的项目">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={50}>行</Table.Th>
            <Table.Th w={50}>操作</Table.Th>
            <Table.Th>预算单位</Table.Th>
            <Table.Th>项目名称</Table.Th>
            <Table.Th>预算类型</Table.Th>
            <Table.Th ta="right">年初预算数（万元）</Table.Th>
            <Table.Th>变化</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((p) => (
            <Table.Tr key={p.row}>
              <Table.Td>{p.row}</Table.Td>
              <Table.Td>{p.what}</Table.Td>
              <Table.Td>{p.unitName}</Table.Td>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{BUDGET_KINDS[p.budgetKind]}</Table.Td>
              <Table.Td ta="right">{formatWanYuan(p.initialBudgetFen)}</Table.Td>
              <Table.Td>{p.detail}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
