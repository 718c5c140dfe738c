import { Alert, Badge, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { formatWanYuan } from '../../electron/rules/money';
import type { AssessmentView, ProjectRow } from '../../electron/bridge/contract';
import { BackWithGuard } from '../common/BackWithGuard';
import { useCall } from '../bridge/useCall';
import { LoadError } from '../common/LoadError';
import { AssessmentForm } from './AssessmentForm';
import { ExportButtons } from './ExportButtons';
import { formatTime } from '../common/formatTime';
import { ASSESSMENT_STATUS, assessorText, VERDICT_COLOR } from './exAnteLabels';
import { GatePanel } from './GatePanel';
import { RecheckPanel } from './RecheckPanel';

interface AssessmentPageProps {
  assessmentId: number;
  /** The year's projects, for the assessed project's library status. */
  projects: ProjectRow[];
  onBack: () => void;
  /** Something was written: the list, the overview and the projects behind this page are stale. */
  onChanged: () => void;
}

/** One assessment: what is assessed, its 项目库关口, the 评分表 and 评估报告, the re-check after revision. */
export function AssessmentPage({ assessmentId, projects, onBack, onChanged }: AssessmentPageProps) {
  const detail = useCall('exAnte.get', { id: assessmentId });
  // The answer of this page's own last write: newer than the read it replaced.
  const [latest, setLatest] = useState<AssessmentView | null>(null);
  const [dirty, setDirty] = useState(false);

  const written = useCallback(
    (v: AssessmentView) => {
      setLatest(v);
      onChanged();
    },
    [onChanged],
  );

  const back = <BackWithGuard label="← 返回评估列表" dirty={dirty} what="评分表" onBack={onBack} />;

  const view = latest ?? detail.data;
  if (!view) {
    return (
      <Stack gap="sm">
        {back}
        {detail.error ? <LoadError error={detail.error} onRetry={detail.reload} /> : <Loader aria-label="正在读取事前评估" />}
      </Stack>
    );
  }

  const project = view.projectId === null ? null : (projects.find((p) => p.id === view.projectId) ?? null);
  const needsRecheck = view.status === 'final' && view.verdict === 'supportAfterRevision';
  return (
    <Stack gap="md">
      {back}
      <AssessmentHeader view={view} project={project} dirty={dirty} />
      {view.status === 'final' && (
        <Alert color="blue" variant="light">
          该评估已于 {formatTime(view.finalizedAt)} 定稿（评分规则 {view.ruleVersion ?? '—'}
          ），评分和报告只能查看。如需重新评估，请在列表中新建一次评估。
        </Alert>
      )}
      {(project || needsRecheck) && (
        <SimpleGrid cols={{ base: 1, lg: project && needsRecheck ? 2 : 1 }}>
          {needsRecheck && <RecheckPanel view={view} onRechecked={written} />}
          {/* A new panel after each write: the gate may have moved with 定稿 or 复核. */}
          {project && <GatePanel key={`${view.status}|${view.recheckedAt}`} project={project} onAdmitted={onChanged} />}
        </SimpleGrid>
      )}
      <AssessmentForm key={`${view.id}|${view.status}`} view={view} onWritten={written} onDirtyChange={setDirty} />
    </Stack>
  );
}

function AssessmentHeader({ view, project, dirty }: { view: AssessmentView; project: ProjectRow | null; dirty: boolean }) {
  const facts = [
    view.projectId === null ? '评估对象：政策' : `预算单位：${view.unitName ?? '—'}`,
    project?.code && `项目代码：${project.code}`,
    view.projectBudgetFen !== null && `年初预算：${formatWanYuan(view.projectBudgetFen)} 万元`,
    `评估方：${assessorText(view)}`,
    view.recommendedBudgetFen !== null && `建议预算：${formatWanYuan(view.recommendedBudgetFen)} 万元`,
  ].filter(Boolean);
  return (
    <Paper withBorder p="md" component="header" aria-label="评估概况">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6}>
          <Group gap="sm">
            <Title order={3}>事前评估：{view.subjectName}</Title>
            {project?.majorPolicy && (
              <Badge variant="light" color="orange" title="新增重大政策和项目">
                重大
              </Badge>
            )}
            <Badge size="lg" variant="light" color={view.status === 'final' ? 'blue' : 'gray'} aria-label="评估状态">
              {ASSESSMENT_STATUS[view.status]}
            </Badge>
            {view.conclusion && view.verdict && (
              <Badge size="lg" variant="filled" color={VERDICT_COLOR[view.verdict]} aria-label="定稿结论">
                {view.conclusion}
              </Badge>
            )}
          </Group>
          <Group gap="lg" style={{ rowGap: 2 }}>
            {facts.map((f) => (
              <Text key={String(f)} span fz="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {f}
              </Text>
            ))}
          </Group>
        </Stack>
        <ExportButtons assessmentId={view.id} subjectName={view.subjectName} dirty={dirty} />
      </Group>
    </Paper>
  );
}
