import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { ledger } from '../bridge/client';
import { notifyFailed, notifySaved } from '../exchange/notifyFile';

interface ExportButtonsProps {
  assessmentId: number;
  subjectName: string;
  /** Unsaved edits are not in the ledger, so not in the file: the notice says so. */
  dirty: boolean;
}

/** 导出评分表 (xlsx) and 导出评估报告 (docx, the bureau's outline filled from what is recorded). */
export function ExportButtons({ assessmentId, subjectName, dirty }: ExportButtonsProps) {
  const [busy, setBusy] = useState<'sheet' | 'report' | null>(null);
  const unsaved = dirty ? '（未保存的修改不在其中）' : '';

  async function exportSheet() {
    setBusy('sheet');
    const result = await ledger.exAnte.exportScoreSheet({ id: assessmentId });
    setBusy(null);
    if (!result.ok) return notifyFailed('导出评分表失败', result.error);
    if (result.value.saved) notifySaved('已导出评分表', result.value.saved.savedAs, `${subjectName}的事前评估评分表${unsaved}`);
  }

  async function exportReport() {
    setBusy('report');
    const result = await ledger.exAnte.exportReport({ id: assessmentId });
    setBusy(null);
    if (!result.ok) return notifyFailed('导出评估报告失败', result.error);
    if (result.value.saved) notifySaved('已导出评估报告', result.value.saved.savedAs, `${subjectName}的事前绩效评估报告${unsaved}`);
  }

  return (
    <Group gap="xs" wrap="nowrap">
      <Button variant="default" onClick={() => void exportSheet()} loading={busy === 'sheet'} disabled={busy !== null}>
        导出评分表
      </Button>
      <Button variant="default" onClick={() => void exportReport()} loading={busy === 'report'} disabled={busy !== null}>
        导出评估报告
      </Button>
    </Group>
  );
}
