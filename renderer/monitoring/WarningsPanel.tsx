import { Alert, Badge, Button, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { WARNING_LINES } from '../../electron/rules/monitoringLabels';
import { formatPercent } from '../../electron/rules/numberFormat';
import { COLOUR_LABELS } from '../../electron/rules/warningLines';
import {
  WARNING_COLOURS,
  type RoundRow,
  type WarningColour,
  type WarningLine,
  type WarningLineView,
  type WarningRow,
} from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { EmptyRow } from '../common/EmptyRow';
import { LongTableScroll, OneLine } from '../common/LongTable';
import { LoadError } from '../common/LoadError';
import { SortableTh } from '../common/SortableTh';
import { notifyFailed } from '../exchange/notifyFile';
import { COLOUR_COLOR } from './monitoringView';
import { ProjectLink } from '../common/ProjectLink';

interface WarningsPanelProps {
  round: RoundRow;
  /** Opens a project's monitoring form (null when the project has no target). */
  targetOf: (projectId: number) => number | null;
  onOpenForm: (targetId: number) => void;
  onChanged: () => void;
}

/** 预警清单: compute the three lines, then one row per project with each line's colour and why. */
export function WarningsPanel({ round, targetOf, onOpenForm, onChanged }: WarningsPanelProps) {
  const [unitId, setUnitId] = useState<number | null>(null);
  const [line, setLine] = useState<WarningLine | null>(null);
  const [colour, setColour] = useState<WarningColour | null>(null);
  const [byDeviation, setByDeviation] = useState(false);
  // Opens on what needs action (red, then yellow, green last); the 偏离率 header sorts by deviation instead.
  const list = useCall('warnings.list', { roundId: round.id, unitId, line, colour, sort: byDeviation ? 'deviation' : 'attention' });
  const units = useCall('warnings.list', { roundId: round.id });
  const [busy, setBusy] = useState<'compute' | 'draft' | null>(null);
  const [drafted, setDrafted] = useState<number | null>(null);

  async function compute() {
    setBusy('compute');
    const result = await ledger.warnings.compute({ roundId: round.id });
    setBusy(null);
    if (!result.ok) return notifyFailed('未能计算预警', result.error);
    const r = result.value;
    notifications.show({
      color: 'green',
      title: '已计算预警',
      message: r.yearClosed
        ? '年度已结账，保留已有预警结果。'
        : `${r.projects} 个项目：更新 ${r.written} 条，${r.unchanged} 条无变化${r.removed ? `，移除 ${r.removed} 条` : ''}（规则 ${r.ruleVersion}）。`,
    });
    list.reload();
    units.reload();
    onChanged();
  }

  async function draftNotices() {
    setBusy('draft');
    const result = await ledger.notices.draftFromWarnings({ roundId: round.id });
    setBusy(null);
    if (!result.ok) return notifyFailed('未能起草整改通知', result.error);
    setDrafted(result.value.length);
    list.reload();
    onChanged();
  }

  const unitOptions = (() => {
    const seen = new Map<number, string>();
    for (const r of units.data ?? []) {
      seen.set(r.departmentId, r.departmentName);
      seen.set(r.unitId, r.unitName);
    }
    return [...seen].map(([value, label]) => ({ value: String(value), label }));
  })();
  const rows = list.data ?? [];
  const due = (units.data ?? []).filter((r) => r.noticeDue);
  const dueWithout = due.filter((r) => !r.notice).length;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Group gap="sm" align="flex-end">
          <Select
            label="单位"
            placeholder="全部单位"
            clearable
            searchable
            w={220}
            data={unitOptions}
            value={unitId === null ? null : String(unitId)}
            onChange={(v) => setUnitId(v ? Number(v) : null)}
          />
          <Select
            label="警戒线"
            placeholder="全部警戒线"
            clearable
            w={260}
            data={Object.entries(WARNING_LINES).map(([value, label]) => ({ value, label }))}
            value={line}
            onChange={(v) => setLine(v as WarningLine | null)}
          />
          <Select
            label="颜色"
            placeholder="全部颜色"
            clearable
            w={120}
            data={WARNING_COLOURS.map((c) => ({ value: c, label: COLOUR_LABELS[c] }))}
            value={colour}
            onChange={(v) => setColour(v as WarningColour | null)}
          />
        </Group>
        <Group gap="xs">
          <Button variant="default" onClick={() => void compute()} loading={busy === 'compute'} disabled={busy !== null}>
            计算预警
          </Button>
          <Button
            color="red"
            onClick={() => void draftNotices()}
            loading={busy === 'draft'}
            disabled={busy !== null || dueWithout === 0}
            title={dueWithout === 0 ? '没有尚未起草整改通知的超阈值项目' : undefined}
          >
            为超阈值项目起草整改通知{dueWithout ? `（${dueWithout}）` : ''}
          </Button>
        </Group>
      </Group>
      {drafted !== null && (
        <Alert
          color={drafted ? 'green' : 'gray'}
          withCloseButton
          onClose={() => setDrafted(null)}
          title={drafted ? `已起草 ${drafted} 份整改通知` : '没有需要起草的整改通知'}
        >
          <Group gap="sm">
            <Text fz="sm">{drafted ? '草稿可在“整改”中修改后下发。' : '超阈值的项目本轮都已有整改通知。'}</Text>
            <Button size="compact-sm" variant="light" onClick={() => (window.location.hash = '#/rectification')}>
              前往整改
            </Button>
          </Group>
        </Alert>
      )}
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      {!list.data ? (
        !list.error && <Loader aria-label="正在读取预警清单" />
      ) : (
        <>
          <Text role="status" aria-label="预警合计" fz="sm">
            {rows.length} 个项目
            {rows[0]
              ? `，序时进度 ${formatPercent(rows[0].timeProgress)}，计算于 ${rows[0].computedAt.slice(0, 10)}（规则 ${rows[0].ruleVersion}）；${byDeviation ? '按偏离率从大到小排列' : '需处理的在前：红灯、黄灯、蓝灯，绿灯在后'}`
              : ''}
            {due.length ? `；偏离率超过阈值、应下发整改通知的 ${due.length} 个` : ''}
          </Text>
          <LongTableScroll minWidth={1200}>
            <Table
              striped
              highlightOnHover
              stickyHeader
              horizontalSpacing="xs"
              fz="sm"
              aria-label="预警清单"
              tabularNums
              verticalSpacing={6}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>项目</Table.Th>
                  <Table.Th>预算单位</Table.Th>
                  <Table.Th>{WARNING_LINES.execution}</Table.Th>
                  <Table.Th>{WARNING_LINES.completion}</Table.Th>
                  <SortableTh label="偏离率" active={byDeviation} direction="desc" onSort={() => setByDeviation((b) => !b)} />
                  <Table.Th>整改</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <WarningTableRow key={r.projectId} row={r} targetId={targetOf(r.projectId)} onOpenForm={onOpenForm} />
                ))}
                {rows.length === 0 && (
                  <EmptyRow colSpan={7}>
                    {units.data?.length ? '没有符合条件的项目。' : '本轮还没有预警结果。导入执行数据、填报监控表后，点击“计算预警”。'}
                  </EmptyRow>
                )}
              </Table.Tbody>
            </Table>
          </LongTableScroll>
        </>
      )}
    </Stack>
  );
}

