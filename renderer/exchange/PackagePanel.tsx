import { Alert, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { PackageResult } from '../../electron/bridge/contract';
import { formatFileSize } from '../../electron/rules/numberFormat';
import { formatLocalTime } from '../../electron/rules/localTime';
import { callLedger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { LoadError } from '../common/LoadError';
import { FolderField, JobProgress, JobRefusal } from './JobProgress';
import { useJob } from './useJob';

/**
 * 导出到U盘: tick what goes (all by default; the ledger snapshot as well), choose an empty folder on the
 * stick, follow the progress, then see each file as read back from the stick.
 */
export function PackagePanel({ year }: { year: number }) {
  const kinds = useCall('exchange.packageKinds', {});
  /** The clerk's ticks where they differ from each kind's default. */
  const [ticks, setTicks] = useState<Record<string, boolean>>({});
  const [snapshot, setSnapshot] = useState(true);
  const job = useJob();

  if (kinds.error) return <LoadError error={kinds.error} onRetry={kinds.reload} />;
  const options = kinds.data?.kinds ?? [];
  const chosen = options.filter((o) => ticks[o.kind] ?? o.byDefault).map((o) => o.kind);
  const choose = (values: string[]) => {
    setTicks(Object.fromEntries(options.map((o) => [o.kind, values.includes(o.kind)])));
    setSnapshot(values.includes('snapshot'));
  };
  const result = job.view?.result?.kind === 'package' ? job.view.result.value : null;

  return (
    <Stack gap="md">
      <Text fz="sm" c="dimmed" maw={900}>
        把 {year}{' '}
        年度的报表和工作簿写入U盘上的一个空文件夹，附清单（文件名、大小、SHA-256），写完从U盘逐个读回核对。台账快照是整个台账的一致性副本（不是直接复制正在使用的台账文件），可在另一台电脑上用“设置
        → 恢复”打开。
      </Text>
      <Checkbox.Group label="导出内容" value={[...chosen, ...(snapshot ? ['snapshot'] : [])]} onChange={choose}>
        <Group gap="lg" mt={6}>
          {options.map((o) => (
            <Checkbox key={o.kind} value={o.kind} label={o.label} />
          ))}
          {kinds.data && <Checkbox value="snapshot" label={kinds.data.snapshotLabel} />}
        </Group>
      </Checkbox.Group>
      <FolderField job={job} purpose="export" />
      <Group>
        <Button
          loading={job.starting}
          disabled={job.running || !kinds.data}
          onClick={() => void job.startInFolder(() => callLedger('exchange.packageStart', { year, kinds: chosen, snapshot }))}
        >
          选择文件夹并导出…
        </Button>
      </Group>
      <JobProgress job={job} what="导出到U盘" />
      <JobRefusal job={job} title="未能导出到U盘" />
      {result && <PackageOutcome result={result} />}
    </Stack>
  );
}

function PackageOutcome({ result }: { result: PackageResult }) {
  const failed = new Map(result.failed.map((f) => [f.name, f.reason]));
  return (
    <Stack gap="sm" component="section" aria-label="导出结果">
      {result.failed.length === 0 ? (
        <Alert color="green" title={`已导出到 ${result.folder}`}>
          {result.files.length} 个文件和清单（清单.json、清单.txt），已从U盘读回每个文件并核对 SHA-256：全部一致。导出时间{' '}
          {formatLocalTime(result.manifest.exportedAt)}，已记入操作记录。
        </Alert>
      ) : (
        <Alert color="red" title={`读回核对不一致：${result.failed.length} 个文件`} role="alert">
          {result.failed.map((f) => `${f.name}：${f.reason}`).join('；')}。请换一个U盘或文件夹重新导出。
        </Alert>
      )}
      <Table striped withTableBorder fz="sm" aria-label="导出的文件">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>内容</Table.Th>
            <Table.Th>文件名</Table.Th>
            <Table.Th ta="right">大小</Table.Th>
            <Table.Th>读回核对</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.files.map((f) => (
            <Table.Tr key={f.name}>
              <Table.Td>{f.label}</Table.Td>
              <Table.Td>{f.name}</Table.Td>
              <Table.Td ta="right">{formatFileSize(f.sizeBytes)}</Table.Td>
              <Table.Td c={failed.has(f.name) ? 'red.8' : 'green.8'}>{failed.get(f.name) ?? '读回核对一致'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {result.skipped.length > 0 && (
        <Alert color="yellow" title={`未导出 ${result.skipped.length} 项（没有可导出的数据）`}>
          {result.skipped.map((s) => (
            <div key={s.kind}>
              {s.label}：{s.reason}
            </div>
          ))}
        </Alert>
      )}
    </Stack>
  );
}
