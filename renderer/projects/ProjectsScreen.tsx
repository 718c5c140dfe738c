import { Loader, Stack, Tabs, Title } from '@mantine/core';
import { useCall } from '../bridge/useCall';
import { LoadError } from '../common/LoadError';
import { SyncBoard } from '../targets/SyncBoard';
import { TargetsTab } from '../targets/TargetsTab';
import { ProjectsTab } from './ProjectsTab';
import { UnitsTab } from './UnitsTab';

/** 项目与目标: the year's projects, the budget units they belong to, their 绩效目标 and 五个同步. */
export function ProjectsScreen({ year }: { year: number }) {
  const projects = useCall('projects.list', { year });
  const units = useCall('units.list', { year });
  const projectTypes = useCall('projectTypes.list', {});

  // A project write changes a unit's totals, a unit rename shows in the project list, and an import may add 项目类型: reload all.
  function reloadBoth() {
    projects.reload();
    units.reload();
    projectTypes.reload();
  }

  const error = projects.error ?? units.error ?? projectTypes.error;
  return (
    <Stack gap="md">
      <Title order={2}>项目与目标 · {year} 年度</Title>
      {error && <LoadError error={error} onRetry={reloadBoth} />}
      {!projects.data || !units.data || !projectTypes.data ? (
        !error && <Loader aria-label="正在读取项目" />
      ) : (
        <Tabs defaultValue="projects">
          <Tabs.List>
            <Tabs.Tab value="projects">项目</Tabs.Tab>
            <Tabs.Tab value="units">预算单位</Tabs.Tab>
            <Tabs.Tab value="targets">绩效目标</Tabs.Tab>
            <Tabs.Tab value="sync">五个同步</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="projects" pt="md">
            <ProjectsTab year={year} projects={projects.data} units={units.data} projectTypes={projectTypes.data} onChanged={reloadBoth} />
          </Tabs.Panel>
          <Tabs.Panel value="units" pt="md">
            <UnitsTab year={year} units={units.data} onChanged={reloadBoth} />
          </Tabs.Panel>
          <Tabs.Panel value="targets" pt="md">
            <TargetsTab year={year} />
          </Tabs.Panel>
          <Tabs.Panel value="sync" pt="md">
            <SyncBoard year={year} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
