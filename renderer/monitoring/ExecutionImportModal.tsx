import { Alert, Badge, Button, Group, Select, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formatWanYuan, type MoneyUnit } from '../../electron/rules/money';
import type {
  ExecutionImportPreview,
  ExecutionMatchedRow,
  ExecutionUnmatchedRow,
  ManualMatch,
  ProjectRow,
} from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { ImportIssuesTable } from '../exchange/ImportIssuesTable';
import { ImportPreviewModal } from '../exchange/ImportPreviewModal';
import { ExecutionUnitChoice } from './ExecutionUnitChoice';
import { MATCHED_BY } from './monitoringView';
import { formatShare } from '../../electron/rules/numberFormat';

interface ExecutionImportModalProps {
  roundId: number;
  fileId: string;
  fileName: string;
  preview: ExecutionImportPreview;
  /** The year's projects, for matching a row to any project by hand. */
  projects: ProjectRow[];
  onClose: () => void;
  onImported: () => void;
}

/** What the preview was asked with: hand matches, the money unit chosen, a contradicted unit confirmed. */
interface Choices {
  manualMatches: ManualMatch[];
  moneyUnit: MoneyUnit | null;
  confirmUnit: boolean;
}

/**
 * The preview of the budget platform's execution export: the money unit (asked when neither the file
 * nor the ledger tells it), rows matched to projects (by code, by unit and name, by a remembered match,
 * or by hand) with their amounts and changes, rows still unmatched with a project picker each (picking
 * re-previews with the manual matches), rejected rows, and 确认导入.
 */
