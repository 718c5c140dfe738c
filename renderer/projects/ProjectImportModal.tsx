import { Alert, Badge, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { BUDGET_KINDS } from '../../electron/rules/labels';
import { formatWanYuan } from '../../electron/rules/money';
import type { ProjectImportPreview } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { ImportIssuesTable } from '../exchange/ImportIssuesTable';
import { ImportPreviewModal } from '../exchange/ImportPreviewModal';

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
  const changes = preview.unitsToCreate.length + preview.projectsToCreate.length + preview.projectsToUpdate.length;
  return (
    <ImportPreviewModal
      title={`导入预览：${fileName}（${year} 年度）`}
      size="90%"
      description={
        <>
          {preview.sheet ? `工作表“${preview.sheet}”，` : ''}
          {preview.headerRow ? `表头在第 ${preview.headerRow} 行，` : ''}读到 {preview.dataRows} 行数据
          {preview.skipped.length ? `，跳过 ${preview.skipped.length} 行（合计、标题或说明行）` : ''}。{preview.moneyUnitNote ?? ''}
        </>
      }
      counts={[
        { label: '新增类型', value: preview.projectTypesToCreate.length, color: 'grape' },
        { label: '新增单位', value: preview.unitsToCreate.length, color: 'blue' },
        { label: '新增项目', value: preview.projectsToCreate.length, color: 'blue' },
        { label: '更新项目', value: preview.projectsToUpdate.length, color: 'orange' },
        { label: '无变化', value: preview.unchanged.length, color: 'gray' },
      ]}
      errorCount={preview.errors.length}
      errorAdvice="请按下表在 Excel 中改正后重新选择文件。整份文件要么全部导入，要么一行也不写入。"
      changes={changes}
      noChangesText="文件中的单位和项目与台账完全一致，无需导入。"
      commit={() => ledger.projects.importCommit({ year, fileId })}
      onCommitted={(r) => {
        notifications.show({
          color: 'green',
          title: '导入完成',
          message: `${fileName}：${r.createdProjectTypes ? `新增 ${r.createdProjectTypes} 个项目类型，` : ''}新增 ${r.createdUnits} 个单位、${r.createdProjects} 个项目，更新 ${r.updatedProjects} 个项目，${r.unchangedProjects} 个项目无变化。`,
        });
        onImported();
      }}
      onClose={onClose}
    >
      <Text fz="sm">年初预算合计 {formatWanYuan(preview.totalFen)} 万元</Text>
      <NewProjectTypes preview={preview} />
      <ImportIssuesTable issues={preview.errors} kind="error" />
      <ImportIssuesTable issues={preview.warnings} kind="warning" />
      {preview.errors.length === 0 && changes > 0 && <PlannedChanges preview={preview} />}
    </ImportPreviewModal>
  );
}

/** 新增类型: the 项目类型 the bureau's list lacks, which the import adds (设置 → 项目类型 keeps them after). */
function NewProjectTypes({ preview }: { preview: ProjectImportPreview }) {
  if (preview.projectTypesToCreate.length === 0) return null;
  return (
    <Alert color="grape" variant="light" title={`新增类型 ${preview.projectTypesToCreate.length} 个`} aria-label="新增类型">
      <Text fz="sm">本局的项目类型中还没有下列类型，确认导入时一并新增（之后可在“设置 → 项目类型”中改名或停用）：</Text>
      <Text fz="sm" mt={4}>
        {preview.projectTypesToCreate.map((t) => `${t.name}（第 ${t.rows.join('、')} 行）`).join('；')}
      </Text>
    </Alert>
  );
}

function PlannedChanges({ preview }: { preview: ProjectImportPreview }) {
  const rows = [
    ...preview.projectsToCreate.map((p) => ({ ...p, what: '新增', detail: '' })),
    ...preview.projectsToUpdate.map((p) => ({
      ...p,
      what: '更新',
      detail: p.changes.map((c) => `${c.label}：${c.before} → ${c.after}`).join('；'),
    })),
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
            <Table.Th>项目类型</Table.Th>
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
              <Table.Td>
                {p.projectType}
                {p.projectTypeIsNew && (
                  <Badge ml={6} size="xs" color="grape" variant="light">
                    新增类型
                  </Badge>
                )}
              </Table.Td>
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
