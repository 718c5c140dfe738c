import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { LIBRARY_STATUS } from '../../electron/rules/labels';
import { formatWanYuan } from '../../electron/rules/money';
import type { AssessmentView, ProjectRow } from '../../electron/bridge/contract';
import { EmptyRow } from '../common/EmptyRow';
import { ASSESSMENT_STATUS, ASSESSORS, LIBRARY_STATUS_COLOR, VERDICT_COLOR } from './exAnteLabels';
import { formatScore } from '../../electron/rules/numberFormat';
import { ProjectLink } from '../common/ProjectLink';

interface AssessmentTableProps {
  assessments: AssessmentView[];
  /** The year's projects, for 重大 and the library status. */
  projects: ProjectRow[];
  onOpen: (assessment: AssessmentView) => void;
}

/** The year's assessments: what was assessed, by whom, the score, the conclusion and where the project stands. */
export function AssessmentTable({ assessments, projects, onOpen }: AssessmentTableProps) {
  const byId = new Map(projects.map((p) => [p.id, p]));
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped highlightOnHover tabularNums aria-label="事前评估列表">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>评估对象</Table.Th>
            <Table.Th>预算单位</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>评估方</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              总分
            </Table.Th>
            <Table.Th>结论</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>状态</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              建议预算（万元）
            </Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>入库状态</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {assessments.map((a) => {
            const project = a.projectId === null ? undefined : byId.get(a.projectId);
            return (
              <Table.Tr key={a.id} data-id={a.id}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <ProjectLink projectId={a.projectId}>{a.subjectName}</ProjectLink>
                    {project?.majorPolicy && (
                      <Badge size="xs" variant="light" color="orange" title="新增重大政策和项目" style={{ flex: 'none' }}>
                        重大
                      </Badge>
                    )}
                    {a.projectId === null && (
                      <Badge size="xs" variant="outline" color="gray" style={{ flex: 'none' }}>
                        政策
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{a.unitName ?? '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }} title={a.assessorName ?? undefined}>
                  {ASSESSORS[a.assessor]}
                </Table.Td>
                <Table.Td ta="right">
                  {a.status === 'final' || a.score.items.some((i) => i.points !== null) ? formatScore(a.score.total) : '—'}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {a.conclusion && a.verdict ? (
                    <Badge variant="light" color={VERDICT_COLOR[a.verdict]}>
                      {a.conclusion}
                    </Badge>
                  ) : (
                    <Text fz="sm" c="dimmed">
                      未定稿
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge variant="outline" color={a.status === 'final' ? 'blue' : 'gray'}>
                    {ASSESSMENT_STATUS[a.status]}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {a.recommendedBudgetFen === null ? '—' : formatWanYuan(a.recommendedBudgetFen)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {project ? (
                    <Badge variant="light" color={LIBRARY_STATUS_COLOR[project.libraryStatus]}>
                      {LIBRARY_STATUS[project.libraryStatus]}
                    </Badge>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" onClick={() => onOpen(a)}>
                    {a.status === 'draft' ? '继续评估' : '查看'}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
          {assessments.length === 0 && (
            <EmptyRow colSpan={9}>本年度还没有事前评估。点击“新建评估”，或在上方为重大政策和项目“开始评估”。</EmptyRow>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
