import { Badge, Button, Group, Table } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ExpertScoreImportPreview, ExpertSheetPlan, KeyEvaluationView } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { ImportPreviewModal } from '../exchange/ImportPreviewModal';
import { notifyFailed, notifySaved } from '../exchange/notifyFile';
import { ignoredText, SheetIssues } from '../exchange/SheetIssues';

const ACTION: Record<ExpertSheetPlan['action'], { label: string; color: string }> = {
  record: { label: '记录评分', color: 'blue' },
  unchanged: { label: '无变化', color: 'gray' },
  error: { label: '有错误', color: 'red' },
};

interface ScoreSheetButtonsProps {
  view: KeyEvaluationView;
  /** Unsaved edits in the grid: an import would replace what is on screen, so it waits for them. */
  gridDirty: boolean;
  onImported: (v: KeyEvaluationView) => void;
}

/** 专家评分表 by Excel: one sheet per expert out, the filled workbook back in through the preview. */
export function ScoreSheetButtons({ view, gridDirty, onImported }: ScoreSheetButtonsProps) {
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [preview, setPreview] = useState<{ fileId: string; fileName: string; preview: ExpertScoreImportPreview } | null>(null);
  const final = view.status === 'final';
  const ready = view.framework.length > 0 && view.experts.length > 0;

  async function exportSheet() {
    setBusy('export');
    const result = await ledger.keyEvaluations.exportScoreSheet({ id: view.id });
    setBusy(null);
    if (!result.ok) return notifyFailed('导出专家评分表失败', result.error);
    const { saved, summary } = result.value;
    if (saved)
      notifySaved(
        '已导出专家评分表',
        saved.savedAs,
        `${summary.expertCount} 位专家各一张工作表，每张 ${summary.indicatorCount} 项三级指标${gridDirty ? '（未保存的修改不在其中）' : ''}`,
      );
  }

  async function startImport() {
    setBusy('import');
    const result = await ledger.keyEvaluations.scoreSheetImportPreview({ id: view.id });
    setBusy(null);
    if (!result.ok) return notifyFailed('无法读取文件', result.error);
    if (!result.value.cancelled) setPreview(result.value);
  }

  const describe = (sheet: string) => preview?.preview.sheets.find((s) => s.sheet === sheet)?.expert ?? null;
  return (
    <Group gap="xs" aria-label="专家评分表">
      <Button
        variant="default"
        onClick={() => void exportSheet()}
        loading={busy === 'export'}
        disabled={busy !== null || !ready}
        title={ready ? undefined : '请先设置指标体系和评分专家'}
      >
        导出专家评分表
      </Button>
      {!final && (
        <Button
          variant="default"
          onClick={() => void startImport()}
          loading={busy === 'import'}
          disabled={busy !== null || !ready || gridDirty}
          title={gridDirty ? '请先保存评分表中的修改' : ready ? undefined : '请先设置指标体系和评分专家'}
        >
          导入专家评分表
        </Button>
      )}
      {preview && (
        <ImportPreviewModal
          title={`导入专家评分表预览：${preview.fileName}`}
          size="60rem"
          description={`${preview.preview.evaluation.name}：读到 ${preview.preview.sheets.length} 位专家的评分表${ignoredText(preview.preview.ignoredSheets, '专家评分表')}。整份文件要么全部记录，要么一张也不写入。`}
          counts={[
            { label: '记录评分', value: preview.preview.toRecord, color: 'blue' },
            { label: '无变化', value: preview.preview.unchanged, color: 'gray' },
          ]}
          errorCount={preview.preview.errors.length}
          warningCount={preview.preview.warnings.length}
          errorAdvice="请按下面列出的工作表、行和列改正后重新选择文件。整份文件要么全部记录，要么一张也不写入。"
          changes={preview.preview.toRecord}
          noChangesText="文件中的评分与台账中已记录的完全相同，无需导入。"
          commit={() => ledger.keyEvaluations.scoreSheetImportCommit({ id: view.id, fileId: preview.fileId })}
          onCommitted={(r) => {
            notifications.show({
              color: 'green',
              title: '专家评分已导入',
              message: `${preview.fileName}：记录 ${r.recorded} 位专家的 ${r.scores} 项评分，${r.unchanged} 张无变化。`,
            });
            setPreview(null);
            onImported(r.view);
          }}
          onClose={() => setPreview(null)}
        >
          <Table.ScrollContainer minWidth={600} maxHeight={320}>
            <Table striped withTableBorder fz="sm" aria-label="各专家评分表的导入结果">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>工作表</Table.Th>
                  <Table.Th>评分专家</Table.Th>
                  <Table.Th w={90} ta="right">
                    读到指标
                  </Table.Th>
                  <Table.Th w={90} ta="right">
                    已评分
                  </Table.Th>
                  <Table.Th w={90} ta="right">
                    将记录
                  </Table.Th>
                  <Table.Th w={100}>导入结果</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.preview.sheets.map((s) => (
                  <Table.Tr key={s.sheet}>
                    <Table.Td>{s.sheet}</Table.Td>
                    <Table.Td>{s.expert ?? '—'}</Table.Td>
                    <Table.Td ta="right">{s.rows}</Table.Td>
                    <Table.Td ta="right">{s.scored}</Table.Td>
                    <Table.Td ta="right">{s.toRecord}</Table.Td>
                    <Table.Td>
                      <Badge color={ACTION[s.action].color} variant={s.action === 'error' ? 'filled' : 'light'}>
                        {ACTION[s.action].label}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <SheetIssues issues={preview.preview.errors} kind="error" describe={describe} />
          <SheetIssues issues={preview.preview.warnings} kind="warning" describe={describe} />
        </ImportPreviewModal>
      )}
    </Group>
  );
}
