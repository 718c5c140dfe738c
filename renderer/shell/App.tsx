import { AppShell, Group, Loader, NavLink, Title } from '@mantine/core';
import { ExAnteScreen } from '../exAnte/ExAnteScreen';
import { OverviewScreen } from '../overview/OverviewScreen';
import { IndicatorsScreen } from '../indicators/IndicatorsScreen';
import { KeyEvaluationsScreen } from '../keyEvaluations/KeyEvaluationsScreen';
import { SelfEvaluationsScreen } from '../selfEvaluations/SelfEvaluationsScreen';
import { MonitoringScreen } from '../monitoring/MonitoringScreen';
import { ProjectsScreen } from '../projects/ProjectsScreen';
import { RectificationScreen } from '../rectification/RectificationScreen';
import { ReportsScreen } from '../reports/ReportsScreen';
import { TableReviewScreen } from '../review/TableReviewScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { UsbExchangeScreen } from '../exchange/UsbExchangeScreen';
import { LoadError } from '../common/LoadError';
import { AREAS, type AreaId } from './areas';
import { NoYearsYet } from './NoYearsYet';
import { PageContent } from './PageContent';
import { useHashRoute } from './useHashRoute';
import { YearProvider, useYear } from './YearContext';
import { YearSwitcher } from './YearSwitcher';

export function App() {
  return (
    <YearProvider>
      <Layout />
    </YearProvider>
  );
}

function Layout() {
  const [area, navigate, page] = useHashRoute();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 180, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={3} fw={700}>
            绩效台账
          </Title>
          <YearSwitcher />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="功能区">
        {AREAS.map((a) => (
          <NavLink
            key={a.id}
            component="button"
            label={a.label}
            active={a.id === area}
            aria-current={a.id === area ? 'page' : undefined}
            onClick={() => navigate(a.id)}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{page ? <PageContent page={page} /> : <AreaContent area={area} />}</AppShell.Main>
    </AppShell>
  );
}

function AreaContent({ area }: { area: AreaId }) {
  const { years, year, error, reloadYears } = useYear();
  if (area === 'settings') return <SettingsScreen />;
  if (error) return <LoadError error={error} onRetry={reloadYears} />;
  if (!years) return <Loader m="xl" aria-label="正在读取台账" />;
  if (year === null) return <NoYearsYet />;
  if (area === 'overview') return <OverviewScreen key={year} year={year} />;
  if (area === 'projects') return <ProjectsScreen year={year} />;
  if (area === 'exAnte') return <ExAnteScreen key={year} year={year} />;
  if (area === 'monitoring') return <MonitoringScreen key={year} year={year} />;
  if (area === 'selfEvaluation') return <SelfEvaluationsScreen key={year} year={year} />;
  if (area === 'keyEvaluation') return <KeyEvaluationsScreen key={year} year={year} />;
  if (area === 'rectification') return <RectificationScreen key={year} year={year} />;
  if (area === 'tableReview') return <TableReviewScreen key={year} year={year} />;
  if (area === 'reports') return <ReportsScreen key={year} year={year} />;
  if (area === 'usbExchange') return <UsbExchangeScreen key={year} year={year} />;
  const summary = years.find((y) => y.year === year);
  return summary ? <IndicatorsScreen year={summary} onYearChanged={reloadYears} /> : <Loader m="xl" aria-label="正在读取台账" />;
}
