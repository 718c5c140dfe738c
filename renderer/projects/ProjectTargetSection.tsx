import { Badge, Group, Table, Text } from '@mantine/core';
import type { ProjectDossier } from '../../electron/bridge/contract';
import { REVIEW_OUTCOME } from '../../electron/rules/jointReview';
import { formatScore } from '../../electron/rules/numberFormat';
import { EmptyRow } from '../common/EmptyRow';
import { formatTime } from '../common/formatTime';
import { ASSESSMENT_STATUS, VERDICT_COLOR } from '../exAnte/exAnteLabels';
import { GRADE_COLOR, STATUS_COLOR, statusLabel } from '../targets/targetLabels';
import { DossierSection as Section } from './DossierSection';

/** The project's 绩效目标 (status, indicators), its 三方联合会审 rounds, adjustments and 事前绩效评估. */
export function TargetSection({ d }: { d: ProjectDossier }) {
  const t = d.target;
  return (
    <>
      <Section
        title="绩效目标"
        extra={
          <Badge color={STATUS_COLOR[t?.status ?? 'none']} style={{ maxWidth: 'none' }}>
            {statusLabel(t?.status ?? 'none')}
          </Badge>
        }
      >
        {t ? (
          <>
            <Text fz="sm">
              <b>年度目标：</b>
              {t.annualGoal || '（未填写）'}
            </Text>
            <Table withTableBorder striped fz="sm" aria-label="绩效指标">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>一级指标</Table.Th>
                  <Table.Th>二级指标</Table.Th>
                  <Table.Th>三级指标</Table.Th>
                  <Table.Th>指标值</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {t.indicators.length === 0 ? (
                  <EmptyRow colSpan={4}>还没有指标。</EmptyRow>
                ) : (
                  t.indicators.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td>{i.level1}</Table.Td>
                      <Table.Td>{i.level2}</Table.Td>
                      <Table.Td>{i.name}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {i.nature} {i.value}
                        {i.unit ?? ''}
                      </Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </>
        ) : (
          <Text c="red">该项目还没有绩效目标（先定项目，再定预算）。请在“项目与目标 → 绩效目标”中填报。</Text>
        )}
      </Section>

      <Section title="三方联合会审与调整">
        <Table withTableBorder striped fz="sm" aria-label="会审轮次">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>轮次</Table.Th>
              <Table.Th w={170}>提交会审</Table.Th>
              <Table.Th>各方意见</Table.Th>
              <Table.Th>结论</Table.Th>
              <Table.Th w={170}>作出结论</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.reviewRounds.length === 0 ? (
              <EmptyRow colSpan={5}>尚未提交会审。</EmptyRow>
            ) : (
              d.reviewRounds.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>第 {r.roundNo} 轮</Table.Td>
                  <Table.Td>{formatTime(r.startedAt)}</Table.Td>
                  <Table.Td>{r.opinions.length} 方</Table.Td>
                  <Table.Td>
                    {r.result ? (
                      <Group gap={6} wrap="nowrap">
                        <Badge color={GRADE_COLOR[r.result]}>{r.result}</Badge>
                        <Text fz="sm">{REVIEW_OUTCOME[r.result].meaning}</Text>
                      </Group>
                    ) : (
                      '会审中'
                    )}
                  </Table.Td>
                  <Table.Td>{formatTime(r.decidedAt)}</Table.Td>
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
        {t && t.adjustments.length > 0 && (
          <Table withTableBorder striped fz="sm" aria-label="目标调整">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={170}>调整时间</Table.Th>
                <Table.Th w={200}>经办人</Table.Th>
                <Table.Th>调整原因</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {t.adjustments.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{formatTime(a.at)}</Table.Td>
                  <Table.Td>{a.actor}</Table.Td>
                  <Table.Td>{a.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>

      <Section title="事前绩效评估">
        <Table withTableBorder striped fz="sm" aria-label="事前评估">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>状态</Table.Th>
              <Table.Th>得分</Table.Th>
              <Table.Th>结论</Table.Th>
              <Table.Th>定稿时间</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.assessments.length === 0 ? (
              <EmptyRow colSpan={4}>
                {d.gate.required ? '新增重大政策和项目，尚未开展事前评估。' : '未开展事前评估（非新增重大政策和项目）。'}
              </EmptyRow>
            ) : (
              d.assessments.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{ASSESSMENT_STATUS[a.status]}</Table.Td>
                  <Table.Td>{formatScore(a.score.total)}</Table.Td>
                  <Table.Td>
                    {a.conclusion && a.verdict ? (
                      <Badge variant="light" color={VERDICT_COLOR[a.verdict]} style={{ maxWidth: 'none' }}>
                        {a.conclusion}
                      </Badge>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>{formatTime(a.finalizedAt)}</Table.Td>
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </Section>
    </>
  );
}
