import { Badge, Button, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { formatWanYuan } from '../../electron/rules/money';
import type { AssessmentView, ExAnteOverview } from '../../electron/bridge/contract';
import { verdictOfConclusion } from '../../electron/rules/exAnteScore';
import { VERDICT_COLOR } from './exAnteLabels';

interface OverviewPanelProps {
  overview: ExAnteOverview;
  assessments: AssessmentView[];
  /** 开始评估 (or 继续评估 when a draft exists) for a major project still without support. */
  onStart: (projectId: number) => void;
  onOpen: (assessmentId: number) => void;
}

/** The year at a glance: how many assessed, with which conclusions and money, and what is still owed. */
export function OverviewPanel({ overview: o, assessments, onStart, onOpen }: OverviewPanelProps) {
  const draftOf = (projectId: number) => assessments.find((a) => a.projectId === projectId && a.status === 'draft');
  return (
    <Paper withBorder p="md" component="section" aria-label="事前评估概况">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="sm">
            <Group gap="xl" align="flex-end">
              <Figure label="已评估（定稿）" value={`${o.assessed} 个`} name="已评估" />
              <Figure label="草稿" value={`${o.drafts} 个`} name="草稿" />
              <Figure label="涉及年初预算" value={`${formatWanYuan(o.budgetFen)} 万元`} name="涉及年初预算" />
              <Figure label="建议预算合计" value={`${formatWanYuan(o.recommendedFen)} 万元`} name="建议预算合计" />
            </Group>
            <Table withTableBorder tabularNums fz="sm" verticalSpacing={6} aria-label="按结论统计">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>评估结论</Table.Th>
                  <Table.Th ta="right">个数</Table.Th>
                  <Table.Th ta="right">年初预算（万元）</Table.Th>
                  <Table.Th ta="right">建议预算（万元）</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {o.byConclusion.map((c) => {
                  const verdict = verdictOfConclusion(c.conclusion, o.byConclusion);
                  return (
                    <Table.Tr key={c.conclusion}>
                      <Table.Td>
                        <Badge variant="light" color={verdict ? VERDICT_COLOR[verdict] : 'gray'}>
                          {c.conclusion}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right">{c.count}</Table.Td>
                      <Table.Td ta="right">{formatWanYuan(c.budgetFen)}</Table.Td>
                      <Table.Td ta="right">{formatWanYuan(c.recommendedFen)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="xs" aria-label="尚无支持性评估的重大项目">
            <Title order={5}>重大政策和项目尚无支持性评估（{o.majorWithoutSupport.length} 个）</Title>
            {o.majorWithoutSupport.length === 0 ? (
              <Text fz="sm" c="green.8">
                本年度的新增重大政策和项目都已有支持性的事前评估。
              </Text>
            ) : (
              o.majorWithoutSupport.map((m) => {
                const draft = draftOf(m.projectId);
                return (
                  <Paper key={m.projectId} withBorder p="xs" bg="orange.0" data-project={m.name}>
                    <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
                      <Stack gap={2} style={{ minWidth: 0 }}>
                        <Text fz="sm" fw={600}>
                          {m.name}
                        </Text>
                        <Text fz="xs" c="orange.9">
                          {m.reason}
                        </Text>
                      </Stack>
                      {draft ? (
                        <Button
                          size="compact-sm"
                          variant="light"
                          style={{ flex: 'none' }}
                          onClick={() => onOpen(draft.id)}
                          aria-label={`继续评估 ${m.name}`}
                        >
                          继续评估
                        </Button>
                      ) : (
                        <Button
                          size="compact-sm"
                          style={{ flex: 'none' }}
                          onClick={() => onStart(m.projectId)}
                          aria-label={`开始评估 ${m.name}`}
                        >
                          开始评估
                        </Button>
                      )}
                    </Group>
                  </Paper>
                );
              })
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Paper>
  );
}

function Figure({ label, value, name }: { label: string; value: string; name: string }) {
  return (
    <Stack gap={0}>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Text fz="lg" fw={700} aria-label={name} style={{ whiteSpace: 'nowrap' }}>
        {value}
      </Text>
    </Stack>
  );
}
