import { Group, Select, Switch, TextInput } from '@mantine/core';
import { level2Options, levelsOf } from './indicatorLabels';
import type { IndicatorFilters } from './indicatorListView';
import type { IndicatorLayout } from '../../electron/bridge/contract';

interface IndicatorToolbarProps {
  filters: IndicatorFilters;
  layout: IndicatorLayout;
  onChange: (patch: Partial<IndicatorFilters>) => void;
}

/** Search and the 一级/二级 filters, in the year's layout; the switch that shows retired indicators. */
export function IndicatorToolbar({ filters, layout, onChange }: IndicatorToolbarProps) {
  const level1s = Object.keys(levelsOf(layout));
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label="搜索"
        placeholder="指标名称、关键词或指标解释"
        w={260}
        value={filters.search}
        onChange={(e) => onChange({ search: e.currentTarget.value })}
      />
      <Select
        label="一级指标"
        placeholder="全部"
        clearable
        w={150}
        data={level1s}
        value={filters.level1}
        onChange={(v) =>
          onChange({ level1: v, level2: v && filters.level2 && !levelsOf(layout)[v]?.includes(filters.level2) ? null : filters.level2 })
        }
      />
      <Select
        label="二级指标"
        placeholder="全部"
        clearable
        w={190}
        data={level2Options(layout, filters.level1)}
        value={filters.level2}
        onChange={(v) => onChange({ level2: v })}
      />
      <Switch
        label="显示已停用"
        checked={filters.showRetired}
        onChange={(e) => onChange({ showRetired: e.currentTarget.checked })}
        mb={8}
      />
    </Group>
  );
}
