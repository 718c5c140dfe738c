import { Badge, Button, Group, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { formatWanYuan } from '../../electron/rules/money';
import { useCall } from '../bridge/useCall';
import { LoadError } from '../common/LoadError';
import { EvaluationPage } from './EvaluationPage';
import { EvaluationTable } from './EvaluationTable';
import { gradeColor } from './keyEvaluationLabels';
import { PublicationTable } from './PublicationTable';
import { SelectEvaluationModal } from './SelectEvaluationModal';
import { TemplatesPanel } from './TemplatesPanel';
import { YearActionsTable } from './YearActionsTable';

/**
 * 重点评价: the year's figures, the list of key evaluations with their score and grade, 选定评价项目,
 * one evaluation's framework, experts' scoring, report texts and results when opened, 结果公开, and the
 * 指标体系模板 the bureau maintains.
 */
export function KeyEvaluationsScreen({ year }: { year: number }) {
  const list = useCall('keyEvaluations.list', { year });
  const figures = useCall('keyEvaluations.yearFigures', { year });
  const publication = useCall('keyEvaluations.publication', { year });
  const actions = useCall('keyEvaluations.listActions', { year });
  const projects = useCall('projects.list', { year });
  const units = useCall('units.list', { year });
  const [openId, setOpenId] = useState<number | null>(null);
  const [selecting, setSelecting] = useState(false);

  const { reload: reloadList } = list;
  const { reload: reloadFigures } = figures;
  const { reload: reloadPublication } = publication;
  const { reload: reloadActions } = actions;
  const reloadAll = useCallback(() => {
    reloadList();
    reloadFigures();
    reloadPublication();
    reloadActions();
  }, [reloadList, reloadFigures, reloadPublication, reloadActions]);

  if (openId !== null) {
    // Back to the list reloads it too: result actions are recorded on the page without reporting each one.
    const back = () => {
      setOpenId(null);
      reloadAll();
    };
    return <EvaluationPage key={openId} evaluationId={openId} year={year} onBack={back} onChanged={reloadAll} />;
  }

  const error = list.error ?? figures.error ?? publication.error ?? actions.error ?? projects.error ?? units.error;
  const ready = list.data && figures.data && publication.data && actions.data && projects.data && units.data;
  return (
    <Stack gap="md">
      <Title order={2}>重点评价 · {year} 年度</Title>
      {error && <LoadError error={error} onRetry={reloadAll} />}
      {!ready ? (
        !error && <Loader aria-label="正在读取重点评价" />
      ) : (
        <>
          <Paper withBorder p="md" component="section" aria-label="年度重点评价概况">
            <Stack gap={8}>
              <Text fw={500} aria-label="年度评价情况">
                {figures.data!.sentence}
              </Text>
              <Group gap="lg">
                <Text fz="sm" c="dimmed" aria-label="已定稿">
                  已定稿 {figures.data!.count} 项，涉及资金 {formatWanYuan(figures.data!.coveredFen)} 万元
                </Text>
                <Text fz="sm" c="dimmed" aria-label="未定稿">
                  未定稿 {figures.data!.unfinished} 项
                </Text>
                <Group gap={6} aria-label="按等级统计">
                  {figures.data!.byGrade.map((g) => (
                    <Badge key={g.grade} variant="light" color={gradeColor(g.grade)} data-grade={g.grade}>
                      {g.grade} {g.count} 个
                    </Badge>
                  ))}
                </Group>
              </Group>
            </Stack>
          </Paper>
          <Tabs defaultValue="list" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="list">评价项目（{list.data!.length}）</Tabs.Tab>
              <Tabs.Tab value="publication">结果公开（{publication.data!.length}）</Tabs.Tab>
              <Tabs.Tab value="actions">结果应用（{actions.data!.filter((a) => a.status !== 'cancelled').length}）</Tabs.Tab>
              <Tabs.Tab value="templates">指标体系模板</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="list" pt="md">
              <Stack gap="sm">
                <Group justify="space-between">
                  <Text fz="sm" c="dimmed">
                    重点评价选择影响力大、社会关注度高或资金量大的项目，以及部门（单位）整体支出。
                  </Text>
                  <Button onClick={() => setSelecting(true)}>选定评价项目</Button>
                </Group>
                <EvaluationTable evaluations={list.data!} onOpen={(e) => setOpenId(e.id)} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="publication" pt="md">
              <PublicationTable rows={publication.data!} year={year} />
            </Tabs.Panel>
            <Tabs.Panel value="actions" pt="md">
              <YearActionsTable actions={actions.data!} evaluations={list.data!} year={year} />
            </Tabs.Panel>
            <Tabs.Panel value="templates" pt="md">
              <TemplatesPanel />
            </Tabs.Panel>
          </Tabs>
          {selecting && (
            <SelectEvaluationModal
              year={year}
              projects={projects.data!}
              units={units.data!}
              taken={list.data!}
              onClose={() => setSelecting(false)}
              onSelected={(view) => {
                setSelecting(false);
                reloadAll();
                setOpenId(view.id);
              }}
            />
          )}
        </>
      )}
    </Stack>
  );
}
