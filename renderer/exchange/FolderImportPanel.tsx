import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { FolderImportPreview, FolderImportResult } from '../../electron/bridge/contract';
import { FOLDER_FILE_OUTCOME_LABELS } from '../../electron/rules/folderImportLabels';
import { callLedger } from '../bridge/client';
import { FolderPreviewTable } from './FolderPreviewTable';
import { FolderField, JobProgress, JobRefusal } from './JobProgress';
import { useJob } from './useJob';

/**
 * 从U盘导入: choose the folder of units' files, see one preview of them all (each file's kind, units,
 * rows, problems and what it would change; files not recognised listed with the reason), tick the
 * ready ones to take and import them — each file all or nothing — then see what happened to each.
 */
export function FolderImportPanel({ year }: { year: number }) {
  const preview = useJob();
  const commit = useJob();
  const [unticked, setUnticked] = useState<string[]>([]);
  const previewed = preview.view?.result?.kind === 'folderPreview' ? preview.view.result.value : null;
  const outcome = commit.view?.result?.kind === 'folderCommit' ? commit.view.result.value : null;
  const previewJobId = preview.view?.jobId ?? null;
  const ticked = previewed?.files.filter((f) => f.status === 'ready' && !unticked.includes(f.name)).map((f) => f.name) ?? [];

  async function startPreview() {
    setUnticked([]);
    commit.reset();
    await preview.startInFolder(() => callLedger('exchange.folderPreviewStart', { year }));
  }

  return (
    <Stack gap="md">
      <Text fz="sm" c="dimmed" maw={900}>
        选择单位报送文件所在的文件夹（含子文件夹）。程序逐个识别文件（绩效目标申报表、绩效监控表、单位自评表、专家评分表、会审意见表等），先全部预览、不写入台账；勾选要导入的文件后一次导入，每个文件全部导入或一行也不写。
      </Text>
      <FolderField job={preview} purpose="import" />
      <Group>
        <Button loading={preview.starting} disabled={preview.running || commit.running} onClick={() => void startPreview()}>
          {previewed ? '重新选择文件夹…' : '选择文件夹并预览…'}
        </Button>
      </Group>
      <JobProgress job={preview} what="读取并预览" />
      <JobRefusal job={preview} title="未能预览该文件夹" />
      {previewed && !outcome && (
        <PreviewSection
          previewed={previewed}
          ticked={ticked}
          onTick={(name, on) => setUnticked((u) => (on ? u.filter((n) => n !== name) : [...u, name]))}
          importing={commit.running}
          onImport={() => previewJobId && void commit.start(() => callLedger('exchange.folderCommitStart', { previewJobId, only: ticked }))}
        />
      )}
      <JobProgress job={commit} what="导入" />
      <JobRefusal job={commit} title="未能导入" />
      {outcome && <ImportOutcome outcome={outcome} />}
    </Stack>
  );
}

interface PreviewSectionProps {
  previewed: FolderImportPreview;
  ticked: string[];
  onTick: (name: string, on: boolean) => void;
  importing: boolean;
  onImport: () => void;
}

function PreviewSection({ previewed, ticked, onTick, importing, onImport }: PreviewSectionProps) {
  const count = (status: string) => previewed.files.filter((f) => f.status === status).length;
  const others = previewed.files.length - previewed.ready - count('unchanged');
  return (
    <Stack gap="sm" component="section" aria-label="导入预览">
      {previewed.cancelled && (
        <Alert color="gray" title="已取消预览">
          只预览了前 {previewed.files.length} 个文件。可以导入其中可导入的文件，或重新选择文件夹预览全部。
        </Alert>
      )}
      <Group gap="xs" aria-label="预览摘要">
        <Badge variant="light" color="blue">
          文件 {previewed.files.length}
        </Badge>
        <Badge variant="light" color="green">
          可导入 {previewed.ready}
        </Badge>
        <Badge variant="light" color="gray">
          无需导入 {count('unchanged')}
        </Badge>
        <Badge variant="light" color={others ? 'red' : 'gray'}>
          不能导入 {others}
        </Badge>
      </Group>
      <FolderPreviewTable files={previewed.files} ticked={ticked} onTick={onTick} />
      <Group justify="flex-end">
        <Text fz="sm" c="dimmed">
          已勾选 {ticked.length} 个文件
        </Text>
        <Button onClick={onImport} loading={importing} disabled={ticked.length === 0 || importing}>
          导入选中的文件
        </Button>
      </Group>
    </Stack>
  );
}

const OUTCOME_COLORS: Record<keyof typeof FOLDER_FILE_OUTCOME_LABELS, string> = {
  imported: 'green',
  unchanged: 'gray',
  refused: 'red',
  'not-taken': 'gray',
  'not-run': 'yellow',
};

function ImportOutcome({ outcome }: { outcome: FolderImportResult }) {
  return (
    <Stack gap="sm" component="section" aria-label="导入结果">
      <Alert
        color={outcome.imported > 0 ? 'green' : 'gray'}
        title={`已导入 ${outcome.imported} 个文件${outcome.cancelled ? '（已取消其余文件）' : ''}`}
      >
        {outcome.imported > 0
          ? '导入了哪些文件、哪些没有导入，连同每个文件的 SHA-256，已记入操作记录（设置 → 操作记录）。'
          : '没有导入任何文件，台账未作修改。'}
      </Alert>
      <Table striped withTableBorder fz="sm" aria-label="各文件的导入结果">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>文件</Table.Th>
            <Table.Th>类别</Table.Th>
            <Table.Th w={130}>结果</Table.Th>
            <Table.Th>说明</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {outcome.files.map((f) => (
            <Table.Tr key={f.name}>
              <Table.Td>{f.name}</Table.Td>
              <Table.Td>{f.kindLabel}</Table.Td>
              <Table.Td>
                <Badge color={OUTCOME_COLORS[f.outcome]} variant="light">
                  {FOLDER_FILE_OUTCOME_LABELS[f.outcome]}
                </Badge>
              </Table.Td>
              <Table.Td c={f.outcome === 'refused' ? 'red.8' : undefined}>{f.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
