import { Alert, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { IndicatorLayout, TargetDetail } from '../../electron/bridge/contract';
import { diffSnapshots, diffSummary } from './snapshotDiff';
import { SnapshotView } from './SnapshotView';
import { formatTime } from '../common/formatTime';

interface AdjustmentHistoryProps {
  adjustments: TargetDetail['adjustments'];
  layout: IndicatorLayout;
  classNames: ReadonlyMap<number, string>;
}

/** 目标调整记录: each adjustment of approved targets with its reason, before and after side by side. */
export function AdjustmentHistory({ adjustments, layout, classNames }: AdjustmentHistoryProps) {
  if (adjustments.length === 0) return <Alert color="gray">没有调整记录。</Alert>;
  return (
    <Stack gap="md">
      {[...adjustments].reverse().map((a, i) => (
        <Paper key={a.id} withBorder p="md" component="section" aria-label={`第 ${adjustments.length - i} 次调整`}>
          <Stack gap="sm">
            <Title order={5}>
              第 {adjustments.length - i} 次调整 · {formatTime(a.at)} · {a.actor}
            </Title>
            <Text fz="sm">调整原因：{a.reason}</Text>
            <Text fz="sm" fw={500} c="yellow.9">
              调整内容：{diffSummary(diffSnapshots(a.before, a.after))}
            </Text>
            <SimpleGrid cols={2}>
              <Stack gap="xs">
                <Text fw={600}>调整前</Text>
                <SnapshotView snapshot={a.before} previous={null} layout={layout} classNames={classNames} />
              </Stack>
              <Stack gap="xs">
                <Text fw={600}>调整后</Text>
                <SnapshotView snapshot={a.after} previous={a.before} layout={layout} classNames={classNames} />
              </Stack>
            </SimpleGrid>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
