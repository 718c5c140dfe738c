import { Badge, Table, Text } from '@mantine/core';
import type { ProjectDossier, WarningLineView } from '../../electron/bridge/contract';
import { formatWanYuan } from '../../electron/rules/money';
import { formatScore } from '../../electron/rules/numberFormat';
import { EmptyRow } from '../common/EmptyRow';
import { formatTime } from '../common/formatTime';
import { COLOUR_COLOR } from '../monitoring/monitoringView';
import { overdueLabel, STATUS_COLOR as NOTICE_COLOR } from '../rectification/noticeView';
import { DossierSection as Section } from './DossierSection';

/** 绩效监控: each round of the year, the project's execution figures and its three warning lines. */
export function MonitoringSection({ d }: { d: ProjectDossier }) {
  return (
    <Section title="绩效监控">
      <Table withTableBorder striped fz="sm" aria-label="各轮监控">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>监控轮次</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              调整后预算（万元）
            </Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              已执行（万元）
            </Table.Th>
            <Table.Th>执行率与序时进度</Table.Th>
            <Table.Th>目标完成</Table.Th>
            <Table.Th>偏离</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.monitoring.length === 0 ? (
            <EmptyRow colSpan={6}>本年度还没有监控轮次。</EmptyRow>
          ) : (
            d.monitoring.map(({ round, execution, warning }) => (
              <Table.Tr key={round.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{round.name}</Table.Td>
                <Table.Td ta="right">{execution ? formatWanYuan(execution.adjustedBudgetFen) : '—'}</Table.Td>
                <Table.Td ta="right">{execution ? formatWanYuan(execution.executedFen) : '—'}</Table.Td>
                {warning ? (
                  <>
                    <LineCell view={warning.execution} />
                    <LineCell view={warning.completion} />
                    <LineCell view={warning.deviationLine} />
                  </>
                ) : (
                  <Table.Td colSpan={3}>
                    <Text fz="sm" c="dimmed">
                      {execution ? '本轮尚未计算预警。' : '本轮没有该项目的执行数据。'}
                    </Text>
                  </Table.Td>
                )}
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

function LineCell({ view }: { view: WarningLineView }) {
  return (
    <Table.Td>
      <Badge
        color={COLOUR_COLOR[view.colour]}
        variant={view.colour === 'none' ? 'outline' : 'filled'}
        aria-label={`${view.lineLabel}${view.colourLabel}`}
        style={{ maxWidth: 'none' }}
      >
        {view.colourLabel}
      </Badge>
      <Text fz="xs" c="dimmed" lineClamp={2} title={view.text}>
        {view.text}
      </Text>
    </Table.Td>
  );
}

/** 整改通知 about the project, with where each stands. */
export function NoticesSection({ d }: { d: ProjectDossier }) {
  return (
    <Section title="整改通知">
      <Table withTableBorder striped fz="sm" aria-label="整改通知">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>通知</Table.Th>
            <Table.Th>来源</Table.Th>
            <Table.Th>反馈期限</Table.Th>
            <Table.Th>状态</Table.Th>
            <Table.Th>逾期</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.notices.length === 0 ? (
            <EmptyRow colSpan={5}>没有整改通知。</EmptyRow>
          ) : (
            d.notices.map((n) => (
              <Table.Tr key={n.id}>
                <Table.Td>{n.label}</Table.Td>
                <Table.Td>{n.roundName ? `${n.sourceLabel}（${n.roundName}）` : n.sourceLabel}</Table.Td>
                <Table.Td>{n.deadline}</Table.Td>
                <Table.Td>
                  <Badge color={NOTICE_COLOR[n.status]} style={{ maxWidth: 'none' }}>
                    {n.statusLabel}
                  </Badge>
                </Table.Td>
                <Table.Td>{overdueLabel(n)}</Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

/** 绩效自评、部门评价 and 重点绩效评价 of the project, and the result actions taken on them. */
export function EvaluationSections({ d }: { d: ProjectDossier }) {
  const evaluations = [
    ...d.selfEvaluations.map((e) => ({
      key: `s${e.id}`,
      kind: e.kindLabel,
      status: e.statusLabel,
      total: e.total,
      grade: e.grade,
      at: e.updatedAt,
    })),
    ...d.keyEvaluations.map((e) => ({
      key: `k${e.id}`,
      kind: '重点绩效评价',
      status: e.statusLabel,
      total: e.total,
      grade: e.grade,
      at: e.finalizedAt,
    })),
  ];
  return (
    <>
      <Section title="绩效评价">
        <Table withTableBorder striped fz="sm" aria-label="绩效评价">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>评价</Table.Th>
              <Table.Th>状态</Table.Th>
              <Table.Th ta="right">得分</Table.Th>
              <Table.Th>等级</Table.Th>
              <Table.Th>更新或定稿</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {evaluations.length === 0 ? (
              <EmptyRow colSpan={5}>还没有绩效自评或重点评价。</EmptyRow>
            ) : (
              evaluations.map((e) => (
                <Table.Tr key={e.key}>
                  <Table.Td>{e.kind}</Table.Td>
                  <Table.Td>{e.status}</Table.Td>
                  <Table.Td ta="right">{formatScore(e.total)}</Table.Td>
                  <Table.Td>{e.grade ?? '—'}</Table.Td>
                  <Table.Td>{formatTime(e.at)}</Table.Td>
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </Section>

      <Section title="评价结果应用">
        <Table withTableBorder striped fz="sm" aria-label="评价结果应用">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>依据</Table.Th>
              <Table.Th>措施</Table.Th>
              <Table.Th ta="right">金额（万元）</Table.Th>
              <Table.Th>应用到</Table.Th>
              <Table.Th>状态</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.resultActions.length === 0 ? (
              <EmptyRow colSpan={5}>没有评价结果应用。</EmptyRow>
            ) : (
              d.resultActions.map((a) => (
                <Table.Tr key={a.key}>
                  <Table.Td>
                    {a.sourceLabel}（{a.grade ?? '未定级'}
                    {a.total === null ? '' : `，${formatScore(a.total)} 分`}）
                  </Table.Td>
                  <Table.Td>{a.actionType}</Table.Td>
                  <Table.Td ta="right">{a.amountFen === null ? '—' : formatWanYuan(a.amountFen)}</Table.Td>
                  <Table.Td>{a.nextYearProjectName ?? '—'}</Table.Td>
                  <Table.Td>{a.statusLabel}</Table.Td>
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </Section>
    </>
  );
}
