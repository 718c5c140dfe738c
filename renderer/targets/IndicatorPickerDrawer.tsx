import { Badge, Button, Drawer, Group, ScrollArea, Select, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDeferredValue, useMemo, useState } from 'react';
import { matchesIndicator } from '../../electron/rules/indicatorRecommendation';
import { placeIndicator } from '../../electron/rules/indicatorRules';
import type { IndicatorClassRow, IndicatorLayout, IndicatorRow } from '../../electron/bridge/contract';
import { RecommendationPanel } from '../indicators/RecommendationPanel';
import { PERIOD_LABELS } from './targetDraft';
import type { TargetPeriod } from '../../electron/bridge/contract';

interface IndicatorPickerDrawerProps {
  year: number;
  layout: IndicatorLayout;
  library: readonly IndicatorRow[];
  classes: readonly IndicatorClassRow[];
  /** The target's 指标类别: the list starts narrowed to it. */
  classId: number | null;
  /** What the recommendations read: the project's name and the goal as typed so far. */
  subjectName: string;
  goal: string;
  period: TargetPeriod;
  /** Library indicators already in this period of the target. */
  chosenIds: ReadonlySet<number>;
  onAdd: (indicator: IndicatorRow) => void;
  onClose: () => void;
}

/** At most this many rows in the browse list; the search narrows further. */
const SHOWN = 150;

/** 从指标库添加: the library browsed by class and searched, or ranked for the project by the recommender. */
export function IndicatorPickerDrawer({
  year,
  layout,
  library,
  classes,
  classId,
  subjectName,
  goal,
  period,
  chosenIds,
  onAdd,
  onClose,
}: IndicatorPickerDrawerProps) {
  const [pickedClass, setPickedClass] = useState<string | null>(classId === null ? null : String(classId));
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search);
  const rows = useMemo(
    () =>
      library.filter(
        (i) =>
          !i.retiredAt && (pickedClass === null || String(i.classId) === pickedClass) && matchesIndicator({ ...i, retired: false }, query),
      ),
    [library, pickedClass, query],
  );
  const byId = useMemo(() => new Map(library.map((i) => [i.id, i])), [library]);

  const addButton = (indicator: IndicatorRow | undefined, name: string) => {
    if (!indicator) return null;
    const chosen = chosenIds.has(indicator.id);
    return (
      <Button
        size="compact-xs"
        variant={chosen ? 'subtle' : 'light'}
        disabled={chosen}
        aria-label={`添加 ${name}`}
        onClick={() => onAdd(indicator)}
      >
        {chosen ? '已添加' : '添加'}
      </Button>
    );
  };

  return (
    <Drawer opened onClose={onClose} position="right" size={1000} title={<Title order={4}>从指标库添加（{PERIOD_LABELS[period]}）</Title>}>
      <Tabs defaultValue="browse" keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="browse">按类别选取</Tabs.Tab>
          <Tabs.Tab value="recommend">推荐指标</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="browse">
          <Stack gap="sm">
            <Group grow align="flex-end">
              <Select
                label="指标类别"
                placeholder="全部类别"
                searchable
                clearable
                data={classes.map((c) => ({ value: String(c.id), label: `${c.name}（${c.activeCount}）` }))}
                value={pickedClass}
                onChange={setPickedClass}
              />
              <TextInput
                label="查找指标"
                placeholder="名称、关键词，如：满意度"
                value={search}
                onChange={(e) => setSearch(e.currentTarget.value)}
              />
            </Group>
            <Text fz="sm" c="dimmed" role="status" aria-label="可选指标">
              {rows.length > SHOWN
                ? `符合条件的 ${rows.length} 条中显示前 ${SHOWN} 条，请输入查找词缩小范围`
                : `符合条件的指标 ${rows.length} 条`}
            </Text>
            <ScrollArea.Autosize mah="calc(100vh - 260px)">
              <Table striped verticalSpacing={4} aria-label="指标库中的指标">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>三级指标</Table.Th>
                    <Table.Th style={{ whiteSpace: 'nowrap' }}>一级 / 二级</Table.Th>
                    <Table.Th style={{ whiteSpace: 'nowrap' }}>参考值</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.slice(0, SHOWN).map((i) => {
                    const place = placeIndicator(i.level1, i.level2, layout);
                    return (
                      <Table.Tr key={i.id}>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            <Text fz="sm" fw={500}>
                              {i.name}
                            </Text>
                            {i.mandatory && (
                              <Badge size="xs" color="orange" variant="light" style={{ flex: 'none' }}>
                                必选
                              </Badge>
                            )}
                          </Group>
                          {pickedClass === null && (
                            <Text fz="xs" c="dimmed">
                              {i.className}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td fz="xs" style={{ whiteSpace: 'nowrap' }}>
                          {place.level1} / {place.level2}
                        </Table.Td>
                        <Table.Td fz="xs" style={{ whiteSpace: 'nowrap' }}>
                          {i.referenceHint ?? (i.nature === '定性' ? '定性' : `${i.nature} ${i.unit ?? ''}`)}
                        </Table.Td>
                        <Table.Td>{addButton(i, i.name)}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="recommend">
          <RecommendationPanel
            year={year}
            layout={layout}
            classNames={classes.map((c) => c.name)}
            project={{ name: subjectName }}
            initialClassName={classes.find((c) => c.id === classId)?.name ?? null}
            initialGoal={goal}
            renderAction={(r) => addButton(byId.get(r.indicator.id), r.indicator.name)}
          />
        </Tabs.Panel>
      </Tabs>
    </Drawer>
  );
}
