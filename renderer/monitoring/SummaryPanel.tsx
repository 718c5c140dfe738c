import { Badge, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { WARNING_LINES } from '../../electron/rules/monitoringLabels';
import { COLOUR_LABELS } from '../../electron/rules/warningLines';
import { useCall } from '../bridge/useCall';
import { LoadError } from '../common/LoadError';
import { COLOUR_COLOR } from './monitoringView';
import { WARNING_COLOURS, type WarningLine } from '../../electron/bridge/contract';
import { FigureCard } from '../common/FigureCard';
import { PrintButton } from '../common/PrintButton';

/** 本轮概况: who was monitored, the warnings by line and colour, and the notices. */
export function SummaryPanel({ roundId, version }: { roundId: number; version: number }) {
  const summary = useCall('warnings.summary', { roundId });
  const { reload } = summary;
  useEffect(() => reload(), [version, reload]);
  if (summary.error) return <LoadError error={summary.error} onRetry={summary.reload} />;
  if (!summary.data) return <Loader aria-label="正在读取本轮概况" />;
  const s = summary.data;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>
          {s.round.year} 年度{s.round.name} · 本轮概况
        </Title>
        <PrintButton title={`${s.round.year} 年度${s.round.name}概况`} />
      </Group>
      <Paper withBorder p="md" bg="gray.0">
        <Text fw={500} role="status" aria-label="本轮监控情况">
          {s.sentence}
        </Text>
        <Text fz="xs" c="dimmed" mt={4}>
          {s.computedAt ? `预警计算于 ${s.computedAt.slice(0, 10)}（规则 ${s.ruleVersion}）` : '本轮尚未计算预警。'}
        </Text>
      </Paper>
      <SimpleGrid cols={4}>
        <FigureCard label="监控的部门单位" value={s.unitsCovered} unit="个" />
        <FigureCard
          label="监控的项目"
          value={s.projectsCovered}
          detail={`有执行数据 ${s.projectsWithExecution} 个，已填监控表 ${s.projectsWithEntries} 个`}
          unit="个"
        />
        <FigureCard label="应下发整改通知" value={s.noticeDue} color={s.noticeDue ? 'red.8' : undefined} unit="个" />
        <FigureCard
          label="整改通知"
          value={s.notices.total}
          detail={`草稿 ${s.notices.drafts}，已下发 ${s.notices.issued}，已办结 ${s.notices.closed}`}
          unit="个"
        />
      </SimpleGrid>
      <Table withTableBorder fz="sm" tabularNums aria-label="预警分布" maw={820}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>警戒线</Table.Th>
            {WARNING_COLOURS.map((c) => (
              <Table.Th key={c} ta="center">
                <Badge color={COLOUR_COLOR[c]} variant={c === 'none' ? 'outline' : 'filled'}>
                  {COLOUR_LABELS[c]}
                </Badge>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(Object.keys(WARNING_LINES) as WarningLine[]).map((line) => (
            <Table.Tr key={line}>
              <Table.Td>{WARNING_LINES[line]}</Table.Td>
              {WARNING_COLOURS.map((c) => (
                <Table.Td key={c} ta="center">
                  {s.byLine[line][c]}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
