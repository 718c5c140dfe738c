import { Alert, Button, Group, List, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { BackupFile, LedgerCheck } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { EmptyRow } from '../common/EmptyRow';
import { formatTime } from '../common/formatTime';
import { LoadError } from '../common/LoadError';
import { notifyFailed, notifySaved } from '../exchange/notifyFile';
import { formatBytes } from './LedgerInfoTable';
import { DAILY_SNAPSHOT_DAYS, SNAPSHOT_REASON_LABELS } from '../../electron/rules/snapshotRetention';

/**
 * 备份与恢复: a backup now (kept in the folder beside the ledger and saved where the clerk chooses, e.g. a
 * USB stick), the recent backups, and a restore from one of them after a confirmation that says what is
 * replaced. After a restore the page reloads, so every screen reads the restored ledger.
 */
export function BackupPanel({ ledgerFileName }: { ledgerFileName: string }) {
  const list = useCall('backups.list', {});
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<BackupFile | null>(null);

  async function backupNow() {
    setBusy(true);
    const result = await ledger.backups.create({});
    setBusy(false);
    list.reload();
    if (!result.ok) return notifyFailed('备份未完成', result.error);
    const { saved, summary } = result.value;
    if (saved) notifySaved('备份完成', saved.savedAs, `已存入备份文件夹（${summary.name}，${formatBytes(summary.sizeBytes)}），并另存一份`);
    else notifications.show({ color: 'green', title: '备份完成', message: `已存入备份文件夹：${summary.name}（未另存到其他位置）。` });
  }

  async function restore(backup: BackupFile) {
    setBusy(true);
    const result = await ledger.backups.restore({ name: backup.name });
    setBusy(false);
    if (!result.ok) {
      setRestoring(null);
      return notifyFailed('未能恢复', result.error);
    }
    // Every screen holds data read from the replaced ledger: start afresh on the restored one.
    window.location.reload();
  }

  return (
    <Stack gap="sm">
      <Group>
        <Button onClick={backupNow} loading={busy && restoring === null}>
          立即备份
        </Button>
        <Text fz="sm" c="dimmed">
          备份是台账此刻的完整副本，存入下面的备份文件夹，并可另存到 U 盘等位置。每次导入、恢复和升级之前程序也会自动备份：当天的全部保留，
          {DAILY_SNAPSHOT_DAYS} 天内每天保留最后一份，更早的每月保留最后一份；手动备份一直保留。
        </Text>
      </Group>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : list.data ? (
        <>
          <Text fz="sm">
            备份文件夹：<span style={{ wordBreak: 'break-all' }}>{list.data.folder}</span>（其他位置的备份请先复制到此文件夹再恢复）
          </Text>
          <Table withTableBorder striped fz="sm" aria-label="最近的备份">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>时间</Table.Th>
                <Table.Th w={90}>原因</Table.Th>
                <Table.Th>说明</Table.Th>
                <Table.Th w={100} ta="right">
                  大小
                </Table.Th>
                <Table.Th w={100} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.backups.length === 0 ? (
                <EmptyRow colSpan={5}>还没有备份。请点“立即备份”；导入、恢复之前也会自动备份。</EmptyRow>
              ) : (
                list.data.backups.map((b) => (
                  <Table.Tr key={b.name}>
                    <Table.Td>{formatTime(b.takenAt)}</Table.Td>
                    <Table.Td>{SNAPSHOT_REASON_LABELS[b.reason]}</Table.Td>
                    <Table.Td style={{ wordBreak: 'break-all' }}>
                      {b.detail && <Text fz="sm">{b.detail}</Text>}
                      <Text fz="xs" c="dimmed">
                        {b.name}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{formatBytes(b.sizeBytes)}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="light" color="orange" onClick={() => setRestoring(b)} aria-label={`恢复 ${b.name}`}>
                        恢复…
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </>
      ) : (
        <Loader size="sm" />
      )}
      <Modal opened={restoring !== null} onClose={() => setRestoring(null)} title="从备份恢复台账" size="lg">
        {restoring && (
          <Stack gap="sm">
            <Alert color="orange" title="恢复将替换当前台账">
              当前台账“{ledgerFileName}”的全部内容将被备份“{restoring.name}”（{SNAPSHOT_REASON_LABELS[restoring.reason]}，
              {formatTime(restoring.takenAt)}
              ）替换，此后录入的内容不在其中。 恢复前，当前台账会先另存一份（文件名后加“.替换前-时间”），放在台账旁，恢复错了可以找回。
            </Alert>
            <Text fz="sm">恢复后程序重新读取台账，各页面显示备份中的内容。</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRestoring(null)}>
                取消
              </Button>
              <Button color="orange" loading={busy} onClick={() => void restore(restoring)}>
                确认恢复
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

/** 台账检查: the file's structure, its foreign keys and the audit log's hash chain, on request. */
export function LedgerCheckPanel() {
  const [check, setCheck] = useState<LedgerCheck | null>(null);
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    const result = await ledger.ledger.check({});
    setBusy(false);
    if (!result.ok) return notifyFailed('未能检查台账', result.error);
    setCheck(result.value);
  }

  return (
    <Stack gap="sm">
      <Group>
        <Button variant="light" onClick={run} loading={busy}>
          检查台账
        </Button>
        <Text fz="sm" c="dimmed">
          检查文件结构、记录之间的关联和审计日志哈希链，发现台账是否损坏或在程序之外被改动。
        </Text>
      </Group>
      {check &&
        (check.ok ? (
          <Alert color="green" title="台账完好" role="status">
            文件结构完好，记录之间的关联一致，审计日志 {check.audit.entries} 条，哈希链完整。
          </Alert>
        ) : (
          <Alert color="red" title={`发现 ${check.problems.length} 个问题`} role="alert">
            <List size="sm">
              {check.problems.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          </Alert>
        ))}
    </Stack>
  );
}
