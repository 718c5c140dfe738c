import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { SelfEvaluationImportPreview, SelfEvaluationSheetPlan } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { ImportPreviewModal } from '../exchange/ImportPreviewModal';
import { notifyFailed, notifySaved } from '../exchange/notifyFile';
import { ignoredText, SheetIssues } from '../exchange/SheetIssues';
import { SelfEvaluationCheck } from './SelfEvaluationCheck';

/**
 * 自评表 by Excel: a unit's template out (one sheet per project, pre-filled), the units' filled workbooks
 * back in with the check's findings, and — after the import — 退回 with those findings as the 退回意见.
 */
export function SelfEvaluationExchange({ year, onImported }: { year: number; onImported: () => void }) {
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const units = useCall('units.list', { year });
  const unitOptions = (units.data ?? []).filter((u) => u.projectCount > 0).map((u) => ({ value: String(u.id), label: u.name }));
  const [preview, setPreview] = useState<{ fileId: string; fileName: string; preview: SelfEvaluationImportPreview } | null>(null);
  const [imported, setImported] = useState<SelfEvaluationSheetPlan[] | null>(null);

  async function exportTemplate() {
    if (unitId === null) return;
    setBusy('export');
    const result = await ledger.selfEvaluations.templateExport({ year, unitId: Number(unitId) });
    setBusy(null);
    if (!result.ok) return notifyFailed('导出失败', result.error);
    const { saved, summary } = result.value;
    if (summary.created) onImported();
    if (saved)
      notifySaved('已导出自评表模板', saved.savedAs, `${summary.formCount} 张项目支出绩效自评表，其中新建自评 ${summary.created} 个`);
  }

  async function startImport() {
    setBusy('import');
    const result = await ledger.selfEvaluations.importPreview({ year });
    setBusy(null);
    if (!result.ok) return notifyFailed('无法读取文件', result.error);
    if (!result.value.cancelled) setPreview(result.value);
  }

  const p = preview?.preview;
  return (
    <Group gap="xs" align="flex-end">
      <Select
        aria-label="导出哪个单位的自评表"
        placeholder="选择预算单位"
        searchable
        w={240}
        data={unitOptions}
        value={unitId}
        onChange={setUnitId}
      />
      <Button variant="default" onClick={exportTemplate} loading={busy === 'export'} disabled={busy !== null || unitId === null}>
        导出自评表模板
      </Button>
      <Button variant="default" onClick={startImport} loading={busy === 'import'} disabled={busy !== null}>
        导入自评表
      </Button>
      {preview && p && (
        <ImportPreviewModal
          title={`导入自评表预览：${preview.fileName}`}
          size="75rem"
          description={`${p.year} 年度：读到 ${p.sheets.length} 张项目支出绩效自评表${ignoredText(p.ignoredSheets, '自评表')}。得分、小计、总分和等级由台账按本年度规则复算，表上的数只作核对；整份文件要么全部导入，要么一张也不写入。`}
          counts={[
            { label: '自评表', value: p.sheets.filter((s) => s.ok).length, color: 'blue' },
            { label: '审核发现问题', value: p.findingCount, color: p.findingCount ? 'orange' : 'green' },
          ]}
          errorCount={p.errors.length}
          warningCount={p.warnings.length}
          errorAdvice="请按下面列出的工作表、行和列改正后重新选择文件。整份文件要么全部导入，要么一张也不写入。"
          changes={p.sheets.filter((s) => s.ok).length}
          noChangesText="文件中没有可以导入的自评表。"
          commit={() => ledger.selfEvaluations.importCommit({ year, fileId: preview.fileId })}
          onCommitted={(r) => {
            notifications.show({
              color: 'green',
              title: '自评表已导入',
              message: `${preview.fileName}：导入 ${r.saved} 张，其中报送 ${r.submitted} 张；审核发现问题 ${r.preview.findingCount} 处。`,
            });
            setPreview(null);
            onImported();
            if (r.preview.sheets.some((s) => s.findings.length > 0)) setImported(r.preview.sheets);
          }}
          onClose={() => setPreview(null)}
        >
          <SheetIssues issues={p.errors} kind="error" describe={(sheet) => p.sheets.find((s) => s.sheet === sheet)?.projectName ?? null} />
          <SheetIssues
            issues={p.warnings}
            kind="warning"
            describe={(sheet) => p.sheets.find((s) => s.sheet === sheet)?.projectName ?? null}
          />
          <Stack gap="md">
            {p.sheets.map((s) => (
              <SelfEvaluationCheck key={s.sheet} plan={s} />
            ))}
          </Stack>
        </ImportPreviewModal>
      )}
      {imported && <ReturnWithFindings sheets={imported} onDone={onImported} onClose={() => setImported(null)} />}
    </Group>
  );
}

/** After an import: each form the check found slips in can go back to its unit with them as the 退回意见. */
function ReturnWithFindings({ sheets, onDone, onClose }: { sheets: SelfEvaluationSheetPlan[]; onDone: () => void; onClose: () => void }) {
  const [returned, setReturned] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState<number | null>(null);

  async function sendBack(plan: SelfEvaluationSheetPlan) {
    setBusy(plan.evaluationId);
    const result = await ledger.selfEvaluations.return({ id: plan.evaluationId!, findings: plan.returnText });
    setBusy(null);
    if (!result.ok) return notifyFailed('未能退回', result.error);
    setReturned((r) => ({ ...r, [plan.evaluationId!]: result.value.statusLabel }));
    onDone();
  }

  return (
    <Modal opened onClose={onClose} size="75rem" title="导入的自评表有问题：退回单位">
      <Stack gap="md">
        <Text fz="sm" c="dimmed">
          下列自评表审核发现问题。退回时以这些问题作为退回意见，单位改正后重新导入的自评表将替换现有内容。
        </Text>
        {sheets
          .filter((s) => s.findings.length > 0 && s.evaluationId !== null)
          .map((s) => (
            <Stack key={s.sheet} gap={6}>
              <SelfEvaluationCheck plan={s} showChanges={false} />
              <Group justify="flex-end">
                {returned[s.evaluationId!] ? (
                  <Alert color="green" py={4}>
                    “{s.projectName}”已退回单位
                  </Alert>
                ) : s.afterStatusLabel === '已报送' ? (
                  <Button color="orange" onClick={() => sendBack(s)} loading={busy === s.evaluationId} disabled={busy !== null}>
                    按审核意见退回“{s.projectName}”
                  </Button>
                ) : (
                  <Text fz="sm" c="dimmed">
                    该自评表尚未填完，仍由单位填报（{s.afterStatusLabel}），无需退回。
                  </Text>
                )}
              </Group>
            </Stack>
          ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            关闭
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
