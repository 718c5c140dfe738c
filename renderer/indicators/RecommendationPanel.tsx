import { Badge, Group, Loader, Select, SimpleGrid, Stack, Table, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState, type ReactNode } from 'react';
import type { CallInput, IndicatorLayout } from '../../electron/bridge/contract';
import type { Recommendation } from '../../electron/rules/indicatorRecommendation';
import { placeIndicator } from '../../electron/rules/indicatorRules';
import { useCall } from '../bridge/useCall';
import { LoadError } from '../common/LoadError';

export interface RecommendationPanelProps {
  year: number;
  layout: IndicatorLayout;
  /** The library's classes, for narrowing the suggestions to one. */
  classNames: readonly string[];
  /**
   * A project already known (the targets form): its name is used and the picker is hidden. Left out,
   * the clerk picks one of the year's projects.
   */
  project?: { name: string } | null;
  /** At most this many suggestions. */
  limit?: number;
  /** A control per suggestion, e.g. “加入目标” in the targets form. */
  renderAction?: (recommendation: Recommendation) => ReactNode;
  /** What the class and goal fields start with (the targets form passes its 指标类别 and 年度总体目标). */
  initialClassName?: string | null;
  initialGoal?: string;
}

/**
 * 为项目推荐指标: the library's indicators ranked for a project by its class (chosen, or guessed from
 * its words) and the words of its name and 绩效目标, each with the reasons it was suggested.
 */
export function RecommendationPanel({
  year,
  layout,
  classNames,
  project,
  limit = 30,
  renderAction,
  initialClassName = null,
  initialGoal = '',
}: RecommendationPanelProps) {
  const fixedProject = project !== undefined;
  const projects = useCall('projects.list', fixedProject ? null : { year });
  const [projectId, setProjectId] = useState<string | null>(null);
  const [className, setClassName] = useState<string | null>(initialClassName);
  const [goal, setGoal] = useState(initialGoal);
  const [settledGoal] = useDebouncedValue(goal, 300);

  const projectName = fixedProject ? (project?.name ?? '') : (projects.data?.find((p) => String(p.id) === projectId)?.name ?? '');
  const text = [projectName, settledGoal.trim()].filter(Boolean).join('\n');
  const input: CallInput<'indicators.recommend'> | null = text || className ? { className, text, limit } : null;
  const recommended = useCall('indicators.recommend', input);

  const projectOptions = useMemo(() => {
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const p of projects.data ?? []) {
      const items = groups.get(p.departmentName) ?? [];
      items.push({ value: String(p.id), label: p.name });
      groups.set(p.departmentName, items);
    }
    return [...groups].map(([group, items]) => ({ group, items }));
  }, [projects.data]);

  const rows = input ? (recommended.data ?? []) : [];
  const mandatory = rows.filter((r) => r.reasons.includes('本类必选指标')).length;

  return (
    <Stack gap="sm">
      {projects.error && <LoadError error={projects.error} onRetry={projects.reload} />}
      <SimpleGrid cols={fixedProject ? 1 : 2}>
        {!fixedProject && (
          <Select
            label="项目"
            placeholder={projects.data ? `从 ${year} 年度的 ${projects.data.length} 个项目中选择，可输入名称查找` : '正在读取项目…'}
            searchable
            clearable
            nothingFoundMessage="没有这个项目"
            data={projectOptions}
            value={projectId}
            onChange={setProjectId}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <Select
          label="指标类别"
          placeholder="自动判断（按项目用词）"
          description={fixedProject ? undefined : '不选则按项目用词判断类别'}
          searchable
          clearable
          data={[...classNames]}
          value={className}
          onChange={setClassName}
        />
      </SimpleGrid>
      <Textarea
        label="绩效目标（可选）"
        description="可填写项目的总体目标或主要内容，推荐会参考其中的用词"
        placeholder="如：全年举办基层干部培训班 6 期，培训 600 人次，参训人员满意度达到 90% 以上"
        autosize
        minRows={2}
        maxRows={5}
        value={goal}
        onChange={(e) => setGoal(e.currentTarget.value)}
      />
      {recommended.error && <LoadError error={recommended.error} onRetry={recommended.reload} />}
      {!input ? (
        <Text c="dimmed" fz="sm" py="md">
          {fixedProject
            ? '填写绩效目标或选择指标类别后，显示推荐的共性指标。'
            : '选择一个项目（或填写绩效目标），按项目的类别和用词推荐共性指标。'}
        </Text>
      ) : (
        <>
          <Group gap="xs">
            <Text role="status" aria-label="推荐结果" fw={500} fz="sm">
              {recommended.data === null
                ? '正在推荐…'
                : rows.length
                  ? `${projectName ? `按“${projectName}”` : '按所填内容'}推荐 ${rows.length} 条指标${mandatory ? `，其中本类必选 ${mandatory} 条` : ''}，按相关程度排列`
                  : '没有找到相符的指标。可选择指标类别，或在绩效目标中补充项目的主要内容。'}
            </Text>
            {recommended.loading && <Loader size="xs" aria-label="正在推荐" />}
          </Group>
          {rows.length > 0 && <RecommendationTable rows={rows} layout={layout} renderAction={renderAction} />}
        </>
      )}
    </Stack>
  );
}

function RecommendationTable({
  rows,
  layout,
  renderAction,
}: {
  rows: Recommendation[];
  layout: IndicatorLayout;
  renderAction?: (r: Recommendation) => ReactNode;
}) {
  return (
    <Table striped aria-label="推荐指标" verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={48} style={{ whiteSpace: 'nowrap' }}>
            序号
          </Table.Th>
          <Table.Th>三级指标</Table.Th>
          <Table.Th style={{ whiteSpace: 'nowrap' }}>类别</Table.Th>
          <Table.Th style={{ whiteSpace: 'nowrap' }}>一级 / 二级</Table.Th>
          <Table.Th miw={260}>推荐理由</Table.Th>
          {renderAction && <Table.Th />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r, i) => {
          const place = placeIndicator(r.indicator.level1, r.indicator.level2, layout);
          return (
            <Table.Tr key={r.indicator.id}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td fw={500}>{r.indicator.name}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.indicator.className}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }} fz="xs">
                {place.level1} / {place.level2}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {r.reasons.map((reason) => (
                    <Badge
                      key={reason}
                      size="sm"
                      variant="light"
                      color={reason === '本类必选指标' ? 'orange' : reason.startsWith('与项目用词') ? 'teal' : 'blue'}
                      style={{ textTransform: 'none' }}
                    >
                      {reason}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              {renderAction && <Table.Td>{renderAction(r)}</Table.Td>}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
