import { Badge, Button, Group, Loader, Modal, Paper, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import { formatWanYuan } from '../../electron/rules/money';
import { formatScore } from '../../electron/rules/numberFormat';
import type { ResultApplicationRow, ResultApplicationSummary } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { EmptyRow } from '../common/EmptyRow';
import { FigureCard } from '../common/FigureCard';
import { FormAlert } from '../common/FormAlert';
import { LoadError } from '../common/LoadError';
import { PrintButton } from '../common/PrintButton';
import { useBridgeForm } from '../common/useBridgeForm';
import { notifyFailed, notifySaved } from '../exchange/notifyFile';
import { gradeColor } from '../keyEvaluations/keyEvaluationLabels';
import { ResultActionModal } from './ResultActionModal';

const STATUS_COLOR: Record<ResultApplicationRow['status'], string> = { planned: 'yellow', applied: 'green', cancelled: 'gray' };

/**
 * 评价结果应用 for the whole year: every action on next year's budget from 自评, 部门评价 and 重点评价 in one
 * list with its evidence, the summary (money recovered, carried-over balances cleared, budgets cut; by
 * 主管部门), recording and changing the actions on 自评 and 部门评价 (a key evaluation's are kept on the
 * evaluation), and the workbook for the budget office.
 */
export function ResultActionsScreen({ year }: { year: number }) {
  const list = useCall('resultApplication.list', { year });
  const summary = useCall('resultApplication.summary', { year });
  const [editing, setEditing] = useState<ResultApplicationRow | 'new' | null>(null);
  const [cancelling, setCancelling] = useState<ResultApplicationRow | null>(null);
  const [exporting, setExporting] = useState(false);

  const { reload: reloadList } = list;
  const { reload: reloadSummary } = summary;
  const reload = useCallback(() => {
    reloadList();
    reloadSummary();
  }, [reloadList, reloadSummary]);

  async function save() {
    setExporting(true);
    const result = await ledger.resultApplication.export({ year });
    setExporting(false);
    if (!result.ok) return notifyFailed('导出结果应用情况表失败', result.error);
    const { saved, summary: s } = result.value;
    if (saved)
      notifySaved(
        '已导出评价结果应用情况表',
        saved.savedAs,
        `${s.count} 项；收回资金 ${formatWanYuan(s.recoveredFen)} 万元，清理结转结余资金 ${formatWanYuan(s.clearedFen)} 万元，调减预算 ${formatWanYuan(s.cutFen)} 万元`,
      );
  }

  const error = list.error ?? summary.error;
  return (
    <Stack gap="md" component="section" aria-label="评价结果应用">
      <Group justify="space-between">
        <Title order={3}>
          评价结果应用 · {year} 年度评价用于 {year + 1} 年度预算
        </Title>
        <Group gap="sm">
          <Button variant="default" onClick={() => void save()} loading={exporting} disabled={!summary.data?.count}>
            导出结果应用情况表
          </Button>
          <Button onClick={() => setEditing('new')}>记录结果应用</Button>
          <PrintButton title={`评价结果应用 · ${year} 年度`} />
        </Group>
      </Group>
      {error && <LoadError error={error} onRetry={reload} />}
      {!list.data || !summary.data ? (
        !error && <Loader aria-label="正在读取结果应用" />
      ) : (
        <>
          <SummaryPanel summary={summary.data} />
          <ActionsTable rows={list.data} year={year} onEdit={setEditing} onCancel={setCancelling} />
          <DepartmentTable summary={summary.data} />
        </>
      )}
      {editing && (
        <ResultActionModal
          year={year}
          editing={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
      {cancelling && (
        <CancelModal
          row={cancelling}
          onClose={() => setCancelling(null)}
          onDone={() => {
            setCancelling(null);
            reload();
          }}
        />
      )}
    </Stack>
  );
}

function SummaryPanel({ summary }: { summary: ResultApplicationSummary }) {
  return (
    <Paper withBorder p="md" aria-label="结果应用概况">
      <Stack gap="sm">
        <Text fw={500} aria-label="结果应用情况">
          {summary.sentence}
        </Text>
        <SimpleGrid cols={{ base: 2, lg: 4 }}>
          <FigureCard
            label="应用项数"
            value={summary.count}
            unit="项"
            detail={`已落实 ${summary.applied} 项，拟定 ${summary.planned} 项`}
          />
          <FigureCard label="收回资金" value={formatWanYuan(summary.recoveredFen)} unit="万元" />
          <FigureCard label="清理结转结余资金" value={formatWanYuan(summary.clearedFen)} unit="万元" />
          <FigureCard label="调减预算" value={formatWanYuan(summary.cutFen)} unit="万元" />
        </SimpleGrid>
        {summary.byAction.length > 0 && (
          <Group gap={6} aria-label="按应用方式统计">
            {summary.byAction.map((a) => (
              <Badge key={a.actionType} variant="light" color="blue">
                {a.actionType} {a.count} 项{a.amountFen ? ` · ${formatWanYuan(a.amountFen)} 万元` : ''}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function ActionsTable({
  rows,
  year,
  onEdit,
  onCancel,
}: {
  rows: ResultApplicationRow[];
  year: number;
  onEdit: (row: ResultApplicationRow) => void;
  onCancel: (row: ResultApplicationRow) => void;
}) {
  return (
    <Table striped tabularNums withTableBorder aria-label="年度结果应用一览">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={80}>来源</Table.Th>
          <Table.Th>评价对象</Table.Th>
          <Table.Th>单位（主管部门）</Table.Th>
          <Table.Th w={110}>得分 / 等级</Table.Th>
          <Table.Th>应用方式</Table.Th>
          <Table.Th ta="right">金额（万元）</Table.Th>
          <Table.Th>{year + 1} 年度项目</Table.Th>
          <Table.Th w={80}>状态</Table.Th>
          <Table.Th>说明</Table.Th>
          <Table.Th w={110} data-print="hide" />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key} data-source={r.source}>
            <Table.Td>{r.sourceLabel}</Table.Td>
            <Table.Td>{r.evaluationName}</Table.Td>
            <Table.Td fz="sm">
              {r.unitName}
              {r.departmentName !== r.unitName && <Text fz="xs" c="dimmed">{`（${r.departmentName}）`}</Text>}
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Text fz="sm">{formatScore(r.total)}</Text>
                {r.grade && (
                  <Badge variant="light" color={gradeColor(r.grade)}>
                    {r.grade}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>{r.actionType}</Table.Td>
            <Table.Td ta="right">{r.amountFen === null ? '—' : formatWanYuan(r.amountFen)}</Table.Td>
            <Table.Td>{r.nextYearProjectName ?? '—'}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={STATUS_COLOR[r.status]}>
                {r.statusLabel}
              </Badge>
            </Table.Td>
            <Table.Td fz="sm">{r.note ?? ''}</Table.Td>
            <Table.Td data-print="hide">
              {r.source === 'key' ? (
                <Text fz="xs" c="dimmed">
                  在重点评价中修改
                </Text>
              ) : (
                r.status !== 'cancelled' && (
                  <Group gap={2} wrap="nowrap">
                    <Button size="compact-xs" variant="subtle" onClick={() => onEdit(r)}>
                      修改
                    </Button>
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => onCancel(r)}>
                      撤销
                    </Button>
                  </Group>
                )
              )}
            </Table.Td>
          </Table.Tr>
        ))}
        {rows.length === 0 && (
          <EmptyRow colSpan={10}>
            尚未记录评价结果应用。自评或部门评价评完分后点“记录结果应用”；重点评价的结果应用在该评价的“评价结果”中记录。
          </EmptyRow>
        )}
      </Table.Tbody>
    </Table>
  );
}

function DepartmentTable({ summary }: { summary: ResultApplicationSummary }) {
  if (summary.byDepartment.length === 0) return null;
  return (
    <Table tabularNums withTableBorder aria-label="按主管部门汇总">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>主管部门</Table.Th>
          <Table.Th ta="right">项数</Table.Th>
          <Table.Th ta="right">收回资金（万元）</Table.Th>
          <Table.Th ta="right">清理结转结余资金（万元）</Table.Th>
          <Table.Th ta="right">调减预算（万元）</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {summary.byDepartment.map((d) => (
          <Table.Tr key={d.name}>
            <Table.Td>{d.name}</Table.Td>
            <Table.Td ta="right">{d.count}</Table.Td>
            <Table.Td ta="right">{formatWanYuan(d.recoveredFen)}</Table.Td>
            <Table.Td ta="right">{formatWanYuan(d.clearedFen)}</Table.Td>
            <Table.Td ta="right">{formatWanYuan(d.cutFen)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function CancelModal({ row, onClose, onDone }: { row: ResultApplicationRow; onClose: () => void; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const form = useBridgeForm(['reason']);

  async function cancel() {
    const done = await form.submit(() => ledger.resultApplication.cancel({ id: row.id, reason }));
    if (!done) return;
    notifications.show({ color: 'green', title: '已撤销结果应用', message: `${row.evaluationName}：${row.actionType}` });
    onDone();
  }

  return (
    <Modal opened onClose={onClose} title="撤销结果应用">
      <Stack gap="sm">
        <Text fz="sm">
          撤销“{row.evaluationName}”的“{row.actionType}”？撤销后仍留在清单中（已撤销），不计入汇总。
        </Text>
        <Textarea
          label="撤销原因"
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={form.errors.reason}
        />
        <FormAlert messages={form.alert} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            不撤销
          </Button>
          <Button color="red" onClick={() => void cancel()} loading={form.submitting}>
            撤销
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
