import { List, Loader, Text } from '@mantine/core';
import { TARGET_STATUS } from '../../electron/rules/jointReview';
import { useCall } from '../bridge/useCall';
import { LoadError } from '../common/LoadError';
import type { TargetStatus } from '../../electron/bridge/contract';

/** 使用情况: which targets use this indicator, and the wording they keep when the library's has changed since. */
export function IndicatorUsage({ id }: { id: number }) {
  const usage = useCall('indicators.usage', { id });
  if (usage.error) return <LoadError error={usage.error} onRetry={usage.reload} />;
  if (!usage.data) return <Loader size="sm" aria-label="正在读取使用情况" />;
  if (usage.data.length === 0) {
    return (
      <Text c="dimmed" fz="sm">
        尚无绩效目标使用该指标。
      </Text>
    );
  }
  return (
    <List size="sm" spacing={4} aria-label="使用该指标的绩效目标">
      {usage.data.map((u) => (
        <List.Item key={u.targetId}>
          {u.year} 年 · {u.subjectName}（{u.unitName}，{TARGET_STATUS[u.status as TargetStatus] ?? u.status}）
          {u.keptName && (
            <Text span c="orange.8" fz="sm">
              　目标中保留原名“{u.keptName}”
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}
