import { Button, Group, Loader, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { RememberedMatchRow } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import type { Loaded } from '../bridge/useCall';
import { EmptyRow } from '../common/EmptyRow';
import { formatTime } from '../common/formatTime';
import { LoadError } from '../common/LoadError';
import { notifyFailed } from '../exchange/notifyFile';

interface RememberedMatchesModalProps {
  year: number;
  /** The year's remembered matches (`execution.rememberedMatches`), read by the panel for its button. */
  matches: Loaded<RememberedMatchRow[]>;
  onClose: () => void;
}

/**
 * 记住的手工对应: the year's rows of the platform's export that were matched to a project by hand and
 * are matched the same way in later imports. A wrong one (or one whose project was renamed) can be
 * forgotten, after a confirmation in the dialog itself (the list stays in view); the next import then
 * lists that row as unmatched and asks again.
 */
export function RememberedMatchesModal({ year, matches, onClose }: RememberedMatchesModalProps) {
  const [forgetting, setForgetting] = useState<RememberedMatchRow | null>(null);
  const [busy, setBusy] = useState(false);

  async function forget(m: RememberedMatchRow) {
    setBusy(true);
    const result = await ledger.execution.forgetMatch({ id: m.id });
    setBusy(false);
    if (!result.ok) return notifyFailed('未能忘记这条对应', result.error);
    notifications.show({
      color: 'green',
      title: '已忘记手工对应',
      message: `执行数据中“${m.unitName}”的“${m.projectName}”不再自动对应到“${m.matchedProjectName}”，下次导入时会请你重新选择。`,
    });
    setForgetting(null);
    matches.reload();
  }

  const rows = matches.data ?? [];
  return (
    <Modal opened onClose={onClose} title={`记住的手工对应 · ${year} 年度`} size="80%">
      <Stack gap="sm">
        <Text fz="sm" c="dimmed">
          导入执行数据时，按代码和名称都对不上、由你手工指定项目的行，会按“预算单位 +
          项目名称”记住，本年度以后的导入自动沿用。对应错了或项目改了名称，可以在这里忘记，下次导入时该行会重新列为未匹配。
        </Text>
        {matches.error && <LoadError error={matches.error} onRetry={matches.reload} />}
        {forgetting && (
          <ForgetConfirm match={forgetting} busy={busy} onCancel={() => setForgetting(null)} onConfirm={() => void forget(forgetting)} />
        )}
        {!matches.data && !matches.error ? (
          <Loader aria-label="正在读取记住的手工对应" />
        ) : (
          <Table.ScrollContainer minWidth={800} maxHeight={480}>
            <Table striped highlightOnHover fz="sm" aria-label="记住的手工对应">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>执行数据中的预算单位</Table.Th>
                  <Table.Th>执行数据中的项目名称</Table.Th>
                  <Table.Th>对应的台账项目</Table.Th>
                  <Table.Th>项目所属单位</Table.Th>
                  <Table.Th w={200}>记住于</Table.Th>
                  <Table.Th w={90}>操作</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((m) => {
                  const code = m.matchedProjectCode;
                  const asked = forgetting?.id === m.id;
                  return (
                    <Table.Tr
                      key={m.id}
                      bg={asked ? 'var(--mantine-color-red-light)' : undefined}
                      aria-current={asked ? 'true' : undefined}
                    >
                      <Table.Td>{m.unitName}</Table.Td>
                      <Table.Td>{m.projectName}</Table.Td>
                      <Table.Td>
                        {code && (
                          <>
                            <Text span fz="xs" c="dimmed">
                              {code}
                            </Text>{' '}
                          </>
                        )}
                        {m.matchedProjectName}
                      </Table.Td>
                      <Table.Td>{m.matchedUnitName}</Table.Td>
                      <Table.Td>
                        {formatTime(m.rememberedAt)}
                        {m.rememberedFrom && (
                          <Text fz="xs" c="dimmed">
                            导入 {m.rememberedFrom} 时
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          aria-label={`忘记“${m.projectName}”的对应`}
                          disabled={busy}
                          onClick={() => setForgetting(m)}
                        >
                          忘记
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
                {rows.length === 0 && (
                  <EmptyRow colSpan={6}>尚无记住的手工对应。导入执行数据时手工指定的对应会记在这里，下次导入自动沿用。</EmptyRow>
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            关闭
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** 忘记 asks first, above the list: what the row is matched to now, and that the next import asks again. */
function ForgetConfirm({
  match,
  busy,
  onCancel,
  onConfirm,
}: {
  match: RememberedMatchRow;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      role="group"
      aria-labelledby="forget-match-title"
      style={{ borderColor: 'var(--mantine-color-red-4)' }}
    >
      <Stack gap={6}>
        <Text id="forget-match-title" fw={600} c="red.8">
          忘记这条手工对应？
        </Text>
        <Text fz="sm">
          执行数据中预算单位“{match.unitName}”的“{match.projectName}”，现在自动对应到台账项目“{match.matchedProjectName}”（
          {match.matchedUnitName}）。
        </Text>
        <Text fz="sm">
          忘记后，<b>下次导入执行数据时会重新询问</b>这一行对应哪个项目（列为未匹配，请你重新选择）。本轮及以前已导入的执行数据不受影响。
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" onClick={onCancel} disabled={busy}>
            取消
          </Button>
          <Button size="xs" color="red" loading={busy} onClick={onConfirm}>
            确认忘记
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
