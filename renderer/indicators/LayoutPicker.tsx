import { Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { LAYOUT_LABELS } from '../../electron/rules/indicatorRules';
import { ledger } from '../bridge/client';
import type { IndicatorLayout } from '../../electron/bridge/contract';

interface LayoutPickerProps {
  year: number;
  /** The year's indicator system, as the ledger records it. */
  layout: IndicatorLayout;
  closed: boolean;
  /** How the library is shown on this screen; changing it writes nothing. */
  shown: IndicatorLayout;
  onShow: (layout: IndicatorLayout) => void;
  /** Called after the ledger has the new layout, to re-read the years. */
  onChanged: () => void;
}

const NAME: Record<IndicatorLayout, string> = { three: '三分法', four: '四分法' };
const other = (layout: IndicatorLayout): IndicatorLayout => (layout === 'four' ? 'three' : 'four');

/**
 * Two things kept apart: how the library is shown (a view toggle, nothing written) and the year's
 * indicator system, 三分法 (财预〔2015〕88号) or 四分法 (财预〔2021〕101号), which the year's forms and
 * exports follow — so changing it is an explicit action, confirmed, and audited by the ledger.
 */
export function LayoutPicker({ year, layout, closed, shown, onShow, onChanged }: LayoutPickerProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const next = other(layout);

  async function change() {
    setBusy(true);
    const result = await ledger.years.setIndicatorLayout({ year, layout: next });
    setBusy(false);
    if (!result.ok) {
      notifications.show({ color: 'red', title: '未能更改指标体系', message: result.error.message });
      return;
    }
    setConfirming(false);
    notifications.show({ color: 'green', title: `${year} 年度改用${NAME[next]}`, message: LAYOUT_LABELS[next] });
    onChanged();
  }

  return (
    <Group gap="md" wrap="nowrap" align="center">
      <Group gap="xs" wrap="nowrap">
        <Text fz="sm" fw={500} id="indicator-view-label">
          显示方式
        </Text>
        <SegmentedControl
          aria-labelledby="indicator-view-label"
          size="xs"
          value={shown}
          onChange={(v) => onShow(v as IndicatorLayout)}
          data={[
            { value: 'three', label: '按三分法' },
            { value: 'four', label: '按四分法' },
          ]}
        />
      </Group>
      <Group gap="xs" wrap="nowrap" pl="md" style={{ borderLeft: '1px solid var(--mantine-color-gray-3)' }}>
        <Text fz="sm" aria-label="年度指标体系">
          {year} 年度指标体系：<b>{NAME[layout]}</b>
        </Text>
        <Button
          size="compact-sm"
          variant="default"
          disabled={closed}
          title={closed ? '本年度已关账，不能更改' : undefined}
          onClick={() => setConfirming(true)}
        >
          更改…
        </Button>
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={`更改 ${year} 年度的指标体系？`}>
        <Stack gap="sm">
          <Text fz="sm">
            {year} 年度的指标体系将由<b>{LAYOUT_LABELS[layout]}</b>改为<b>{LAYOUT_LABELS[next]}</b>。
          </Text>
          <Text fz="sm">
            此后本年度的绩效目标填报、申报表模板、会审意见表、公开表和自评表都按{NAME[next]}列示一级、二级指标
            {next === 'four' ? '（成本指标单列为一级指标）' : '（成本指标归入产出指标）'}。
          </Text>
          <Text fz="sm">指标库中的指标和已填报的指标值不变，其他年度不受影响。这次更改记入审计日志，可以再改回。</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              取消
            </Button>
            <Button loading={busy} onClick={() => void change()}>
              改为{NAME[next]}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
