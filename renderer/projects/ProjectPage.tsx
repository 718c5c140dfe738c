import { Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ProjectDossier } from '../../electron/bridge/contract';
import { BUDGET_KINDS, CONTINUITY, LIBRARY_STATUS } from '../../electron/rules/labels';
import { formatWanYuan } from '../../electron/rules/money';
import { useCall } from '../bridge/useCall';
import { FigureCard } from '../common/FigureCard';
import { LoadError } from '../common/LoadError';
import { auditHref } from '../shell/routes';
import { STATUS_COLOR, statusLabel } from '../targets/targetLabels';
import { DossierSection as Section } from './DossierSection';
import { EvaluationSections, MonitoringSection, NoticesSection } from './ProjectPageSections';
import { TargetSection } from './ProjectTargetSection';

/** 项目页: one project's whole record, reached from every list by its name (`#/project/<id>`). */
export function ProjectPage({ projectId }: { projectId: number }) {
  const dossier = useCall('projects.dossier', { id: projectId });
  return (
    <Stack gap="md" maw={1300}>
      <Group>
        <Button variant="subtle" onClick={goBack}>
          ← 返回
        </Button>
      </Group>
      {dossier.error ? (
        <LoadError error={dossier.error} onRetry={dossier.reload} />
      ) : dossier.data ? (
        <Dossier d={dossier.data} />
      ) : (
        <Loader m="xl" aria-label="正在读取项目" />
      )}
    </Stack>
  );
}

/** Back where the clerk came from (a list, a chart); to the project list when the page was opened directly. */
function goBack() {
  if (window.history.length > 1) window.history.back();
  else window.location.hash = '#/projects';
}

function Dossier({ d }: { d: ProjectDossier }) {
  const p = d.project;
  const latest = [...d.monitoring].reverse().find((m) => m.execution !== null) ?? null;
  return (
    <>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{p.name}</Title>
          <Text c="dimmed">
            {p.year} 年度 · {p.unitName}
            {p.departmentName !== p.unitName ? ` · 主管部门 ${p.departmentName}` : ''}
            {p.code ? ` · 项目代码 ${p.code}` : ''}
          </Text>
        </div>
        <Anchor href={auditHref(p.id)}>查看此项目的操作记录（{d.auditEntries} 条）</Anchor>
      </Group>

      <SimpleGrid cols={4}>
        <FigureCard label="年初预算" value={formatWanYuan(p.initialBudgetFen)} unit="万元" detail={BUDGET_KINDS[p.budgetKind]} />
        <FigureCard
          label="调整后预算"
          value={latest?.execution ? formatWanYuan(latest.execution.adjustedBudgetFen) : '—'}
          unit="万元"
          detail={latest ? `${latest.round.name}` : '尚无执行数据'}
        />
        <FigureCard
          label="已执行"
          value={latest?.execution ? formatWanYuan(latest.execution.executedFen) : '—'}
          unit="万元"
          detail={latest?.warning?.execution.text}
        />
        <Paper withBorder p="sm">
          <Text fz="xs" c="dimmed">
            绩效目标
          </Text>
          <Badge size="lg" mt={6} color={STATUS_COLOR[d.target?.status ?? 'none']} style={{ maxWidth: 'none' }}>
            {statusLabel(d.target?.status ?? 'none')}
          </Badge>
          <Text fz="xs" c="dimmed" mt={6}>
            {d.reviewRounds.length ? `会审 ${d.reviewRounds.length} 轮` : '未会审'}
          </Text>
        </Paper>
      </SimpleGrid>

      <Section title="基本信息">
        <Table withTableBorder variant="vertical" aria-label="项目基本信息" layout="fixed">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={140}>项目类型</Table.Th>
              <Table.Td>{p.projectType}</Table.Td>
              <Table.Th w={140}>预算类型</Table.Th>
              <Table.Td>{BUDGET_KINDS[p.budgetKind]}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>新增或延续</Table.Th>
              <Table.Td>{CONTINUITY[p.continuity]}</Table.Td>
              <Table.Th>入库状态</Table.Th>
              <Table.Td>{LIBRARY_STATUS[p.libraryStatus]}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>新增重大政策和项目</Table.Th>
              <Table.Td>{p.majorPolicy ? '是' : '否'}</Table.Td>
              <Table.Th>入库关口</Table.Th>
              <Table.Td>{!d.gate.required ? '不需事前评估' : d.gate.passed ? '事前评估已通过' : d.gate.reason}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Section>

      <TargetSection d={d} />
      <MonitoringSection d={d} />
      <NoticesSection d={d} />
      <EvaluationSections d={d} />
    </>
  );
}