export function ExecutionImportModal({
  roundId,
  fileId,
  fileName,
  preview: first,
  projects,
  onClose,
  onImported,
}: ExecutionImportModalProps) {
  const [preview, setPreview] = useState(first);
  const [choices, setChoices] = useState<Choices>({ manualMatches: [], moneyUnit: null, confirmUnit: false });
  const [matching, setMatching] = useState(false);
  const [matchError, setMatchError] = useState<string | null>(null);
  const manual = choices.manualMatches;

  async function repreview(change: Partial<Choices>) {
    const next = { ...choices, ...change };
    setMatching(true);
    setMatchError(null);
    const result = await ledger.execution.importRepreview({ roundId, fileId, ...next });
    setMatching(false);
    if (!result.ok) return setMatchError(result.error.message);
    setChoices(next);
    setPreview(result.value);
  }
  const rematch = (manualMatches: ManualMatch[]) => repreview({ manualMatches });

  const by = (b: ExecutionMatchedRow['by']) => preview.matched.filter((m) => m.by === b).length;
  const unmatched = preview.unmatched.length;
  // Amounts mean something only once the unit is known (and, if the ledger contradicts it, confirmed).
  const unitKnown = preview.moneyUnit !== null;
  const unitOpen = !unitKnown || (preview.unitMismatch !== null && !preview.unitMismatch.confirmed);
  const changes = unmatched > 0 || unitOpen ? 0 : preview.counts.new + preview.counts.changed;

  return (
    <ImportPreviewModal
      title={`导入预览：${fileName}（${preview.roundName}）`}
      size="90%"
      description={
        <>
          {preview.sheet ? `工作表“${preview.sheet}”，` : ''}
          {preview.headerRow ? `表头在第 ${preview.headerRow}${preview.headerRowCount === 2 ? `–${preview.headerRow + 1}` : ''} 行，` : ''}
          读到 {preview.dataRows} 行数据
          {preview.skipped.length ? `，跳过 ${preview.skipped.length} 行（合计、标题或说明行）` : ''}
          {preview.blankRows ? `、${preview.blankRows} 个空行` : ''}。{unitKnown ? '以下金额均以万元列示。' : ''}
        </>
      }
      counts={[
        { label: '按代码匹配', value: by('code'), color: 'blue' },
        { label: '按名称匹配', value: by('unitName'), color: 'blue' },
        { label: '记住的对应', value: by('remembered'), color: 'cyan' },
        { label: '手工对应', value: by('manual'), color: 'cyan' },
        { label: '未匹配', value: unmatched, color: unmatched ? 'orange' : 'gray' },
        ...(unitKnown
          ? [
              { label: '新增', value: preview.counts.new, color: 'teal' },
              { label: '有变化', value: preview.counts.changed, color: 'orange' },
              { label: '无变化', value: preview.counts.unchanged, color: 'gray' },
            ]
          : []),
        { label: '拒绝', value: preview.counts.rejected, color: preview.counts.rejected ? 'red' : 'gray' },
      ]}
      errorCount={preview.errors.length}
      warningCount={preview.warnings.length}
      errorAdvice="请按下表在 Excel 中改正后重新选择文件。整份文件要么全部导入，要么一行也不写入。"
      changes={changes}
      noChangesText={
        !unitKnown
          ? '请先在上方选择文件金额单位（元或万元），再确认导入。'
          : unitOpen
            ? '文件金额单位与台账相差一万倍：请在上方选择正确的单位，或确认按该单位导入。'
            : unmatched > 0
              ? `还有 ${unmatched} 行未对应到项目：请在上表中为每行选择台账中的项目（会记住，下次自动对应），或改正文件后重新选择。`
              : '文件中的执行数据与本轮已导入的完全一致，无需导入。'
      }
      commit={() => ledger.execution.importCommit({ roundId, fileId, ...choices })}
      onCommitted={(r) => {
        notifications.show({
          color: 'green',
          title: '执行数据已导入',
          message: `${fileName}：新增 ${r.created} 个项目的执行数据，更新 ${r.updated} 个，${r.unchanged} 个无变化${r.rememberedMatches ? `；记住 ${r.rememberedMatches} 条手工对应` : ''}。`,
        });
        onImported();
      }}
      onClose={onClose}
    >
      <ExecutionUnitChoice
        preview={preview}
        busy={matching}
        onChoose={(moneyUnit) => void repreview({ moneyUnit, confirmUnit: false })}
        onConfirm={(confirmUnit) => void repreview({ confirmUnit })}
      />
      {unitKnown && (
        <Text fz="sm">
          调整后预算数合计 {formatWanYuan(preview.totals.adjustedBudgetFen)} 万元，执行数合计 {formatWanYuan(preview.totals.executedFen)}{' '}
          万元，执行率 {formatShare(preview.totals.executedFen, preview.totals.adjustedBudgetFen)}。
        </Text>
      )}
      <ImportIssuesTable issues={preview.errors} kind="error" />
      {unmatched > 0 && (
        <UnmatchedTable
          rows={preview.unmatched}
          showAmounts={unitKnown}
          projects={projects}
          manual={manual}
          busy={matching}
          onMatch={(row, projectId) => void rematch([...manual.filter((m) => m.row !== row), { row, projectId }])}
        />
      )}
      {matchError && (
        <Alert color="red" title="未能重新预览">
          {matchError}
        </Alert>
      )}
      {unitKnown ? (
        <MatchedTable rows={preview.matched} onUndo={(row) => void rematch(manual.filter((m) => m.row !== row))} />
      ) : (
        preview.matched.length > 0 && (
          <Text fz="sm" c="dimmed">
            已对应到台账项目 {preview.matched.length} 行；选择金额单位后列出各行金额。
          </Text>
        )
      )}
      <ImportIssuesTable issues={preview.warnings} kind="warning" />
      {preview.notInFile.length > 0 && (
        <Text fz="sm" c="dimmed">
          本轮已有执行数据、但文件中没有的项目 {preview.notInFile.length} 个（保留原数据）：
          {preview.notInFile.map((p) => p.projectName).join('、')}
        </Text>
      )}
    </ImportPreviewModal>
  );
}

