import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReviewFinding, TableReview } from '../../electron/bridge/contract';
import { FigureCard } from '../common/FigureCard';
import { gradeColor } from '../keyEvaluations/keyEvaluationLabels';
import { formatScore } from '../../electron/rules/numberFormat';

/** What was reviewed: the file, its kind, the rules used, and the recomputed 总分 and 等级. */
export function ReviewSummary({ review }: { review: TableReview }) {
  const scored = review.kind === 'keyEvaluationScores' || review.kind === 'keyEvaluationFramework' || review.kind === 'selfEvaluation';
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={3}>{review.fileName}</Title>
          <Badge variant="light" color={review.kind === 'unknown' ? 'orange' : 'blue'} aria-label="表格类型">
            {review.kindLabel}
          </Badge>
        </Group>
        {review.title && <Text fw={600}>{review.title}</Text>}
        <Text fz="sm" c="dimmed">
          读到：{review.read}。审核规则：{review.rules}。
        </Text>
        {review.kind !== 'unknown' && (
          <SimpleGrid cols={{ base: 1, sm: scored ? 3 : 1 }} maw={scored ? 720 : 240}>
            {scored && <FigureCard label="复算总分" value={formatScore(review.total)} unit="分" />}
            {scored && <FigureCard label="复算等级" value={review.grade ?? '—'} unit="" color={gradeColor(review.grade)} />}
            <FigureCard label="问题" value={review.findings.length} unit="处" color={review.findings.length ? 'red' : 'green'} />
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}

/** The recomputed 小计, 一级 by 一级 with its 二级 under it. */
export function ReviewSubtotalsTable({ review }: { review: TableReview }) {
  return (
    <Stack gap="xs">
      <Title order={4}>复算小计</Title>
      <Table withTableBorder tabularNums fz="sm" aria-label="复算小计" maw={720}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>一级指标</Table.Th>
            <Table.Th>二级指标</Table.Th>
            <Table.Th ta="right">分值</Table.Th>
            <Table.Th ta="right">复算得分</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {review.subtotals.map((s, i) => (
            <Table.Tr key={i} fw={s.level2 === null ? 700 : undefined} bg={s.level2 === null ? 'gray.0' : undefined}>
              <Table.Td>{s.level1}</Table.Td>
              <Table.Td>{s.level2 ?? '小计'}</Table.Td>
              <Table.Td ta="right">{formatScore(s.points)}</Table.Td>
              <Table.Td ta="right">{formatScore(s.score)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** Each finding where the clerk will look for it in Excel: sheet, cell, the printed and the recomputed figure. */
export function ReviewFindingsTable({ findings }: { findings: ReviewFinding[] }) {
  return (
    <Stack gap="xs">
      <Title order={4}>发现的问题（{findings.length} 处）</Title>
      <Table.ScrollContainer minWidth={800}>
        <Table striped withTableBorder tabularNums fz="sm" aria-label="审核发现">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={50}>序号</Table.Th>
              <Table.Th w={140}>工作表</Table.Th>
              <Table.Th w={90}>单元格</Table.Th>
              <Table.Th w={100} ta="right">
                表上数
              </Table.Th>
              <Table.Th w={100} ta="right">
                复算数
              </Table.Th>
              <Table.Th>说明</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {findings.map((f, i) => (
              <Table.Tr key={i}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>{f.sheet ?? '—'}</Table.Td>
                <Table.Td>{f.cell ?? '—'}</Table.Td>
                <Table.Td ta="right">{f.printed ?? '—'}</Table.Td>
                <Table.Td ta="right" c={f.computed ? 'red.8' : undefined} fw={f.computed ? 700 : undefined}>
                  {f.computed ?? '—'}
                </Table.Td>
                <Table.Td>{f.problem}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
