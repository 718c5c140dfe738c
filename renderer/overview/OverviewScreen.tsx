import { Grid, Group, Loader, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import type { RecordRef } from '../../electron/bridge/contract';
import { useCall } from '../bridge/useCall';
import { LoadError } from '../common/LoadError';
import { PrintButton } from '../common/PrintButton';
import { RecordsDrawer } from '../common/RecordsDrawer';
import { ChartCard } from './ChartCard';
import { TodoList } from './TodoList';

/** Charts that need the full width: a bar per 主管部门. */
const WIDE = new Set(['execution']);

/**
 * 概览, the landing page of a year: first what needs action (the to-dos), then the year in charts. Every
 * count, bar and table row opens the records behind it, each linking to its project's page.
 */
export function OverviewScreen({ year }: { year: number }) {
  const todos = useCall('overview.todos', { year });
  const charts = useCall('overview.charts', { year });
  const [shown, setShown] = useState<{ title: string; records: RecordRef[] } | null>(null);
  const open = (title: string, records: RecordRef[]) => setShown({ title, records });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>概览 · {year} 年度</Title>
        <PrintButton title={`概览 · ${year} 年度`} />
      </Group>
      <Stack gap="xs" component="section" aria-label="待办">
        <Title order={3}>待办</Title>
        {todos.error && <LoadError error={todos.error} onRetry={todos.reload} />}
        {todos.data ? <TodoList todos={todos.data} onOpen={open} /> : !todos.error && <Loader aria-label="正在读取待办" />}
      </Stack>
      <Stack gap="xs" component="section" aria-label="图表">
        <Title order={3}>年度情况</Title>
        {charts.error && <LoadError error={charts.error} onRetry={charts.reload} />}
        {charts.data ? (
          <Grid gap="md">
            {charts.data.map((c) => (
              <Grid.Col key={c.id} span={WIDE.has(c.id) ? 12 : 6}>
                <ChartCard chart={c} year={year} onOpen={open} />
              </Grid.Col>
            ))}
          </Grid>
        ) : (
          !charts.error && <Loader aria-label="正在读取图表" />
        )}
      </Stack>
      <RecordsDrawer title={shown?.title ?? null} records={shown?.records ?? []} onClose={() => setShown(null)} />
    </Stack>
  );
}
