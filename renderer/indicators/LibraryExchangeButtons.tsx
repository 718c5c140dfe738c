import { Button, Table } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { IndicatorImportPreview } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { ImportIssuesTable } from '../exchange/ImportIssuesTable';
import { ImportPreviewModal } from '../exchange/ImportPreviewModal';
import { notifyFailed, notifySaved } from '../exchange/notifyFile';

/** 导入指标库 / 导出指标库: the region's workbook in (preview, then all or nothing), the library out. */
export function LibraryExchangeButtons({ onImported }: { onImported: () => void }) {
  const [busy, setBusy] = useState<'import' | 'export' | null>(null);
  const [preview, setPreview] = useState<{ fileId: string; fileName: string; preview: IndicatorImportPreview } | null>(null);

  async function startImport() {
    setBusy('import');
    const result = await ledger.indicators.importPreview({});
    setBusy(null);
    if (!result.ok) return notifyFailed('无法读取文件', result.error);
    if (!result.value.cancelled) setPreview(result.value);
  }

  async function exportLibrary() {
    setBusy('export');
    const result = await ledger.indicators.export({});
    setBusy(null);
    if (!result.ok) return notifyFailed('导出失败', result.error);
    const { saved, summary } = result.value;
    if (saved) notifySaved('已导出共性指标库', saved.savedAs, `${summary.classCount} 类 ${summary.indicatorCount} 条指标`);
  }

  return (
    <>
      <Button variant="default" onClick={startImport} loading={busy === 'import'} disabled={busy !== null}>
        导入指标库
      </Button>
      <Button variant="default" onClick={exportLibrary} loading={busy === 'export'} disabled={busy !== null}>
        导出指标库
      </Button>
      {preview && (
        <LibraryImportModal
          {...preview}
          onClose={() => setPreview(null)}
          onImported={() => {
            setPreview(null);
            onImported();
          }}
        />
      )}
    </>
  );
}

function LibraryImportModal({
  fileId,
  fileName,
  preview,
  onClose,
  onImported,
}: {
  fileId: string;
  fileName: string;
  preview: IndicatorImportPreview;
  onClose: () => void;
  onImported: () => void;
}) {
  return (
    <ImportPreviewModal
      title={`导入预览：${fileName}`}
      description={<>{preview.sheetsNote}类别、一级、二级留空的行沿用上一行。</>}
      counts={[
        { label: '新增类别', value: preview.classesToCreate.length, color: 'blue' },
        { label: '新增指标', value: preview.toCreate.length, color: 'blue' },
        { label: '更新指标', value: preview.toUpdate.length, color: 'orange' },
        { label: '无变化', value: preview.unchanged, color: 'gray' },
      ]}
      errorCount={preview.errors.length}
      errorAdvice="请按下表在 Excel 中改正后重新选择文件。整份文件要么全部导入，要么一条也不写入。"
      changes={preview.toCreate.length + preview.toUpdate.length}
      noChangesText="文件中的指标与指标库完全一致，无需导入。"
      commit={() => ledger.indicators.importCommit({ fileId })}
      onCommitted={(r) => {
        notifications.show({
          color: 'green',
          title: '指标库已导入',
          message: `${fileName}：新增类别 ${r.classesCreated} 个、指标 ${r.created} 条，更新 ${r.updated} 条，${r.unchanged} 条无变化。`,
        });
        onImported();
      }}
      onClose={onClose}
    >
      <ImportIssuesTable issues={preview.errors} kind="error" />
      <ImportIssuesTable issues={preview.warnings} kind="warning" />
      {preview.errors.length === 0 && preview.toUpdate.length > 0 && (
        <Table.ScrollContainer minWidth={600} maxHeight={240}>
          <Table striped withTableBorder fz="sm" aria-label="将更新的指标">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={50}>行</Table.Th>
                <Table.Th>指标</Table.Th>
                <Table.Th>变化</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.toUpdate.map((u) => (
                <Table.Tr key={`${u.sheet}:${u.row}`}>
                  <Table.Td>{preview.sheets.length > 1 ? `${u.sheet} ${u.row}` : u.row}</Table.Td>
                  <Table.Td>
                    {u.className}·{u.name}
                  </Table.Td>
                  <Table.Td>{u.changes.join('；')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </ImportPreviewModal>
  );
}
