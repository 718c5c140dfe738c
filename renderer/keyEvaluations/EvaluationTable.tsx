import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { formatWanYuan } from '../../electron/rules/money';
import type { KeyEvaluationRow } from '../../electron/bridge/contract';
import { EmptyRow } from '../common/EmptyRow';
import { LongTableScroll, OneLine } from '../common/LongTable';
import { gradeColor, STATUS_COLOR } from './keyEvaluationLabels';
import { formatScore } from '../../electron/rules/numberFormat';
import { ProjectLink } from '../common/ProjectLink';

/** The year's key evaluations: object, unit, who evaluates, money covered, total, grade and status. */
export function EvaluationTable({ evaluations, onOpen }: { evaluations: KeyEvaluationRow[]; onOpen: (e: KeyEvaluationRow) => void }) {
  return (
    <LongTableScroll minWidth={1000}>
      <Table striped highlightOnHover stickyHeader tabularNums aria-label="重点评价列表">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>评价对象</Table.Th>
            <Table.Th>单位</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>评价主体</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              涉及资金（万元）
            </Table.Th>
            <Table.Th ta="right">总分</Table.Th>
            <Table.Th>等级</Table.Th>
            <Table.Th>状态</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {evaluations.map((e) => (
            <Table.Tr key={e.id} data-id={e.id}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <OneLine maw={380} title={e.name}>
                    <ProjectLink projectId={e.projectId}>{e.name}</ProjectLink>
                  </OneLine>
                  {e.subject === 'department' && (
                    <Badge size="xs" variant="outline" color="gray">
                      部门整体
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <OneLine maw={220}>{e.unitName}</OneLine>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }} title={e.evaluatorName ?? undefined}>
                {e.evaluatorLabel}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatWanYuan(e.coveredFen)}
              </Table.Td>
              <Table.Td ta="right">{formatScore(e.total)}</Table.Td>
              <Table.Td>
                {e.grade ? (
                  <Badge variant="filled" color={gradeColor(e.grade)}>
                    {e.grade}
                  </Badge>
                ) : (
                  <Text fz="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Badge variant="outline" color={STATUS_COLOR[e.status]}>
                  {e.statusLabel}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="subtle" onClick={() => onOpen(e)}>
                  {e.status === 'final' ? '查看' : '继续评价'}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
          {evaluations.length === 0 && <EmptyRow colSpan={8}>本年度还没有重点绩效评价。点击“选定评价项目”开始。</EmptyRow>}
        </Table.Tbody>
      </Table>
    </LongTableScroll>
  );
}