/** A line's colour, and beside it the line's sentence (cut to one line) or the figure given. */
function LineCell({ view, children }: { view: WarningLineView; children?: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Badge
        color={COLOUR_COLOR[view.colour]}
        variant={view.colour === 'none' ? 'outline' : 'filled'}
        style={{ flex: 'none' }}
        aria-label={`${view.lineLabel}${view.colourLabel}`}
      >
        {view.colourLabel}
      </Badge>
      {children ?? (
        <OneLine fz="xs" c="dimmed" maw={160}>
          {view.text}
        </OneLine>
      )}
    </Group>
  );
}

function WarningTableRow({ row: r, targetId, onOpenForm }: { row: WarningRow; targetId: number | null; onOpenForm: (id: number) => void }) {
  return (
    <Table.Tr data-project={r.projectId} bg={r.noticeDue ? 'red.0' : undefined}>
      <Table.Td>
        <OneLine maw={200} title={r.projectCode ? `${r.projectName}（${r.projectCode}）` : r.projectName}>
          <ProjectLink projectId={r.projectId}>{r.projectName}</ProjectLink>
        </OneLine>
      </Table.Td>
      <Table.Td>
        <OneLine maw={130} title={r.departmentName === r.unitName ? r.unitName : `${r.unitName}（主管部门：${r.departmentName}）`}>
          {r.unitName}
        </OneLine>
      </Table.Td>
      <Table.Td>
        <LineCell view={r.execution} />
      </Table.Td>
      <Table.Td>
        <LineCell view={r.completion} />
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }} title={r.deviationLine.text}>
        <LineCell view={r.deviationLine}>
          <Text fz="sm" fw={r.noticeDue ? 700 : undefined} c={r.noticeDue ? 'red.8' : undefined}>
            {formatPercent(r.deviation)}
          </Text>
        </LineCell>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {r.notice ? (
          <Text fz="sm" c="grape.8" title={r.notice.number ?? '整改通知草稿'}>
            {r.notice.number ?? '已起草通知'}
          </Text>
        ) : r.noticeDue ? (
          <Badge color="red" variant="light">
            应下发整改通知
          </Badge>
        ) : (
          <Text fz="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {targetId !== null && (
          <Button size="compact-xs" variant="subtle" onClick={() => onOpenForm(targetId)}>
            监控表
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
