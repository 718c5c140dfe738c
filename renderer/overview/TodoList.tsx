import { Anchor, Group, Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import type { OverviewTodo, OverviewTodoId, RecordRef } from '../../electron/bridge/contract';
import type { AreaId } from '../shell/areas';

/** Where each to-do is worked off: the area a link under it opens. */
const WORKED_IN: Record<OverviewTodoId, { area: AreaId; label: string }> = {
  projectsWithoutTargets: { area: 'projects', label: '去填报绩效目标' },
  targetsPending: { area: 'projects', label: '去会审' },
  redWarnings: { area: 'monitoring', label: '去看预警清单' },
  notices: { area: 'rectification', label: '去处理整改通知' },
  keyEvaluations: { area: 'keyEvaluation', label: '去重点评价' },
  selfEvaluations: { area: 'selfEvaluation', label: '去审核自评' },
};

interface TodoListProps {
  todos: OverviewTodo[];
  onOpen: (title: string, records: RecordRef[]) => void;
}

/** The year's to-dos as cards: a count that opens its records, and a link to where the work is done. */
export function TodoList({ todos, onOpen }: TodoListProps) {
  return (
    <SimpleGrid cols={3} spacing="sm">
      {todos.map((t) => (
        <TodoCard key={t.id} todo={t} onOpen={onOpen} />
      ))}
    </SimpleGrid>
  );
}

function TodoCard({ todo: t, onOpen }: { todo: OverviewTodo; onOpen: TodoListProps['onOpen'] }) {
  const owed = t.count > 0;
  const body = (
    <Stack gap={2}>
      <Text fz="sm" fw={500}>
        {t.label}
      </Text>
      <Group gap={4} align="baseline" wrap="nowrap">
        <Text fz={28} fw={700} c={owed ? 'red.7' : 'teal.7'} style={{ whiteSpace: 'nowrap' }}>
          {t.count}
        </Text>
        <Text fz="sm">{t.unit}</Text>
      </Group>
      <Text fz="xs" c="dimmed" lineClamp={2}>
        {t.note}
      </Text>
    </Stack>
  );
  const worked = WORKED_IN[t.id];
  return (
    <Paper withBorder p="sm" bg={owed ? undefined : 'gray.0'} role="group" aria-label={t.label}>
      {owed ? (
        <UnstyledButton
          w="100%"
          aria-label={`${t.label} ${t.count} ${t.unit}，查看记录`}
          onClick={() => onOpen(`${t.label}：${t.count} ${t.unit}`, t.records)}
        >
          {body}
        </UnstyledButton>
      ) : (
        body
      )}
      {owed && (
        <Anchor href={`#/${worked.area}`} fz="xs" mt={4} display="inline-block">
          {worked.label}
        </Anchor>
      )}
    </Paper>
  );
}
