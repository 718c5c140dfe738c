import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { formatWanYuan } from '../../electron/rules/money';
import type { PublicationRow } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { EmptyRow } from '../common/EmptyRow';
import { notifyFailed, notifySaved } from '../exchange/notifyFile';
import { gradeColor } from './keyEvaluationLabels';
import { formatScore } from '../../electron/rules/numberFormat';

/** 评价结果公开: the year's final evaluations, 涉密单位 left out by the ledger. */
export function PublicationTable({ rows, year }: { rows: PublicationRow[]; year: number }) {
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    const result = await ledger.keyEvaluations.exportPublication({ year });
    setBusy(false);
    if (!result.ok) return notifyFailed('导出公开表失败', result.error);
    const { saved, summary } = result.value;
    if (saved)
      notifySaved(
        '已导出重点评价结果公开表',
        saved.savedAs,
        `${summary.evaluationCount} 项，涉及资金 ${formatWanYuan(summary.coveredFen)} 万元${summary.excludedClassified ? `；涉密单位 ${summary.excludedClassified} 项未列入` : ''}`,
      );
  }

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fz="sm" c="dimmed">
          {year} 年度已定稿的重点绩效评价结果，按规定向社会公开（涉密单位不列入）。
        </Text>
        <Button variant="default" onClick={() => void save()} loading={busy} disabled={rows.length === 0}>
          导出公开表
        </Button>
      </Group>
      <Table striped tabularNums withTableBorder aria-label="结果公开表">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>序号</Table.Th>
            <Table.Th>评价对象</Table.Th>
            <Table.Th>单位</Table.Th>
            <Table.Th>评价主体</Table.Th>
            <Table.Th ta="right">涉及资金（万元）</Table.Th>
            <Table.Th ta="right">评价得分</Table.Th>
            <Table.Th>等级</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, k) => (
            <Table.Tr key={r.evaluationId}>
              <Table.Td>{k + 1}</Table.Td>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>{r.unitName}</Table.Td>
              <Table.Td>{r.evaluatorName ? `${r.evaluatorLabel}（${r.evaluatorName}）` : r.evaluatorLabel}</Table.Td>
              <Table.Td ta="right">{formatWanYuan(r.coveredFen)}</Table.Td>
              <Table.Td ta="right">{formatScore(r.total)}</Table.Td>
              <Table.Td>
                <Badge variant="filled" color={gradeColor(r.grade)}>
                  {r.grade}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
          {rows.length === 0 && <EmptyRow colSpan={7}>本年度尚无定稿的重点绩效评价可公开。</EmptyRow>}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
