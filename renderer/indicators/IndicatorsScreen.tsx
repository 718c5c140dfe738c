import { Button, Drawer, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { Envelope, IndicatorLayout, IndicatorRow, YearSummary } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { LoadError } from '../common/LoadError';
import { ClassFormModal } from './ClassFormModal';
import { ClassList } from './ClassList';
import { IndicatorDetailDrawer } from './IndicatorDetailDrawer';
import { IndicatorFormModal, updateInputOf } from './IndicatorFormModal';
import {
  countSentence,
  NO_FILTERS,
  placeRows,
  viewIndicators,
  type IndicatorFilters,
  type IndicatorSort,
  type IndicatorSortKey,
} from './indicatorListView';
import { IndicatorTable } from './IndicatorTable';
import { IndicatorToolbar } from './IndicatorToolbar';
import { LibraryExchangeButtons } from './LibraryExchangeButtons';
import { levelsOf } from './indicatorLabels';
import { LayoutPicker } from './LayoutPicker';
import { RecommendationPanel } from './RecommendationPanel';
import { RetireConfirmModal } from './RetireConfirmModal';

interface IndicatorsScreenProps {
  /** The year being worked in: its layout decides where 一级/二级 show. */
  year: YearSummary;
  onYearChanged: () => void;
}

/** 指标库: the common indicator library, browsed by class and level, searched, maintained. */
export function IndicatorsScreen({ year, onYearChanged }: IndicatorsScreenProps) {
  const classes = useCall('indicators.classes', {});
  const indicators = useCall('indicators.list', {});
  // How the library is shown: the year's system unless the clerk looks at it the other way (nothing is written).
  const [viewed, setViewed] = useState<IndicatorLayout | null>(null);
  const layout = viewed ?? year.indicatorLayout;

  const [filters, setFilters] = useState<IndicatorFilters>(NO_FILTERS);
  const [sort, setSort] = useState<IndicatorSort | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [editing, setEditing] = useState<IndicatorRow | 'new' | null>(null);
  const [retiring, setRetiring] = useState<IndicatorRow | null>(null);
  const [addingClass, setAddingClass] = useState(false);
  const [recommending, setRecommending] = useState(false);
  const [busy, setBusy] = useState(false);

  // Typing stays responsive: the table follows the search box a beat behind when it must, and is not
  // rendered again for the keystroke itself.
  const search = useDeferredValue(filters.search);
  const placed = useMemo(() => placeRows(indicators.data ?? [], layout), [indicators.data, layout]);
  // Level filters from the other layout (成本指标 as a 一级 in 三分法) no longer apply.
  const levels = levelsOf(layout);
  const level1 = filters.level1 && levels[filters.level1] ? filters.level1 : null;
  const level2 = filters.level2 && Object.values(levels).some((l2s) => l2s.includes(filters.level2!)) ? filters.level2 : null;
  const { classId, showRetired } = filters;
  const view = useMemo(
    () => viewIndicators(placed, { classId, showRetired, search, level1, level2 }, sort),
    [placed, classId, showRetired, search, level1, level2, sort],
  );
  const opened = placed.find((r) => r.row.id === openId) ?? null;

  const { reload: reloadClasses } = classes;
  const { reload: reloadIndicators } = indicators;
  const reloadLibrary = useCallback(() => {
    reloadClasses();
    reloadIndicators();
  }, [reloadClasses, reloadIndicators]);

  const toggleSort = useCallback((key: IndicatorSortKey) => {
    setSort((s) => (s?.key === key ? { key, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: 'asc' }));
  }, []);

  /** Retire, reinstate or 设为必选: one call, then a notice and a fresh library. */
  const change = useCallback(
    async (send: () => Promise<Envelope<IndicatorRow>>, title: (row: IndicatorRow) => string) => {
      setBusy(true);
      try {
        const result = await send();
        if (!result.ok) {
          notifications.show({ color: 'red', title: '未能保存', message: result.error.message });
          return false;
        }
        notifications.show({ color: 'green', title: title(result.value), message: `${result.value.className} · ${result.value.name}` });
        reloadLibrary();
        return true;
      } finally {
        setBusy(false);
      }
    },
    [reloadLibrary],
  );

  const reinstate = useCallback(
    (row: IndicatorRow) =>
      void change(
        () => ledger.indicators.reinstate({ id: row.id }),
        () => '指标已恢复启用',
      ),
    [change],
  );
  const toggleMandatory = (row: IndicatorRow) =>
    void change(
      () => ledger.indicators.update(updateInputOf(row, { mandatory: !row.mandatory })),
      (r) => (r.mandatory ? '已设为本类必选指标' : '已取消必选'),
    );
  async function confirmRetire() {
    if (!retiring) return;
    if (
      await change(
        () => ledger.indicators.retire({ id: retiring.id }),
        () => '指标已停用',
      )
    )
      setRetiring(null);
  }

  const narrowed = search.trim() !== '' || level1 !== null || level2 !== null || classId !== null;
  const emptyText =
    view.matching > 0
      ? '符合条件的指标都已停用。打开“显示已停用”可以查看。'
      : narrowed
        ? '没有符合条件的指标，请调整搜索词或筛选条件。'
        : '指标库中还没有指标。点击“新增指标”录入。';
  const table = useMemo(
    () => (
      <IndicatorTable
        rows={view.shown}
        sort={sort}
        onSort={toggleSort}
        onOpen={(r) => setOpenId(r.row.id)}
        onEdit={(r) => setEditing(r.row)}
        onRetire={(r) => setRetiring(r.row)}
        onReinstate={(r) => reinstate(r.row)}
        emptyText={emptyText}
      />
    ),
    [view, sort, toggleSort, reinstate, emptyText],
  );

  const error = classes.error ?? indicators.error;
  const total = indicators.data?.length ?? 0;
  const className = classes.data?.find((c) => c.id === classId)?.name;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" wrap="wrap">
        <Title order={2}>指标库</Title>
        <LayoutPicker
          year={year.year}
          layout={year.indicatorLayout}
          closed={year.status === 'closed'}
          shown={layout}
          onShow={setViewed}
          onChanged={() => {
            setViewed(null);
            onYearChanged();
          }}
        />
      </Group>
      {error && <LoadError error={error} onRetry={reloadLibrary} />}
      {!classes.data || !indicators.data ? (
        !error && <Loader aria-label="正在读取指标库" />
      ) : (
        <Group align="flex-start" gap="md" wrap="nowrap">
          <ClassList
            classes={classes.data}
            selected={filters.classId}
            onSelect={(classId) => setFilters((f) => ({ ...f, classId }))}
            onAddClass={() => setAddingClass(true)}
          />
          <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
            <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
              <IndicatorToolbar
                filters={{ ...filters, level1, level2 }}
                layout={layout}
                onChange={(patch) => setFilters((f) => ({ ...f, ...patch }))}
              />
              <Group gap="xs">
                <LibraryExchangeButtons onImported={reloadLibrary} />
                <Button variant="light" onClick={() => setRecommending(true)}>
                  为项目推荐指标
                </Button>
                <Button onClick={() => setEditing('new')}>新增指标</Button>
              </Group>
            </Group>
            <Text role="status" aria-label="指标合计" fw={500}>
              {className ? `${className}类：` : ''}
              {countSentence(view, filters.showRetired, total)}
            </Text>
            {table}
          </Stack>
        </Group>
      )}
      <IndicatorDetailDrawer
        indicator={opened}
        layout={layout}
        busy={busy}
        onClose={() => setOpenId(null)}
        onEdit={() => opened && setEditing(opened.row)}
        onToggleMandatory={() => opened && toggleMandatory(opened.row)}
        onRetire={() => opened && setRetiring(opened.row)}
        onReinstate={() => opened && reinstate(opened.row)}
      />
      <Drawer
        opened={recommending}
        onClose={() => setRecommending(false)}
        position="right"
        size={1000}
        title={<Title order={4}>为项目推荐指标</Title>}
      >
        {recommending && classes.data && (
          <RecommendationPanel year={year.year} layout={year.indicatorLayout} classNames={classes.data.map((c) => c.name)} />
        )}
      </Drawer>
      {editing && classes.data && (
        <IndicatorFormModal
          classes={classes.data}
          indicator={editing === 'new' ? null : editing}
          defaultClassId={filters.classId}
          layout={year.indicatorLayout}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reloadLibrary();
          }}
        />
      )}
      {retiring && (
        <RetireConfirmModal indicator={retiring} busy={busy} onCancel={() => setRetiring(null)} onConfirm={() => void confirmRetire()} />
      )}
      {addingClass && (
        <ClassFormModal
          onClose={() => setAddingClass(false)}
          onSaved={(row) => {
            setAddingClass(false);
            setFilters((f) => ({ ...f, classId: row.id }));
            reloadLibrary();
          }}
        />
      )}
    </Stack>
  );
}
