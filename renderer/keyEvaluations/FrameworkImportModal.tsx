import { Table, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Envelope, FrameworkImportPreview } from '../../electron/bridge/contract';
import { ImportIssuesTable } from '../exchange/ImportIssuesTable';
import { ImportPreviewModal } from '../exchange/ImportPreviewModal';
import { formatScore } from '../../electron/rules/numberFormat';

interface FrameworkImportModalProps<R> {
  fileName: string;
  preview: FrameworkImportPreview;
  /** Importing as a template asks for its name (offered: the table's title) and 说明. */
  asTemplate: boolean;
  commit: (fields: { name: string; description: string }) => Promise<Envelope<R>>;
  onCommitted: (result: R) => void;
  onClose: () => void;
}

/** 导入评价指标体系预览: what was read, 一级 by 一级, every problem; then the evaluation's framework or a new template. */
export function FrameworkImportModal<R>({ fileName, preview, asTemplate, commit, onCommitted, onClose }: FrameworkImportModalProps<R>) {
  const [name, setName] = useState(preview.title ?? fileName.replace(/\.[^.]+$/, ''));
  const [description, setDescription] = useState('');
  const where = preview.sheet ? `工作表“${preview.sheet}”第 ${preview.headerRow} 行起` : '';
  return (
    <ImportPreviewModal
      title={`导入评价指标体系预览：${fileName}`}
      size="56rem"
      description={`${where}读到 ${preview.level1.length} 个一级指标、${preview.indicatorCount} 项三级指标。${asTemplate ? '确认后存为本局模板。' : '确认后替换本评价现有的指标体系。'}整份文件要么全部导入，要么不写入。`}
      counts={[
        { label: '一级指标', value: preview.level1.length, color: 'blue' },
        { label: '三级指标', value: preview.indicatorCount, color: 'blue' },
      ]}
      errorCount={preview.errors.length}
      warningCount={preview.warnings.length}
      errorAdvice="请按下面列出的行和列改正后重新选择文件。"
      changes={preview.indicatorCount}
      noChangesText="文件中没有读到三级指标。"
      commit={() => commit({ name, description })}
      onCommitted={onCommitted}
      onClose={onClose}
    >
      {preview.level1.length > 0 && (
        <Table withTableBorder fz="sm" aria-label="读到的一级指标" tabularNums>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>一级指标</Table.Th>
              <Table.Th ta="right">权重</Table.Th>
              <Table.Th ta="right">二级指标</Table.Th>
              <Table.Th ta="right">三级指标</Table.Th>
              <Table.Th ta="right">分值合计</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.level1.map((l) => (
              <Table.Tr key={l.row}>
                <Table.Td>{l.name}</Table.Td>
                <Table.Td ta="right">{formatScore(l.weight)}</Table.Td>
                <Table.Td ta="right">{l.level2Count}</Table.Td>
                <Table.Td ta="right">{l.indicatorCount}</Table.Td>
                <Table.Td ta="right" c={Math.round(l.points * 100) === Math.round(l.weight * 100) ? undefined : 'red'}>
                  {formatScore(l.points)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {!asTemplate && preview.droppedScores > 0 && (
        <Text fz="sm" c="orange">
          本评价已有 {preview.droppedScores}{' '}
          项专家评分所在的指标在新指标体系中没有（按编号对应），导入后这些评分将被删除（审计记录中保留）。
        </Text>
      )}
      <ImportIssuesTable issues={preview.errors} kind="error" />
      <ImportIssuesTable issues={preview.warnings} kind="warning" />
      {asTemplate && preview.errors.length === 0 && (
        <>
          <TextInput label="模板名称" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <Textarea label="说明" autosize minRows={1} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
        </>
      )}
    </ImportPreviewModal>
  );
}
