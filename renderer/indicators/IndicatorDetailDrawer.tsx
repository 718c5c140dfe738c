import { Alert, Badge, Button, DataList, Divider, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { PlacedIndicator } from './indicatorListView';
import { keywordList, SCOPE_LABELS } from './indicatorLabels';
import { IndicatorUsage } from './IndicatorUsage';
import type { IndicatorLayout } from '../../electron/bridge/contract';

interface IndicatorDetailDrawerProps {
  indicator: PlacedIndicator | null;
  layout: IndicatorLayout;
  busy: boolean;
  onClose: () => void;
  onEdit: () => void;
  onToggleMandatory: () => void;
  onRetire: () => void;
  onReinstate: () => void;
}

/** Everything the library records about one indicator, and what can be done with it. */
export function IndicatorDetailDrawer({
  indicator,
  layout,
  busy,
  onClose,
  onEdit,
  onToggleMandatory,
  onRetire,
  onReinstate,
}: IndicatorDetailDrawerProps) {
  const row = indicator?.row;
  return (
    <Drawer
      opened={indicator !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={<Title order={4}>指标详情</Title>}
      aria-label="指标详情"
    >
      {indicator && row && (
        <Stack gap="md">
          <div>
            <Title order={3} td={indicator.retired ? 'line-through' : undefined}>
              {row.name}
            </Title>
            <Group gap={6} mt={6}>
              <Badge variant="light">{row.className}</Badge>
              {row.mandatory && (
                <Badge color="orange" variant="light">
                  本类必选
                </Badge>
              )}
              <Badge color="grape" variant="light">
                {SCOPE_LABELS[row.scope]}
              </Badge>
              {indicator.retired ? (
                <Badge color="red">已停用</Badge>
              ) : (
                <Badge color="teal" variant="light">
                  启用中
                </Badge>
              )}
            </Group>
          </div>
          {indicator.retired && (
            <Alert color="red" variant="light" title={`已于 ${formatDate(row.retiredAt)} 停用`}>
              停用的指标不再出现在推荐和选择中；已经使用它的绩效目标仍保留它。需要时可“恢复启用”。
            </Alert>
          )}
          <DataList labelWidth={130} withDivider aria-label="指标信息">
            <Item label="类别" value={row.className} />
            <Item label="一级指标" value={indicator.level1} />
            <Item
              label="二级指标"
              value={
                <>
                  {indicator.level2}
                  {layout === 'four' && indicator.level2 !== row.level2 && (
                    <Text span c="dimmed" fz="xs">
                      {' '}
                      （四分法；指标库按三分法记为 {row.level1} / {row.level2}）
                    </Text>
                  )}
                </>
              }
            />
            <Item label="指标性质" value={row.nature} />
            <Item label="计量单位" value={row.unit ?? (row.nature === '定性' ? '（定性指标，无计量单位）' : '—')} />
            <Item label="指标解释/计算方法" value={row.explanation ?? '—'} />
            <Item label="绩效标准" value={row.standard ?? '—'} />
            <Item label="参考值" value={row.referenceHint ?? '—'} />
            <Item
              label="关键词"
              value={
                keywordList(row.keywords).length ? (
                  <Group gap={4}>
                    {keywordList(row.keywords).map((k) => (
                      <Badge key={k} size="sm" variant="outline" color="gray">
                        {k}
                      </Badge>
                    ))}
                  </Group>
                ) : (
                  '—'
                )
              }
            />
            <Item label="必选" value={row.mandatory ? '是（该类项目的绩效目标须选用）' : '否'} />
            <Item label="年度/总体" value={SCOPE_LABELS[row.scope]} />
            <Item label="状态" value={indicator.retired ? `已停用（${formatDate(row.retiredAt)}）` : '启用'} />
          </DataList>
          <Divider label="使用情况" labelPosition="left" />
          <IndicatorUsage id={row.id} />
          <Divider />
          <Group gap="sm">
            <Button variant="default" onClick={onEdit}>
              修改
            </Button>
            <Button variant="light" color="orange" loading={busy} onClick={onToggleMandatory}>
              {row.mandatory ? '取消必选' : '设为必选'}
            </Button>
            {indicator.retired ? (
              <Button color="teal" loading={busy} onClick={onReinstate}>
                恢复启用
              </Button>
            ) : (
              <Button variant="light" color="red" onClick={onRetire}>
                停用
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Drawer>
  );
}

function Item({ label, value }: { label: string; value: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{value}</DataList.ItemValue>
    </DataList.Item>
  );
}

function formatDate(iso: string | null): string {
  return iso ? dayjs(iso).format('YYYY年M月D日') : '';
}
