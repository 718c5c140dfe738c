import { Badge, Button, Group, Loader, Paper, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import type { SelfEvaluationStatus } from '../../electron/bridge/contract';
import { SELF_EVALUATION_STATUS } from '../../electron/rules/selfEvaluationForm';
import { useCall } from '../bridge/useCall';
import { LoadError } from '../common/LoadError';
import { PrintButton } from '../common/PrintButton';
import { gradeColor } from '../keyEvaluations/keyEvaluationLabels';
import { DepartmentSelfEvaluationList } from './DepartmentSelfEvaluationList';
import { NewSelfEvaluationModal } from './NewSelfEvaluationModal';
import { SelfEvaluationExchange } from './SelfEvaluationExchange';
import { SelfEvaluationPage } from './SelfEvaluationPage';
import { SelfEvaluationTable } from './SelfEvaluationTable';
import { ResultActionsScreen } from '../resultApplication/ResultActionsScreen';

/**
 * 自评与评价: the year's figures, its self-evaluations and department evaluations (filtered by 主管部门
 * and status), 新建自评 for a project with an approved target, and one form when opened; 部门整体自评
 * and 评价结果应用 (renderer/resultApplication/: the year's actions from 自评, 部门评价 and 重点评价) in
 * their own tabs.
 */
export function SelfEvaluationsScreen({ year }: { year: number }) {
  const list = useCall('selfEvaluations.list', { year });
  const figures = useCall('selfEvaluations.yearFigures', { year });
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [department, setDepartment] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const { reload: reloadList } = list;
  const { reload: reloadFigures } = figures;
  const reloadAll = useCallback(() => {
    reloadList();
    reloadFigures();
  }, [reloadList, reloadFigures]);

  const departments = useMemo(() => {
    const seen = new Map<number, string>();
    for (const r of list.data ?? []) seen.set(r.departmentId, r.departmentName);
    return [...seen].map(([value, label]) => ({ value: String(value), label }));
  }, [list.data]);
  const rows = (list.data ?? []).filter(
    (r) => (department === null || String(r.departmentId) === department) && (status === null || r.status === status),
  );

  if (openId !== null)
    return (
      <SelfEvaluationPage
        key={openId}
        id={openId}
        onBack={() => {
          setOpenId(null);
          reloadAll();
        }}
        onChanged={reloadAll}
      />
    );

  const error = list.error ?? figures.error;
  const ready = list.data && figures.data;
  return (
    <Stack gap="md">
      <Title order={2}>自评与评价 · {year} 年度</Title>
      <Tabs defaultValue="projects" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="projects">项目自评</Tabs.Tab>
          <Tabs.Tab value="department">部门整体自评</Tabs.Tab>
          <Tabs.Tab value="results">评价结果应用</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="department" pt="md">
          <DepartmentSelfEvaluationList year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="results" pt="md">
          <ResultActionsScreen year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="projects" pt="md">
          <Stack gap="md">
            {error && <LoadError error={error} onRetry={reloadAll} />}
            {!ready ? (
              !error && <Loader aria-label="正在读取自评" />
            ) : (
              <>
                <Paper withBorder p="md" component="section" aria-label="年度自评概况">
                  <Stack gap={8}>
                    <Text fw={500} aria-label="年度自评情况">
                      {figures.data!.sentence}
                    </Text>
                    <Group gap="lg">
                      <Group gap={6} aria-label="按等级统计">
                        {figures.data!.byGrade.map((g) => (
                          <Badge key={g.grade} variant="light" color={gradeColor(g.grade)} data-grade={g.grade}>
                            {g.grade} {g.count} 个
                          </Badge>
                        ))}
                        <Badge variant="light" color="gray">
                          未评等级 {figures.data!.ungraded} 个
                        </Badge>
                      </Group>
                      <Text fz="sm" c="dimmed" aria-label="按状态统计">
                        {figures.data!.byStatus.map((s) => `${s.label} ${s.count}`).join('　')}
                      </Text>
                    </Group>
                  </Stack>
                </Paper>
                <Group justify="space-between" align="flex-end">
                  <Group gap="sm">
                    <Select
                      label="主管部门"
                      placeholder="全部主管部门"
                      clearable
                      searchable
                      data={departments}
                      value={department}
                      onChange={setDepartment}
                      w={260}
                    />
                    <Select
                      label="状态"
                      placeholder="全部状态"
                      clearable
                      data={(Object.keys(SELF_EVALUATION_STATUS) as SelfEvaluationStatus[]).map((s) => ({
                        value: s,
                        label: SELF_EVALUATION_STATUS[s],
                      }))}
                      value={status}
                      onChange={setStatus}
                      w={160}
                    />
                  </Group>
                  <Group gap="xs" align="flex-end" data-print="hide">
                    <SelfEvaluationExchange year={year} onImported={reloadAll} />
                    <Button onClick={() => setCreating(true)}>新建自评</Button>
                    <PrintButton title={`项目支出绩效自评 · ${year} 年度`} />
                  </Group>
                </Group>
                <SelfEvaluationTable rows={rows} onOpen={(r) => setOpenId(r.id)} />
                {creating && (
                  <NewSelfEvaluationModal
                    year={year}
                    onClose={() => setCreating(false)}
                    onCreated={(view) => {
                      setCreating(false);
                      reloadAll();
                      setOpenId(view.id);
                    }}
                  />
                )}
              </>
            )}
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