function UnmatchedTable({
  rows,
  showAmounts,
  projects,
  manual,
  busy,
  onMatch,
}: {
  rows: ExecutionUnmatchedRow[];
  /** Amounts mean nothing until the money unit is known. */
  showAmounts: boolean;
  projects: ProjectRow[];
  manual: ManualMatch[];
  busy: boolean;
  onMatch: (row: number, projectId: number) => void;
}) {
  return (
    <>
      <Title order={5} c="orange.8">
        未匹配的行：请为每行选择台账中的项目
      </Title>
      <Table.ScrollContainer minWidth={900} maxHeight={320}>
        <Table withTableBorder fz="sm" aria-label="未匹配的行" tabularNums>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={50}>行</Table.Th>
              <Table.Th>文件中的预算单位</Table.Th>
              <Table.Th>文件中的项目名称</Table.Th>
              {showAmounts && <Table.Th ta="right">调整后预算数（万元）</Table.Th>}
              {showAmounts && <Table.Th ta="right">执行数（万元）</Table.Th>}
              <Table.Th w={360}>对应台账项目</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const candidateIds = new Set(r.candidates.map((c) => c.projectId));
              const data = [
                {
                  group: '候选项目',
                  items: r.candidates.map((c) => ({
                    value: String(c.projectId),
                    label: `${c.name}（${c.unitName}${c.code ? `，${c.code}` : ''}）`,
                  })),
                },
                {
                  group: '本年度其他项目',
                  items: projects
                    .filter((p) => !candidateIds.has(p.id))
                    .map((p) => ({ value: String(p.id), label: `${p.name}（${p.unitName}${p.code ? `，${p.code}` : ''}）` })),
                },
              ].filter((g) => g.items.length > 0);
              const chosen = manual.find((m) => m.row === r.row);
              return (
                <Table.Tr key={r.row}>
                  <Table.Td>{r.row}</Table.Td>
                  <Table.Td>{r.unitName}</Table.Td>
                  <Table.Td>
                    {r.name}
                    {r.code ? (
                      <Text span c="dimmed" fz="xs">
                        {' '}
                        {r.code}
                      </Text>
                    ) : null}
                  </Table.Td>
                  {showAmounts && <Table.Td ta="right">{formatWanYuan(r.adjustedBudgetFen)}</Table.Td>}
                  {showAmounts && <Table.Td ta="right">{formatWanYuan(r.executedFen)}</Table.Td>}
                  <Table.Td>
                    <Select
                      aria-label={`第 ${r.row} 行对应的项目`}
                      placeholder={r.candidates.length ? `有 ${r.candidates.length} 个候选项目，请选择` : '选择项目'}
                      searchable
                      size="xs"
                      disabled={busy}
                      data={data}
                      value={chosen ? String(chosen.projectId) : null}
                      onChange={(v) => v && onMatch(r.row, Number(v))}
                      nothingFoundMessage="没有符合的项目"
                      comboboxProps={{ withinPortal: true }}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

function MatchedTable({ rows, onUndo }: { rows: ExecutionMatchedRow[]; onUndo: (row: number) => void }) {
  if (rows.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={1000} maxHeight={360}>
      <Table striped withTableBorder fz="sm" aria-label="已匹配的行" tabularNums>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={50}>行</Table.Th>
            <Table.Th>台账项目</Table.Th>
            <Table.Th>预算单位</Table.Th>
            <Table.Th>匹配方式</Table.Th>
            <Table.Th ta="right">调整后预算数（万元）</Table.Th>
            <Table.Th ta="right">执行数（万元）</Table.Th>
            <Table.Th ta="right">执行率</Table.Th>
            <Table.Th>与上次导入相比</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((m) => (
            <Table.Tr key={m.row}>
              <Table.Td>{m.row}</Table.Td>
              <Table.Td>
                {m.projectName}
                {m.name !== m.projectName && (
                  <Text fz="xs" c="dimmed">
                    文件中为“{m.name}”
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{m.projectUnitName}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Group gap={4} wrap="nowrap">
                  <Badge size="sm" variant="light" color={m.by === 'manual' || m.by === 'remembered' ? 'cyan' : 'blue'}>
                    {MATCHED_BY[m.by]}
                  </Badge>
                  {m.by === 'manual' && (
                    <Button size="compact-xs" variant="subtle" color="gray" onClick={() => onUndo(m.row)}>
                      撤销
                    </Button>
                  )}
                </Group>
              </Table.Td>
              <Table.Td ta="right">{formatWanYuan(m.adjustedBudgetFen)}</Table.Td>
              <Table.Td ta="right">{formatWanYuan(m.executedFen)}</Table.Td>
              <Table.Td ta="right">{formatShare(m.executedFen, m.adjustedBudgetFen)}</Table.Td>
              <Table.Td>
                {m.status === 'new' ? (
                  <Badge size="sm" variant="light" color="teal">
                    新增
                  </Badge>
                ) : m.status === 'unchanged' ? (
                  <Text fz="sm" c="dimmed">
                    无变化
                  </Text>
                ) : (
                  <Text fz="sm" c="orange.9">
                    {m.changes.map((c) => `${c.label}：${c.before} → ${c.after}`).join('；')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
