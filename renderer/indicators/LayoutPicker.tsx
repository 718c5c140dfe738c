import { Group, SegmentedControl, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { LAYOUT_LABELS } from '../../electron/rules/indicatorRules';
import { ledger } from '../bridge/client';
import type { IndicatorLayout } from '../../electron/bridge/contract';

interface LayoutPickerProps {
  year: number;
  layout: IndicatorLayout;
  closed: boolean;
  /** Called after the ledger has the new layout, to re-read the years. */
  onChanged: () => void;
}

/** The year's indicator system: 三分法 (财预〔2015〕88号) or 四分法 (财预〔2021〕101号). */
export function LayoutPicker({ year, layout, closed, onChanged }: LayoutPickerProps) {
  const [pending, setPending] = useState<IndicatorLayout | null>(null);

  // Keep showing the choice until the re-read years carry it, so the control does not flick back.
  useEffect(() => {
    if (pending === layout) setPending(null);
  }, [pending, layout]);

  async function choose(next: IndicatorLayout) {
    if (next === layout) return;
    setPending(next);
    const result = await ledger.years.setIndicatorLayout({ year, layout: next });
    if (!result.ok) {
      setPending(null);
      notifications.show({ color: 'red', title: '未能更改指标体系', message: result.error.message });
      return;
    }
    notifications.show({ color: 'green', title: `${year} 年度改用${next === 'four' ? '四分法' : '三分法'}`, message: LAYOUT_LABELS[next] });
    onChanged();
  }

  const shown = pending ?? layout;
  return (
    <Group gap="xs" wrap="nowrap">
      <Text fz="sm" fw={500} id="indicator-layout-label">
        {year} 年度指标体系
      </Text>
      <SegmentedControl
        aria-labelledby="indicator-layout-label"
        size="sm"
        disabled={closed || pending !== null}
        value={shown}
        onChange={(v) => void choose(v as IndicatorLayout)}
        data={[
          { value: 'three', label: '三分法' },
          { value: 'four', label: '四分法' },
        ]}
      />
      <Text fz="xs" c="dimmed" w={190}>
        {closed ? '本年度已关账，不能更改' : LAYOUT_LABELS[shown]}
      </Text>
    </Group>
  );
}
