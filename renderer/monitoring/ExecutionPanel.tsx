import { Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { ExecutionImportPreview, ImportPreviewOutcome, RoundRow } from '../../electron/bridge/contract';
import { formatWanYuan } from '../../electron/rules/money';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { EmptyRow } from '../common/EmptyRow';
import { LoadError } from '../common/LoadError';
import { notifyFailed } from '../exchange/notifyFile';
import { ExecutionImportModal } from './ExecutionImportModal';
import { formatShare } from '../../electron/rules/numberFormat';
import { RememberedMatchesModal } from './RememberedMatchesModal';

type Staged = Extract<ImportPreviewOutcome<ExecutionImportPreview>, { cancelled: false }>;

/** 执行数据: import the platform's export for the round, and what the round holds now. */
export function ExecutionPanel({ round, onImported }: { round: RoundRow; onImported: () => void }) {
  const list = useCall('execution.list', { roundId: round.id });
  const projects = useCall('projects.list', { year: round.year });
  const remembered = useCall('execution.rememberedMatches', { year: round.year });
  const [staged, setStaged] = useState<Staged | null>(null);
  const [opening, setOpening] = useState(false);
  const [showRemembered, setShowRemembered] = useState(false);

  async function startImport() {
    setOpening(true);
    const result = await ledger.execution.importPreview({ roundId: round.id });
    setOpening(false);
    if (!result.ok) return notifyFailed('无法读取文件', result.error);
    if (!result.value.cancelled) setStaged(result.value);
  }

  const rows = list.data ?? [];
  const budget = rows.reduce((s, r) => s + r.adjustedBudgetFen, 0);
  const executed = rows.reduce((s, r) => s + r.executedFen, 0);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text role="status" aria-label="执行数据合计" fw={500}>
          {list.data
            ? `本轮已导入 ${rows.length} 个项目的执行数据：调整后预算数 ${formatWanYuan(budget)} 万元，执行数 ${formatWanYuan(executed)} 万元，执行率 ${formatShare(executed, budget)}`
            : ''}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" onClick={() => setShowRemembered(true)} title="导入时手工指定、以后自动沿用的项目对应">
            记住的手工对应{remembered.data ? `（${remembered.data.length}）` : ''}
          </Button>
          <Button onClick={() => void startImport()} loading={opening}>
            导入执行数据
          </Button>
        </Group>
      </Group>
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error ? (
        <Loader aria-label="正在读取执行数据" />
      ) : (
        <Table.ScrollContainer minWidth={1000}>
          <Table striped highlightOnHover tabularNums fz="sm" aria-label="执行数据">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>项目代码</Table.Th>
                <Table.Th>项目名称</Table.Th>
                <Table.Th>预算单位</Table.Th>
                <Table.Th ta="right">年初预算数（万元）</Table.Th>
                <Table.Th ta="right">调整后预算数（万元）</Table.Th>
                <Table.Th ta="right">1–{round.asOfMonth}月执行数（万元）</Table.Th>
                <Table.Th ta="right">执行率</Table.Th>
                <Table.Th ta="right">全年预计执行数（万元）</Table.Th>
                <Table.Th>来源</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.projectCode ?? '—'}</Table.Td>
                  <Table.Td>{r.projectName}</Table.Td>
                  <Table.Td>{r.unitName}</Table.Td>
                  <Table.Td ta="right">{r.initialBudgetFen === null ? '—' : formatWanYuan(r.initialBudgetFen)}</Table.Td>
                  <Table.Td ta="right">{formatWanYuan(r.adjustedBudgetFen)}</Table.Td>
                  <Table.Td ta="right">{formatWanYuan(r.executedFen)}</Table.Td>
                  <Table.Td ta="right">{formatShare(r.executedFen, r.adjustedBudgetFen)}</Table.Td>
                  <Table.Td ta="right">{r.expectedFullYearFen === null ? '—' : formatWanYuan(r.expectedFullYearFen)}</Table.Td>
                  <Table.Td>
                    <Text fz="xs" c="dimmed" title={r.importedAt}>
                      {r.sourceFile} 第 {r.sourceRow} 行
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
              {rows.length === 0 && (
                <EmptyRow colSpan={9}>
                  本轮还没有执行数据。点击“导入执行数据”，选择预算管理一体化平台导出的执行情况表（xlsx、xls 或 csv）。
                </EmptyRow>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {staged && projects.data && (
        <ExecutionImportModal
          roundId={round.id}
          fileId={staged.fileId}
          fileName={staged.fileName}
          preview={staged.preview}
          projects={projects.data}
          onClose={() => setStaged(null)}
          onImported={() => {
            setStaged(null);
            list.reload();
            remembered.reload();
            onImported();
          }}
        />
      )}
      {showRemembered && <RememberedMatchesModal year={round.year} matches={remembered} onClose={() => setShowRemembered(false)} />}
    </Stack>
  );
}
