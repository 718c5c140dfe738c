import { Badge, Button, Checkbox, Group, Loader, Menu, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { NOTICE_STATUS, type NoticeStatus } from '../../electron/rules/rectificationRules';
import type { NoticeRow } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { EmptyRow } from '../common/EmptyRow';
import { LongTableScroll, OneLine } from '../common/LongTable';
import { LoadError } from '../common/LoadError';
import { notifyFailed, notifySaved } from '../exchange/notifyFile';
import { NoticeDrawer } from './NoticeDrawer';
import { overdueAsOfNote, overdueLabel, STATUS_COLOR } from './noticeView';
import { ProjectLink } from '../common/ProjectLink';

/**
 * 整改: the year's rectification notices — filters (状态, 单位, 只看逾期), 下发 for checked drafts, the
 * Word notices for checked issued ones (per unit or per project), the whole list as a workbook — and
 * one notice's handling (edit, feedback, review, history) in a drawer.
 */
export function RectificationScreen({ year }: { year: number }) {
  const [status, setStatus] = useState<NoticeStatus | null>(null);
  const [unitId, setUnitId] = useState<number | null>(null);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const notices = useCall('notices.list', {
    year,
    ...(status ? { status } : {}),
    ...(unitId ? { unitId } : {}),
    ...(overdueOnly ? { overdueOnly } : {}),
  });
  const all = useCall('notices.list', { year });
  const [checked, setChecked] = useState<number[]>([]);
  const [openId, setOpenId] = useState<number | null>(null);
  const [busy, setBusy] = useState<'issue' | 'docs' | 'list' | null>(null);

  const units = useMemo(() => {
    const seen = new Map<number, string>();
    for (const n of all.data ?? []) seen.set(n.unitId, n.unitName);
    return [...seen].map(([value, label]) => ({ value: String(value), label }));
  }, [all.data]);

  const rows = notices.data ?? [];
  const visible = new Set(rows.map((r) => r.id));
  const selected = rows.filter((r) => checked.includes(r.id) && visible.has(r.id));
  const drafts = selected.filter((r) => r.status === 'draft');
  const issued = selected.filter((r) => r.status !== 'draft');
  const overdueCount = (all.data ?? []).filter((n) => n.overdue).length;
  const asOfNote = overdueAsOfNote(all.data?.[0]?.overdueAsOf);

  function reload() {
    notices.reload();
    all.reload();
  }

  async function issue() {
    setBusy('issue');
    const result = await ledger.notices.issue({ ids: drafts.map((d) => d.id) });
    setBusy(null);
    if (!result.ok) return notifyFailed('未能下发', result.error);
    notifications.show({
      color: 'green',
      title: '已下发整改通知',
      message: result.value.map((n) => `${n.number}（${n.unitName}）`).join('、'),
    });
    setChecked([]);
    reload();
  }

  async function exportDocuments(per: 'unit' | 'project') {
    setBusy('docs');
    const result = await ledger.notices.exportDocuments({ ids: issued.map((n) => n.id), per });
    setBusy(null);
    if (!result.ok) return notifyFailed('导出整改通知失败', result.error);
    const { saved, summary } = result.value;
    if (saved)
      notifySaved(
        '已导出整改通知',
        saved.savedAs,
        `${summary.noticeCount} 份通知，${per === 'unit' ? '按单位' : '按项目'}成文 ${summary.letterCount} 份`,
      );
  }

  async function exportList() {
    setBusy('list');
    const result = await ledger.notices.exportList({ year });
    setBusy(null);
    if (!result.ok) return notifyFailed('导出整改台账失败', result.error);
    const { saved, summary } = result.value;
    if (saved) notifySaved('已导出整改台账', saved.savedAs, `${summary.noticeCount} 份整改通知，其中逾期 ${summary.overdueCount} 份`);
  }

  const toggle = (id: number, on: boolean) => setChecked((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  const allChecked = rows.length > 0 && rows.every((r) => checked.includes(r.id));
  const error = notices.error ?? all.error;

  return (
    <Stack gap="md">
      <Title order={2}>整改 · {year} 年度</Title>
      {error && <LoadError error={error} onRetry={reload} />}
      <Group justify="space-between" align="flex-end">
        <Group gap="sm" align="flex-end">
          <Select
            label="状态"
            placeholder="全部状态"
            clearable
            w={140}
            data={Object.entries(NOTICE_STATUS).map(([value, label]) => ({ value, label }))}
            value={status}
            onChange={(v) => setStatus(v as NoticeStatus | null)}
          />
          <Select
            label="单位"
            placeholder="全部单位"
            clearable
            searchable
            w={220}
            data={units}
            value={unitId === null ? null : String(unitId)}
            onChange={(v) => setUnitId(v ? Number(v) : null)}
          />
          <Switch
            label={`只看逾期（${overdueCount}）`}
            checked={overdueOnly}
            onChange={(e) => setOverdueOnly(e.currentTarget.checked)}
            mb={8}
          />
        </Group>
        <Group gap="xs">
          <Button onClick={() => void issue()} disabled={drafts.length === 0 || busy !== null} loading={busy === 'issue'}>
            下发{drafts.length ? `（${drafts.length}）` : ''}
          </Button>
          <Menu position="bottom-end">
            <Menu.Target>
              <Button
                variant="default"
                disabled={issued.length === 0 || busy !== null}
                loading={busy === 'docs'}
                title={issued.length === 0 ? '请先勾选已下发的整改通知' : undefined}
              >
                导出整改通知{issued.length ? `（${issued.length}）` : ''}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void exportDocuments('unit')}>按单位成文（一个单位一份）</Menu.Item>
              <Menu.Item onClick={() => void exportDocuments('project')}>按项目成文（一个项目一份）</Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <Button variant="default" onClick={() => void exportList()} loading={busy === 'list'} disabled={busy !== null}>
            导出整改台账
          </Button>
        </Group>
      </Group>
      {!notices.data ? (
        !error && <Loader aria-label="正在读取整改通知" />
      ) : (
        <>
          <Text role="status" aria-label="整改合计" fw={500}>
            共 {rows.length} 份整改通知
            {selected.length ? `，已勾选 ${selected.length} 份（草稿 ${drafts.length}，已下发 ${issued.length}）` : ''}
            {asOfNote ? `；${asOfNote}` : ''}
          </Text>
          <LongTableScroll minWidth={1100}>
            <Table striped highlightOnHover stickyHeader tabularNums fz="sm" aria-label="整改通知列表">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={36}>
                    <Checkbox
                      aria-label="全选"
                      checked={allChecked}
                      indeterminate={!allChecked && selected.length > 0}
                      onChange={(e) => setChecked(e.currentTarget.checked ? rows.map((r) => r.id) : [])}
                    />
                  </Table.Th>
                  <Table.Th>文号</Table.Th>
                  <Table.Th>单位</Table.Th>
                  <Table.Th>项目</Table.Th>
                  <Table.Th>来源</Table.Th>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>反馈期限</Table.Th>
                  <Table.Th>状态</Table.Th>
                  <Table.Th>逾期</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((n) => (
                  <NoticeTableRow
                    key={n.id}
                    notice={n}
                    checked={checked.includes(n.id)}
                    onCheck={(on) => toggle(n.id, on)}
                    onOpen={() => setOpenId(n.id)}
                  />
                ))}
                {rows.length === 0 && (
                  <EmptyRow colSpan={9}>
                    {all.data?.length
                      ? '没有符合条件的整改通知。'
                      : '本年度还没有整改通知。在“绩效监控”的预警清单中为偏离率超过阈值的项目起草整改通知。'}
                  </EmptyRow>
                )}
              </Table.Tbody>
            </Table>
          </LongTableScroll>
        </>
      )}
      {openId !== null && <NoticeDrawer id={openId} onClose={() => setOpenId(null)} onChanged={reload} />}
    </Stack>
  );
}

function NoticeTableRow({
  notice: n,
  checked,
  onCheck,
  onOpen,
}: {
  notice: NoticeRow;
  checked: boolean;
  onCheck: (on: boolean) => void;
  onOpen: () => void;
}) {
  return (
    <Table.Tr data-id={n.id} bg={n.overdue ? 'red.0' : undefined}>
      <Table.Td>
        <Checkbox aria-label={`勾选 ${n.label}`} checked={checked} onChange={(e) => onCheck(e.currentTarget.checked)} />
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {n.number ?? (
          <Text span c="dimmed" fz="sm">
            草稿
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <OneLine maw={200}>{n.unitName}</OneLine>
      </Table.Td>
      <Table.Td>
        {n.projectName ? (
          <OneLine maw={280} title={n.projectName}>
            <ProjectLink projectId={n.projectId}>{n.projectName}</ProjectLink>
          </OneLine>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {n.sourceLabel}
        {n.roundName ? (
          <Text span fz="xs" c="dimmed" ml={6}>
            {n.roundName}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }} c={n.overdue ? 'red.8' : undefined} fw={n.overdue ? 600 : undefined}>
        {n.deadline}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Badge variant="light" color={STATUS_COLOR[n.status]}>
          {n.statusLabel}
        </Badge>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {n.overdue ? (
          <Badge color="red" variant="filled">
            {overdueLabel(n)}
          </Badge>
        ) : n.feedbackLateDays ? (
          <Text fz="sm" c="orange.8">
            {overdueLabel(n)}
          </Text>
        ) : (
          <Text fz="sm" c="dimmed">
            否
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Button size="compact-xs" variant="subtle" onClick={onOpen} aria-label={`办理 ${n.label}`}>
          {n.status === 'draft' ? '编辑' : '办理'}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
