import { Badge, Button, Group, Paper, Radio, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { RoundRow } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { notifyFailed } from '../exchange/notifyFile';
import { RoundFormModal } from './RoundFormModal';
import { SCOPE_LABELS } from './monitoringView';
import { formatPercent } from '../../electron/rules/numberFormat';
import { timeProgress } from '../../electron/rules/warningLines';

interface RoundsCardProps {
  year: number;
  rounds: RoundRow[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  onChanged: (selectId?: number) => void;
}

/** The year's monitoring rounds: pick one to work on; add, edit, or fill in the rule set's defaults. */
export function RoundsCard({ year, rounds, selectedId, onSelect, onChanged }: RoundsCardProps) {
  const [editing, setEditing] = useState<RoundRow | 'new' | null>(null);
  const [busy, setBusy] = useState(false);

  async function createDefaults() {
    setBusy(true);
    const result = await ledger.monitoring.createDefaultRounds({ year });
    setBusy(false);
    if (!result.ok) return notifyFailed('未能补建默认轮次', result.error);
    const added = result.value.length - rounds.length;
    notifications.show({
      color: added > 0 ? 'green' : 'gray',
      title: '按规则补建默认轮次',
      message: added > 0 ? `已补建 ${added} 个轮次。` : '本年度的默认轮次都已存在，无需补建。',
    });
    onChanged();
  }

  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" mb="xs">
        <Title order={4}>监控轮次</Title>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => void createDefaults()} loading={busy}>
            按规则补建默认轮次
          </Button>
          <Button size="xs" onClick={() => setEditing('new')}>
            新增轮次
          </Button>
        </Group>
      </Group>
      <Radio.Group value={selectedId === null ? null : String(selectedId)} onChange={(v) => onSelect(Number(v))} aria-label="选择监控轮次">
        <Table fz="sm" highlightOnHover aria-label="监控轮次" tabularNums>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40} />
              <Table.Th>轮次名称</Table.Th>
              <Table.Th>监控对象</Table.Th>
              <Table.Th>截止月份</Table.Th>
              <Table.Th>序时进度</Table.Th>
              <Table.Th>报送截止日期</Table.Th>
              <Table.Th w={80} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rounds.map((r) => (
              <Table.Tr
                key={r.id}
                style={{ cursor: 'pointer' }}
                bg={r.id === selectedId ? 'blue.0' : undefined}
                onClick={() => onSelect(r.id)}
              >
                <Table.Td>
                  <Radio value={String(r.id)} aria-label={r.name} />
                </Table.Td>
                <Table.Td fw={r.id === selectedId ? 600 : undefined}>{r.name}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={r.scope === 'project' ? 'blue' : 'grape'}>
                    {SCOPE_LABELS[r.scope]}
                  </Badge>
                </Table.Td>
                <Table.Td>{r.asOfMonth} 月底</Table.Td>
                <Table.Td>{formatPercent(timeProgress(r.asOfMonth))}</Table.Td>
                <Table.Td>{r.dueDate}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={(e) => {
                      e.stopPropagation();
                      setEditing(r);
                    }}
                  >
                    修改
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
            {rounds.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text c="dimmed" ta="center" py="md">
                    本年度还没有监控轮次。点击“按规则补建默认轮次”（5月、8月项目监控，6月部门整体监控），或“新增轮次”。
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Radio.Group>
      {editing !== null && (
        <RoundFormModal
          year={year}
          round={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            notifications.show({ color: 'green', title: '已保存监控轮次', message: saved.name });
            onChanged(saved.id);
          }}
        />
      )}
    </Paper>
  );
}
