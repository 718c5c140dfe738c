import { Badge, List, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { TARGET_STATUS } from '../../electron/rules/jointReview';
import { formatWanYuan } from '../../electron/rules/money';
import type { TargetImportPreview, TargetSheetPlan } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { ImportPreviewModal } from '../exchange/ImportPreviewModal';
import { ignoredText, SheetIssues } from '../exchange/SheetIssues';

interface TargetImportModalProps {
  year: number;
  fileId: string;
  fileName: string;
  preview: TargetImportPreview;
  onClose: () => void;
  onImported: () => void;
}

export const SHEET_ACTION: Record<TargetSheetPlan['action'], { label: string; color: string }> = {
  create: { label: '新建目标', color: 'blue' },
  update: { label: '更新目标', color: 'orange' },
  unchanged: { label: '无变化', color: 'gray' },
  skip: { label: '跳过', color: 'gray' },
  error: { label: '有错误', color: 'red' },
};

/**
 * 导入申报表 preview: each declaration sheet with the project it matched and what the import would do
 * to its targets (新建, 更新 with the changes, 无变化, 跳过), every bad cell sheet by sheet, then all
 * sheets or none.
 */
export function TargetImportModal({ year, fileId, fileName, preview, onClose, onImported }: TargetImportModalProps) {
  const skipped = preview.sheets.filter((s) => s.action === 'skip').length;
  const departments = preview.sheets.filter((s) => s.subject === 'department').length;
  const projectOf = new Map(preview.sheets.map((s) => [s.sheet, planName(s)]));
  return (
    <ImportPreviewModal
      title={`导入申报表预览：${fileName}（${year} 年度）`}
      size="80rem"
      description={`读到 ${preview.sheets.length} 张申报表${departments ? `（其中部门整体 ${departments} 张）` : ''}${ignoredText(preview.ignoredSheets, '申报表')}。只有填写了年度总体目标、年度主要任务或指标值的表才会导入；整份文件要么全部导入，要么一张也不写入。`}
      counts={[
        { label: '新建目标', value: preview.toCreate, color: 'blue' },
        { label: '更新目标', value: preview.toUpdate, color: 'orange' },
        { label: '无变化', value: preview.unchanged, color: 'gray' },
        { label: '跳过', value: skipped, color: 'gray' },
      ]}
      errorCount={preview.errors.length}
      warningCount={preview.warnings.length}
      errorAdvice="请按下面列出的工作表、行和列在 Excel 中改正后重新选择文件。整份文件要么全部导入，要么一张表也不写入。"
      changes={preview.toCreate + preview.toUpdate}
      noChangesText="文件中没有需要写入的内容：各表与台账中的绩效目标相同，或尚未填写。"
      commit={() => ledger.targets.importCommit({ year, fileId })}
      onCommitted={(r) => {
        notifications.show({
          color: 'green',
          title: '申报表已导入',
          message: `${fileName}：新建 ${r.created} 个绩效目标，更新 ${r.updated} 个，${r.unchanged} 个无变化${skipped ? `，${skipped} 张未填写的表已跳过` : ''}。`,
        });
        onImported();
      }}
      onClose={onClose}
    >
      {preview.sheets.length > 0 && <SheetPlans sheets={preview.sheets} />}
      <SheetIssues issues={preview.errors} kind="error" describe={(s) => projectOf.get(s) ?? null} />
      <SheetIssues issues={preview.warnings} kind="warning" describe={(s) => projectOf.get(s) ?? null} />
      {preview.skippedRows.length > 0 && <SkippedRows rows={preview.skippedRows} />}
    </ImportPreviewModal>
  );
}

/** The target a sheet declares, as the target list names it: the project, or "<单位>部门整体". */
function planName(s: TargetSheetPlan): string | null {
  return s.subject === 'department' ? s.unitName && `${s.unitName}部门整体` : s.projectName;
}

function SheetPlans({ sheets }: { sheets: TargetSheetPlan[] }) {
  return (
    <Table.ScrollContainer minWidth={900} maxHeight={360}>
      <Table striped withTableBorder fz="sm" verticalSpacing={6} aria-label="各申报表的导入结果">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>工作表</Table.Th>
            <Table.Th w={260}>项目/部门整体</Table.Th>
            <Table.Th w={90}>导入结果</Table.Th>
            <Table.Th w={130} ta="right" style={{ whiteSpace: 'nowrap' }}>
              年度资金（万元）
            </Table.Th>
            <Table.Th w={100} ta="right">
              指标
            </Table.Th>
            <Table.Th>变化与说明</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sheets.map((s) => {
            const action = SHEET_ACTION[s.action];
            const failing = s.failedChecks.filter((c) => !c.startsWith('（提示）'));
            const counted = s.action !== 'skip' && s.action !== 'error';
            return (
              <Table.Tr key={s.sheet}>
                <Table.Td>{s.sheet}</Table.Td>
                <Table.Td>
                  <Text fz="sm" fw={500}>
                    {planName(s) ?? (s.subject === 'department' ? '（未对应到单位）' : '（未对应到项目）')}
                  </Text>
                  {(s.projectCode || s.unitName) && (
                    <Text fz="xs" c="dimmed">
                      {[s.projectCode, s.unitName].filter(Boolean).join(' · ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={action.color} variant={s.action === 'error' ? 'filled' : 'light'} style={{ flex: 'none' }}>
                    {action.label}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{counted && s.annualTotalFen !== null ? formatWanYuan(s.annualTotalFen) : '—'}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {counted ? `${s.indicatorCount} 个（共性 ${s.commonCount}）` : '—'}
                </Table.Td>
                <Table.Td>
                  <SheetNote plan={s} failing={failing} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SheetNote({ plan: s, failing }: { plan: TargetSheetPlan; failing: string[] }) {
  const status = s.status ? `台账中为“${TARGET_STATUS[s.status]}”` : null;
  return (
    <Stack gap={2}>
      {s.action === 'create' && (
        <Text fz="sm">{s.subject === 'department' ? '该单位尚无部门整体绩效目标' : '该项目尚无绩效目标'}，将按表新建（填报中）</Text>
      )}
      {s.action === 'update' && (
        <>
          {status && (
            <Text fz="xs" c="dimmed">
              {status}，将修改：
            </Text>
          )}
          <List size="sm" spacing={0}>
            {s.changes.map((c) => (
              <List.Item key={c}>{c}</List.Item>
            ))}
          </List>
        </>
      )}
      {s.action === 'error' && (
        <Text fz="sm" c="red.8">
          见下方错误列表{status ? `（${status}）` : ''}
        </Text>
      )}
      {s.note && (
        <Text fz="sm" c="dimmed">
          {s.note}
        </Text>
      )}
      {failing.length > 0 && s.action !== 'error' && (
        <Text fz="xs" c="orange.8">
          导入后机审仍未通过：{failing.join('；')}
        </Text>
      )}
    </Stack>
  );
}

function SkippedRows({ rows }: { rows: TargetImportPreview['skippedRows'] }) {
  return (
    <Stack gap={4} component="section" aria-label="跳过的行">
      <Text fz="sm" fw={600} c="dimmed">
        跳过的指标行：{rows.length} 行（不导入，无需处理）
      </Text>
      <Table.ScrollContainer minWidth={600} maxHeight={160}>
        <Table withTableBorder fz="xs" verticalSpacing={2}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>工作表</Table.Th>
              <Table.Th w={50}>行</Table.Th>
              <Table.Th w={220}>内容</Table.Th>
              <Table.Th>原因</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={`${r.sheet}-${r.row}`}>
                <Table.Td>{r.sheet}</Table.Td>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td>{r.text}</Table.Td>
                <Table.Td>{r.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
