import { Badge, Button, NavLink, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import type { IndicatorClassRow } from '../../electron/bridge/contract';

interface ClassListProps {
  classes: IndicatorClassRow[];
  /** null is 全部. */
  selected: number | null;
  onSelect: (classId: number | null) => void;
  onAddClass: () => void;
}

/** The library's classes down the left, each with its count of active indicators. */
export function ClassList({ classes, selected, onSelect, onAddClass }: ClassListProps) {
  const total = classes.reduce((n, c) => n + c.activeCount, 0);
  return (
    <Paper withBorder p={4} w={236} style={{ flexShrink: 0 }}>
      <Stack gap={4}>
        <Text size="xs" c="dimmed" px="xs" pt={4}>
          指标类别（{classes.length} 类）
        </Text>
        <ScrollArea.Autosize mah="calc(100vh - 260px)" type="auto" offsetScrollbars>
          <nav aria-label="指标类别">
            <ClassLink label="全部" count={total} active={selected === null} onClick={() => onSelect(null)} />
            {classes.map((c) => (
              <ClassLink
                key={c.id}
                label={c.name}
                count={c.activeCount}
                retired={c.retiredCount}
                active={selected === c.id}
                onClick={() => onSelect(c.id)}
              />
            ))}
          </nav>
        </ScrollArea.Autosize>
        <Button variant="subtle" size="compact-sm" onClick={onAddClass}>
          新增类别
        </Button>
      </Stack>
    </Paper>
  );
}

function ClassLink({
  label,
  count,
  retired = 0,
  active,
  onClick,
}: {
  label: string;
  count: number;
  retired?: number;
  active: boolean;
  onClick: () => void;
}) {
  const title = `${label}：启用 ${count} 条${retired ? `，停用 ${retired} 条` : ''}`;
  return (
    <NavLink
      component="button"
      label={label}
      title={title}
      aria-label={title}
      active={active}
      aria-current={active ? 'true' : undefined}
      onClick={onClick}
      py={5}
      rightSection={
        <Badge size="sm" variant={active ? 'filled' : 'light'} color={count ? 'blue' : 'gray'} aria-hidden>
          {count}
        </Badge>
      }
    />
  );
}
