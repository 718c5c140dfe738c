import { Alert, Button, Group, Loader, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import type { TargetListRow } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { LoadError } from '../common/LoadError';
import { DepartmentTargetModal } from './DepartmentTargetModal';
import { ReviewSheetButtons, TargetExchangeButtons } from './TargetExchangeButtons';
import { STATUS_OPTIONS, type ListStatus } from './targetLabels';
import { countSentence, NO_FILTERS, selectionSummary, viewTargets, type TargetFilters } from './targetListView';
import { TargetPage } from './TargetPage';
import { TargetTable } from './TargetTable';

/**
 * 绩效目标: the year's projects with where their targets stand, 先定项目，再定预算 at a glance; opening
 * one shows its 申报表, 机审清单 and 三方联合会审. 批复 and 公开 act on the chosen rows.
 */
export function TargetsTab({ year }: { year: number }) {
  const list = useCall('targets.list', { year });
  const [filters, setFilters] = useState<TargetFilters>(NO_FILTERS);
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [openId, setOpenId] = useState<number | null>(null);
  const [starting, setStarting] = useState<number | null>(null);
  const [addingDepartment, setAddingDepartment] = useState(false);
  const [busy, setBusy] = useState<'approve' | 'publish' | null>(null);
  const [refusal, setRefusal] = useState<{ title: string; message: string } | null>(null);

  const all = useMemo(() => list.data ?? [], [list.data]);
  const rows = useMemo(() => viewTargets(all, filters), [all, filters]);
  const departments = useMemo(() => [...new Set(all.map((r) => r.departmentName))], [all]);
  const selection = selectionSummary(all, chosen);
  const set = (patch: Partial<TargetFilters>) => setFilters((f) => ({ ...f, ...patch }));

  if (openId !== null) {
    return (
      <TargetPage
        targetId={openId}
        year={year}
        onBack={() => {
          setOpenId(null);
          list.reload();
        }}
        onChanged={list.reload}
      />
    );
  }

  async function open(row: TargetListRow) {
    if (row.targetId !== null) return setOpenId(row.targetId);
    setStarting(row.projectId);
    const created = await ledger.targets.create({ year, projectId: row.projectId, unitId: null });
    setStarting(null);
    if (!created.ok) return notifications.show({ color: 'red', title: '未能开始填报', message: created.error.message, autoClose: false });
    list.reload();
    setOpenId(created.value.id);
  }

  function choose(ids: number[], on: boolean) {
    setChosen((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }

  async function move(step: 'approve' | 'publish') {
    const ids = all.flatMap((r) => (r.targetId !== null && chosen.has(r.targetId) ? [r.targetId] : []));
    setBusy(step);
    setRefusal(null);
    const result = step === 'approve' ? await ledger.review.approve({ targetIds: ids }) : await ledger.review.publish({ targetIds: ids });
    setBusy(null);
    if (!result.ok) return setRefusal({ title: step === 'approve' ? '未能批复' : '未能登记公开', message: result.error.message });
    notifications.show({ color: 'green', title: step === 'approve' ? '已批复' : '已登记公开', message: `${result.value} 个绩效目标` });
    setChosen(new Set());
    list.reload();
  }

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label="搜索"
          placeholder="项目名称、代码或单位"
          w={220}
          value={filters.search}
          onChange={(e) => set({ search: e.currentTarget.value })}
        />
        <Select
          label="状态"
          placeholder="全部"
          clearable
          w={140}
          data={STATUS_OPTIONS}
          value={filters.status}
          onChange={(v) => set({ status: v as ListStatus | null })}
        />
        <Select
          label="主管部门"
          placeholder="全部"
          clearable
          searchable
          w={200}
          data={departments}
          value={filters.department}
          onChange={(v) => set({ department: v })}
        />
        <Switch
          label="只看未填报目标的项目"
          description="先定项目，再定预算"
          checked={filters.onlyMissing}
          onChange={(e) => set({ onlyMissing: e.currentTarget.checked })}
          mb={2}
        />
        <Group ml="auto" gap="xs">
          <TargetExchangeButtons year={year} onImported={list.reload} />
          <Button variant="default" onClick={() => setAddingDepartment(true)}>
            填报部门整体目标
          </Button>
        </Group>
      </Group>
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      {!list.data ? (
        !list.error && <Loader aria-label="正在读取绩效目标" />
      ) : (
        <>
          {filters.onlyMissing && (
            <Alert color="red" variant="light" title="先定项目，再定预算">
              以下项目尚未填报绩效目标，按规定不得安排预算。标“重大”的新增重大政策和项目，还须先开展事前绩效评估。
            </Alert>
          )}
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text role="status" aria-label="绩效目标合计" fw={500}>
              {countSentence(rows, all)}
            </Text>
            <Group gap="xs">
              {selection.total > 0 && (
                <Text fz="sm" c="dimmed" aria-label="已选目标">
                  已选 {selection.total} 个，其中会审中 {selection.inReview} 个、待批复 {selection.ready} 个、已批复 {selection.approved} 个
                </Text>
              )}
              <ReviewSheetButtons
                targetIds={selection.inReviewIds}
                leftOut={selection.total - selection.inReview}
                onImported={list.reload}
              />
              <Button
                size="sm"
                onClick={() => void move('approve')}
                loading={busy === 'approve'}
                disabled={selection.total === 0 || busy !== null}
              >
                批复所选
              </Button>
              <Button
                size="sm"
                variant="light"
                onClick={() => void move('publish')}
                loading={busy === 'publish'}
                disabled={selection.total === 0 || busy !== null}
              >
                登记公开
              </Button>
            </Group>
          </Group>
          {refusal && (
            <Alert color="red" title={refusal.title} role="alert" withCloseButton onClose={() => setRefusal(null)}>
              {refusal.message}
            </Alert>
          )}
          <TargetTable
            rows={rows}
            chosen={chosen}
            onChoose={choose}
            onOpen={(row) => void open(row)}
            starting={starting}
            emptyText={all.length ? '没有符合条件的项目，请调整搜索或筛选条件。' : `${year} 年度还没有项目。请先在“项目”中录入。`}
          />
        </>
      )}
      {addingDepartment && (
        <DepartmentTargetModal
          year={year}
          onClose={() => setAddingDepartment(false)}
          onCreated={(target) => {
            setAddingDepartment(false);
            list.reload();
            setOpenId(target.id);
          }}
        />
      )}
    </Stack>
  );
}
