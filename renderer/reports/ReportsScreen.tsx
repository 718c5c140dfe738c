import { Loader, Stack, Tabs, Title } from '@mantine/core';
import { useCall } from '../bridge/useCall';
import { LoadError } from '../common/LoadError';
import { AnnualSummaryPanel } from './AnnualSummaryPanel';
import { YearSummaryPanel } from './YearSummaryPanel';

/**
 * 报表: the selected year's 年度绩效工作情况 (the annual summary drafted from the records) and its
 * 年度概况 — the same figures as the command line's `report summary`.
 */
export function ReportsScreen({ year }: { year: number }) {
  const summary = useCall('reports.yearSummary', { year });
  return (
    <Stack gap="md">
      <Title order={2}>报表 · {year} 年度</Title>
      <Tabs defaultValue="annual" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="annual">年度绩效工作情况</Tabs.Tab>
          <Tabs.Tab value="overview">年度概况</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="annual" pt="md">
          <AnnualSummaryPanel key={year} year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="overview" pt="md">
          {summary.error && <LoadError error={summary.error} onRetry={summary.reload} />}
          {summary.data ? <YearSummaryPanel summary={summary.data} /> : !summary.error && <Loader aria-label="正在读取年度概况" />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
