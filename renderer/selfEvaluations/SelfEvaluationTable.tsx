import { Badge, Button, Table, Text } from '@mantine/core';
import type { SelfEvaluationRow, SelfEvaluationStatus } from '../../electron/bridge/contract';
import { formatScore } from '../../electron/rules/numberFormat';
import { EmptyRow } from '../common/EmptyRow';
import { LongTableScroll } from '../common/LongTable';
import { gradeColor } from '../keyEvaluations/keyEvaluationLabels';
import { ProjectLink } from '../common/ProjectLink';

const STATUS_COLOR: Record<SelfEvaluationStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  returned: 'orange',
  accepted: 'green',
};

/** The year's self-evaluations: unit, project, kind, total, grade and status. */
export function SelfEvaluationTable({ rows, onOpen }: { rows: SelfEvaluationRow[]; onOpen: (row: SelfEvaluationRow) => void }) {
  return (
    <LongTableScroll minWidth={900}>
      <Table striped highlightOnHover stickyHeader tabularNums aria-label="自评列表">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>单位</Table.Th>
            <Table.Th>项目</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>类别</Table.Th>
            <ResultHeadCells />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id} data-id={r.id}>
              <Table.Td>
                <Text fz="sm">{r.unitName}</Text>
                {r.departmentId !== r.unitId && (
                  <Text fz="xs" c="dimmed">
                    {r.departmentName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <ProjectLink projectId={r.projectId}>{r.projectName}</ProjectLink>
                {r.projectCode && (
                  <Text span fz="xs" c="dimmed" ml={6}>
                    {r.projectCode}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.kindLabel}</Table.Td>
              <ResultCells row={r} onOpen={() => onOpen(r)} />
            </Table.Tr>
          ))}
          {rows.length === 0 && <EmptyRow colSpan={7}>没有符合条件的自评表。点击“新建自评”，为绩效目标已批复的项目填写自评表。</EmptyRow>}
        </Table.Tbody>
      </Table>
    </LongTableScroll>
  );
}

interface ResultRow {
  total: number | null;
  complete: boolean;
  grade: string | null;
  status: SelfEvaluationStatus;
  statusLabel: string;
}

/** The headings over ResultCells. */
export function ResultHeadCells() {
  return (
    <>
      <Table.Th ta="right">总分</Table.Th>
      <Table.Th>等级</Table.Th>
      <Table.Th>状态</Table.Th>
      <Table.Th />
    </>
  );
}

/** A list's last cells for a self-evaluation of either kind: 总分, 等级, 状态, and 填写 or 查看. */
export function ResultCells({ row, onOpen }: { row: ResultRow; onOpen: () => void }) {
  return (
    <>
      <Table.Td ta="right" title={row.complete ? undefined : '尚未填完，总分只含已能计算的部分'}>
        {formatScore(row.total)}
        {!row.complete && (
          <Text span fz="xs" c="dimmed">
            （未完）
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {row.grade ? (
          <Badge variant="filled" color={gradeColor(row.grade)}>
            {row.grade}
          </Badge>
        ) : (
          <Text fz="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Badge variant="outline" color={STATUS_COLOR[row.status]}>
          {row.statusLabel}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Button size="compact-xs" variant="subtle" onClick={onOpen}>
          {row.status === 'draft' || row.status === 'returned' ? '填写' : '查看'}
        </Button>
      </Table.Td>
    </>
  );
}
