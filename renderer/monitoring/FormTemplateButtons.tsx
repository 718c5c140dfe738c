import { Badge, Button, Group, Select, Table } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { MonitoringImportPreview, MonitoringSheetPlan } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { ImportPreviewModal } from '../exchange/ImportPreviewModal';
import { notifyFailed, notifySaved } from '../exchange/notifyFile';
import { ignoredText, SheetIssues } from '../exchange/SheetIssues';

const ACTION: Record<MonitoringSheetPlan['action'], { label: string; color: string }> = {
  save: { label: '保存', color: 'blue' },
  unchanged: { label: '无变化', color: 'gray' },
  error: { label: '有错误', color: 'red' },
};

/** 监控表 by Excel: the round's forms out to the units (one sheet per target), their filled workbooks back in. */
export function FormTemplateButtons({ year, roundId, onImported }: { year: number; roundId: number; onImported: () => void }) {
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  // A unit gets a workbook of its own forms; without one, every unit's forms in one workbook.
  const [unitId, setUnitId] = useState<string | null>(null);
  const units = useCall('units.list', { year });
  const unitOptions = (units.data ?? []).filter((u) => u.projectCount > 0).map((u) => ({ value: String(u.id), label: u.name }));
  const [preview, setPreview] = useState<{ fileId: string; fileName: string; preview: MonitoringImportPreview } | null>(null);

  async function exportTemplate() {
    setBusy('export');
    const result = await ledger.monitoring.exportTemplate({ roundId, unitId: unitId === null ? null : Number(unitId) });
    setBusy(null);
    if (!result.ok) return notifyFailed('导出失败', result.error);
    const { saved, summary } = result.value;
    if (saved)
      notifySaved(
        '已导出监控表模板',
        saved.savedAs,
        `${summary.unitCount} 个单位、${summary.formCount} 张监控表，其中 ${summary.prefilled} 张带已填内容`,
      );
  }

  async function startImport() {
    setBusy('import');
    const result = await ledger.monitoring.importPreview({ roundId });
    setBusy(null);
    if (!result.ok) return notifyFailed('无法读取文件', result.error);
    if (!result.value.cancelled) setPreview(result.value);
  }

  return (
    <Group gap="xs">
      <Select
        aria-label="导出哪个单位的监控表"
        placeholder="全部单位"
        clearable
        searchable
        w={240}
        data={unitOptions}
        value={unitId}
        onChange={setUnitId}
      />
      <Button variant="default" onClick={exportTemplate} loading={busy === 'export'} disabled={busy !== null}>
        导出监控表模板
      </Button>
      <Button variant="default" onClick={startImport} loading={busy === 'import'} disabled={busy !== null}>
        导入监控表
      </Button>
      {preview && (
        <ImportPreviewModal
          title={`导入监控表预览：${preview.fileName}`}
          size="70rem"
          description={`${preview.preview.round.name}：读到 ${preview.preview.sheets.length} 张监控表${ignoredText(preview.preview.ignoredSheets, '监控表')}。整份文件要么全部保存，要么一张也不写入。`}
          counts={[
            { label: '保存', value: preview.preview.toSave, color: 'blue' },
            { label: '无变化', value: preview.preview.unchanged, color: 'gray' },
          ]}
          errorCount={preview.preview.errors.length}
          warningCount={preview.preview.warnings.length}
          errorAdvice="请按下面列出的工作表、行和列改正后重新选择文件。整份文件要么全部保存，要么一张也不写入。"
          changes={preview.preview.toSave}
          noChangesText="文件中的监控表与已保存的完全相同，无需导入。"
          commit={() => ledger.monitoring.importCommit({ roundId, fileId: preview.fileId })}
          onCommitted={(r) => {
            notifications.show({
              color: 'green',
              title: '监控表已导入',
              message: `${preview.fileName}：保存 ${r.saved} 张，${r.unchanged} 张无变化。`,
            });
            setPreview(null);
            onImported();
          }}
          onClose={() => setPreview(null)}
        >
          <Table.ScrollContainer minWidth={700} maxHeight={320}>
            <Table striped withTableBorder fz="sm" aria-label="各监控表的导入结果">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={110}>工作表</Table.Th>
                  <Table.Th>项目（部门整体）</Table.Th>
                  <Table.Th w={90} ta="right">
                    读到指标
                  </Table.Th>
                  <Table.Th w={90} ta="right">
                    将保存
                  </Table.Th>
                  <Table.Th w={90}>导入结果</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.preview.sheets.map((s) => (
                  <Table.Tr key={s.sheet}>
                    <Table.Td>{s.sheet}</Table.Td>
                    <Table.Td>{s.name ?? '—'}</Table.Td>
                    <Table.Td ta="right">{s.rows}</Table.Td>
                    <Table.Td ta="right">{s.toSave + s.toRemove}</Table.Td>
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
          <SheetIssues
            issues={preview.preview.errors}
            kind="error"
            describe={(sheet) => preview.preview.sheets.find((s) => s.sheet === sheet)?.name ?? null}
          />
          <SheetIssues
            issues={preview.preview.warnings}
            kind="warning"
            describe={(sheet) => preview.preview.sheets.find((s) => s.sheet === sheet)?.name ?? null}
          />
        </ImportPreviewModal>
      )}
    </Group>
  );
}
