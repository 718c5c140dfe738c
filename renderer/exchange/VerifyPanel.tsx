import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import type { PackageCheck } from '../../electron/bridge/contract';
import { formatLocalTime } from '../../electron/rules/localTime';
import { callLedger } from '../bridge/client';
import { FolderField, JobProgress, JobRefusal } from './JobProgress';
import { useJob } from './useJob';

/** 校验U盘文件: a package folder against its 清单 — 完整, or each missing, changed and extra file. */
export function VerifyPanel() {
  const job = useJob();
  const check = job.view?.result?.kind === 'verify' ? job.view.result.value : null;
  return (
    <Stack gap="md">
      <Text fz="sm" c="dimmed" maw={900}>
        选择“导出到U盘”生成的文件夹（在任何装有本程序的电脑上都可以），按其中的清单核对每个文件的大小和 SHA-256。只读取文件，不读写台账。
      </Text>
      <FolderField job={job} purpose="import" />
      <Group>
        <Button
          loading={job.starting}
          disabled={job.running}
          onClick={() => void job.startInFolder(() => callLedger('exchange.verifyStart', {}))}
        >
          选择文件夹并校验…
        </Button>
      </Group>
      <JobProgress job={job} what="校验" />
      <JobRefusal job={job} title="未能校验" />
      {check && (
        <section aria-label="校验结果">
          <VerifyOutcome check={check} />
        </section>
      )}
    </Stack>
  );
}

function VerifyOutcome({ check }: { check: PackageCheck }) {
  const m = check.manifest;
  const about = m
    ? `${m.year} 年度，${formatLocalTime(m.exportedAt)} 由 ${m.exportedBy} 从 ${m.ledgerId} 导出，清单列有 ${m.fileCount} 个文件。`
    : '';
  if (check.problem)
    return (
      <Alert color="red" title="无法校验" role="alert">
        {check.problem}
      </Alert>
    );
  if (check.complete)
    return (
      <Alert color="green" title="完整">
        {check.messages[0]} {about}
      </Alert>
    );
  const list = (title: string, items: string[]) =>
    items.length > 0 && (
      <Stack gap={4}>
        <Text fw={600} fz="sm" c="red.8">
          {title}（{items.length} 个）
        </Text>
        <List fz="sm" spacing={2}>
          {items.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
      </Stack>
    );
  return (
    <Alert color="red" title="不完整：文件夹与清单不一致">
      <Stack gap="sm">
        <Text fz="sm">{about}</Text>
        {list('缺少的文件', check.missing)}
        {list(
          '不一致的文件',
          check.changed.map((c) => `${c.name}：${c.reason}`),
        )}
        {list('多出的文件（清单中没有）', check.extra)}
        <Text fz="sm">请从原电脑重新导出到U盘，或重新拷贝上面列出的文件。</Text>
      </Stack>
    </Alert>
  );
}
