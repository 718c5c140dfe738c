import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useCall } from '../bridge/useCall';
import { LoadError } from '../common/LoadError';
import { AssessmentPage } from './AssessmentPage';
import { AssessmentTable } from './AssessmentTable';
import { NewAssessmentModal } from './NewAssessmentModal';
import { OverviewPanel } from './OverviewPanel';

/**
 * 事前评估: the year's overview (conclusions, money, major projects still owed an assessment), the list
 * of assessments, and one assessment's 评分表, 评估报告 and 项目库关口 when opened.
 */
export function ExAnteScreen({ year }: { year: number }) {
  const overview = useCall('exAnte.overview', { year });
  const list = useCall('exAnte.list', { year });
  const projects = useCall('projects.list', { year });
  const [openId, setOpenId] = useState<number | null>(null);
  // null: closed; a number: 开始评估 for that project; 'any': 新建评估.
  const [creating, setCreating] = useState<number | 'any' | null>(null);

  const { reload: reloadOverview } = overview;
  const { reload: reloadList } = list;
  const { reload: reloadProjects } = projects;
  const reloadAll = useCallback(() => {
    reloadOverview();
    reloadList();
    reloadProjects();
  }, [reloadOverview, reloadList, reloadProjects]);

  const error = overview.error ?? list.error ?? projects.error;
  if (openId !== null && projects.data) {
    return (
      <AssessmentPage key={openId} assessmentId={openId} projects={projects.data} onBack={() => setOpenId(null)} onChanged={reloadAll} />
    );
  }

  return (
    <Stack gap="md">
      <Title order={2}>事前评估 · {year} 年度</Title>
      {error && <LoadError error={error} onRetry={reloadAll} />}
      {!overview.data || !list.data || !projects.data ? (
        !error && <Loader aria-label="正在读取事前评估" />
      ) : (
        <>
          <OverviewPanel overview={overview.data} assessments={list.data} onStart={setCreating} onOpen={setOpenId} />
          <Group justify="space-between" align="center">
            <Text role="status" aria-label="评估合计" fw={500}>
              共 {list.data.length} 次评估，其中定稿 {list.data.filter((a) => a.status === 'final').length} 次
            </Text>
            <Button onClick={() => setCreating('any')}>新建评估</Button>
          </Group>
          <AssessmentTable assessments={list.data} projects={projects.data} onOpen={(a) => setOpenId(a.id)} />
          {creating !== null && (
            <NewAssessmentModal
              year={year}
              projects={projects.data}
              projectId={creating === 'any' ? null : creating}
              onClose={() => setCreating(null)}
              onCreated={(created) => {
                setCreating(null);
                reloadAll();
                setOpenId(created.id);
              }}
            />
          )}
        </>
      )}
    </Stack>
  );
}
