import { Alert, Button, Group, Progress, Stack, Text, TextInput } from '@mantine/core';
import { typesFolders } from '../bridge/httpBridge';
import type { JobRun } from './useJob';

/** A running job: how far it is, the file it is on, and 取消 (heard between two files). */
export function JobProgress({ job, what }: { job: JobRun; what: string }) {
  if (!job.running) return null;
  const view = job.view;
  const percent = view && view.total > 0 ? (view.done * 100) / view.total : 0;
  return (
    <Stack gap={6} role="status" aria-label={`${what}进度`}>
      <Group justify="space-between" wrap="nowrap">
        <Text fz="sm">
          {view?.cancelling
            ? `正在取消${what}：处理完当前文件后停止…`
            : view && view.total > 0
              ? `正在${what}：第 ${view.done} / ${view.total} 步${view.current ? `，${view.current}` : ''}`
              : `正在${what}，请稍候…`}
        </Text>
        <Button size="xs" variant="default" color="red" disabled={!view || view.cancelling} onClick={job.cancel}>
          取消
        </Button>
      </Group>
      <Progress value={percent} animated striped aria-label={`${what}已完成的比例`} />
      {job.folder && (
        <Text fz="xs" c="dimmed">
          文件夹：{job.folder}
        </Text>
      )}
    </Stack>
  );
}

/**
 * Browser host only: the folder typed as a full path (a browser cannot show a folder dialog that tells
 * the page where it is). The desktop app shows its own dialog when the job starts, so shows nothing here.
 */
export function FolderField({ job, purpose }: { job: JobRun; purpose: 'export' | 'import' }) {
  if (!typesFolders()) return null;
  return (
    <TextInput
      label="文件夹的完整路径"
      description={
        purpose === 'export'
          ? '浏览器版不能弹出选择文件夹的窗口，请填写U盘上一个空文件夹或新文件夹的路径，例如 E:\\2023年度报送 或 /media/U盘/2023年度报送'
          : '浏览器版不能弹出选择文件夹的窗口，请填写U盘上文件夹的路径，例如 E:\\单位报送 或 /media/U盘/单位报送'
      }
      value={job.typedFolder}
      onChange={(e) => job.setTypedFolder(e.currentTarget.value)}
      maw={720}
    />
  );
}

/** The start's refusal, or a failed job (a cancelled one in grey: the clerk asked for it). */
export function JobRefusal({ job, title }: { job: JobRun; title: string }) {
  const error = job.refusal ?? job.view?.error ?? null;
  if (!error) return null;
  const cancelled = /cancelled$/.test(error.code);
  return (
    <Alert color={cancelled ? 'gray' : 'red'} title={cancelled ? '已取消' : title} role="alert" style={{ whiteSpace: 'pre-line' }}>
      {[error.message, ...Object.values(error.fields ?? {}).filter((m) => m !== error.message)].join('\n')}
    </Alert>
  );
}
