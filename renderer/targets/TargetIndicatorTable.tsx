import { Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { groupRows, type DraftIndicator } from './targetDraft';
import { LastYearCell } from './LastYearTable';
import { type IndicatorLayout, NATURES } from '../../electron/bridge/contract';
import type { TargetPeriod } from '../../electron/bridge/contract';

interface TargetIndicatorTableProps {
  rows: DraftIndicator[];
  period: TargetPeriod;
  layout: IndicatorLayout;
  readOnly: boolean;
  /** The bridge's messages by key (`indicators.3.value`). */
  errors: Record<string, string>;
  onChange: (index: number, patch: Partial<DraftIndicator>) => void;
  onRemove: (index: number) => void;
  /** 纳入指标库, offered on saved 个性 rows; null when the form has unsaved changes. */
  onPromote: ((row: DraftIndicator) => void) | null;
}

/**
 * The 申报表's indicator table: 一级 and 二级 as merged cells in the year's layout, one row per 三级.
 * A common indicator keeps the library's wording (only its value is the unit's); a 个性 one is typed.
 */
export function TargetIndicatorTable({ rows, period, layout, readOnly, errors, onChange, onRemove, onPromote }: TargetIndicatorTableProps) {
  const groups = groupRows(rows, period, layout);
  // 上年实际 only where the ledger knows it: a continuing project's annual indicators.
  const lastYear = rows.some((r) => r.period === period && r.lastYearActual);
  // A 一级 cell spans the rows of its consecutive 二级 groups; later groups of the run show none.
  const level1Spans = groups.map(() => 0);
  let runStart = 0;
  groups.forEach((g, gi) => {
    if (gi > 0 && groups[gi - 1]!.level1 === g.level1) level1Spans[runStart]! += g.indexes.length;
    else {
      runStart = gi;
      level1Spans[gi] = g.indexes.length;
    }
  });

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table withTableBorder withColumnBorders verticalSpacing={4} aria-label={period === 'annual' ? '年度绩效指标' : '中期绩效指标'}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={84}>一级指标</Table.Th>
            <Table.Th w={96}>二级指标</Table.Th>
            <Table.Th>三级指标</Table.Th>
            <Table.Th w={84}>性质</Table.Th>
            <Table.Th w={124}>指标值</Table.Th>
            <Table.Th w={88}>计量单位</Table.Th>
            {lastYear && (
              <Table.Th w={150} title="上年度同一项目已审核的自评表中的实际完成值">
                上年实际
              </Table.Th>
            )}
            <Table.Th w={60}>类型</Table.Th>
            {!readOnly && <Table.Th w={128}>操作</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.flatMap((group, gi) =>
            group.indexes.map((index, k) => {
              const row = rows[index]!;
              const at = (field: string) => errors[`indicators.${index}.${field}`];
              const own = row.libraryIndicatorId === null;
              const span1 = k === 0 ? (level1Spans[gi] ?? 0) : 0;
              return (
                <Table.Tr key={row.key} aria-label={row.name || `第 ${index + 1} 个指标`}>
                  {span1 > 0 && (
                    <Table.Td rowSpan={span1} fw={500} style={{ verticalAlign: 'top' }}>
                      {group.level1 || '（未选一级）'}
                    </Table.Td>
                  )}
                  {k === 0 && (
                    <Table.Td rowSpan={group.indexes.length} style={{ verticalAlign: 'top' }}>
                      {group.level2 || '（未选二级）'}
                    </Table.Td>
                  )}
                  <Table.Td>
                    {own && !readOnly ? (
                      <TextInput
                        size="xs"
                        aria-label={`三级指标名称 第 ${index + 1} 行`}
                        value={row.name}
                        onChange={(e) => onChange(index, { name: e.currentTarget.value })}
                        error={at('name')}
                      />
                    ) : (
                      <Stack gap={2}>
                        <Text fz="sm">{row.name}</Text>
                        {row.libraryNameNow && (
                          <Text fz="xs" c="orange.8">
                            指标库现名为“{row.libraryNameNow}”（本目标保留选用时的名称）
                          </Text>
                        )}
                        {at('name') && (
                          <Text fz="xs" c="red" role="alert">
                            {at('name')}
                          </Text>
                        )}
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {own && !readOnly ? (
                      <Select
                        size="xs"
                        aria-label={`性质 第 ${index + 1} 行`}
                        allowDeselect={false}
                        data={[...NATURES]}
                        value={row.nature}
                        onChange={(v) => v && onChange(index, { nature: v as DraftIndicator['nature'] })}
                        error={at('nature')}
                      />
                    ) : (
                      <Text fz="sm">{row.nature}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {readOnly ? (
                      <Text fz="sm">{row.value || '—'}</Text>
                    ) : (
                      <TextInput
                        size="xs"
                        aria-label={`指标值 ${row.name || `第 ${index + 1} 行`}`}
                        placeholder={row.hint ? `参考：${row.hint}` : undefined}
                        value={row.value}
                        onChange={(e) => onChange(index, { value: e.currentTarget.value })}
                        error={at('value')}
                      />
                    )}
                  </Table.Td>
                  <Table.Td>
                    {own && !readOnly ? (
                      <TextInput
                        size="xs"
                        aria-label={`计量单位 第 ${index + 1} 行`}
                        value={row.unit}
                        onChange={(e) => onChange(index, { unit: e.currentTarget.value })}
                        error={at('unit')}
                      />
                    ) : (
                      <Text fz="sm">{row.unit || '—'}</Text>
                    )}
                  </Table.Td>
                  {lastYear && (
                    <Table.Td>
                      <LastYearCell row={{ ...row, unit: row.unit || null }} />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Badge size="sm" variant="light" color={own ? 'grape' : 'blue'} title={own ? '项目特有的个性指标' : '来自共性指标库'}>
                      {own ? '个性' : '共性'}
                    </Badge>
                  </Table.Td>
                  {!readOnly && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          aria-label={`删除 ${row.name || `第 ${index + 1} 行`}`}
                          onClick={() => onRemove(index)}
                        >
                          删除
                        </Button>
                        {own && row.id !== null && (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            disabled={!onPromote}
                            title={onPromote ? '把这个个性指标加入共性指标库' : '请先保存修改'}
                            onClick={() => onPromote?.(row)}
                          >
                            纳入指标库
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            }),
          )}
          {groups.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={(readOnly ? 7 : 8) + (lastYear ? 1 : 0)}>
                <Text c="dimmed" ta="center" py="md" fz="sm">
                  {period === 'annual' ? '还没有年度绩效指标。' : '还没有中期绩效指标。'}
                  {!readOnly && '点击“从指标库添加”选取共性指标，项目特有的指标用“添加个性指标”。'}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
