import { Alert, Badge, Group, Select, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { REVIEW_DIMENSIONS, REVIEW_PARTIES, type ReviewDimension } from '../../electron/rules/jointReview';
import type { ReviewParty, ReviewSheetPlan, ReviewSheetPreview } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { ImportPreviewModal } from '../exchange/ImportPreviewModal';
import { ignoredText, SheetIssues } from '../exchange/SheetIssues';
import { GRADE_COLOR } from './targetLabels';

interface ReviewSheetImportModalProps {
  fileId: string;
  fileName: string;
  preview: ReviewSheetPreview;
  onClose: () => void;
  onImported: () => void;
}

const DIMENSIONS = Object.keys(REVIEW_DIMENSIONS) as ReviewDimension[];
const ACTION: Record<ReviewSheetPlan['action'], { label: string; color: string }> = {
  record: { label: '录入意见', color: 'blue' },
  unchanged: { label: '无变化', color: 'gray' },
  error: { label: '有错误', color: 'red' },
};
const PARTY_OPTIONS = (Object.entries(REVIEW_PARTIES) as [ReviewParty, string][]).map(([value, label]) => ({ value, label }));

/** Where an opinion was read: the exported sheet, or the sheet and row of a party's table. */
const placeOf = (s: Pick<ReviewSheetPlan, 'sheet' | 'row'>) => (s.row ? `${s.sheet} 第 ${s.row} 行` : s.sheet);

/**
 * 导入会审意见表 preview: each opinion read — from an exported sheet, or a row of a party's own table —
 * with its target, round and party and what would be recorded in the open round; what each table's
 * reading rests on (money unit, rows skipped); every bad cell and every printed figure that disagrees;
 * then all or none. A table that names no 会审方 is re-read with the party chosen here.
 */
export function ReviewSheetImportModal({ fileId, fileName, preview: first, onClose, onImported }: ReviewSheetImportModalProps) {
  const [preview, setPreview] = useState(first);
  const [party, setParty] = useState<ReviewParty | null>(null);
  const [rereadError, setRereadError] = useState<string | null>(null);
  const nameOf = new Map(preview.sheets.filter((s) => s.row === null).map((s) => [s.sheet, s.name]));
  const anyConclusion = preview.sheets.some((s) => s.conclusion);

  async function choose(next: ReviewParty | null) {
    setRereadError(null);
    const result = await ledger.review.sheetImportRepreview({ fileId, party: next });
    if (!result.ok) return setRereadError(result.error.message);
    setParty(next);
    setPreview(result.value);
  }

  return (
    <ImportPreviewModal
      title={`导入会审意见表预览：${fileName}`}
      size="90rem"
      description={`读到 ${preview.sheets.length} 份会审意见${ignoredText(preview.ignoredSheets, '会审意见表')}。意见记入各目标进行中的一轮会审，同一会审方已有的意见以本表为准；合计、小计和金额只作核对，不导入；整份文件要么全部录入，要么一份也不写入。`}
      counts={[
        { label: '录入意见', value: preview.toRecord, color: 'blue' },
        { label: '无变化', value: preview.unchanged, color: 'gray' },
      ]}
      errorCount={preview.errors.length}
      warningCount={preview.warnings.length}
      errorAdvice="请按下面列出的工作表、行和列改正后重新选择文件。整份文件要么全部录入，要么一份意见也不写入。"
      changes={preview.toRecord}
      noChangesText="文件中的会审意见与已录入的完全相同，无需导入。"
      commit={() => ledger.review.sheetImportCommit({ fileId, party })}
      onCommitted={(r) => {
        notifications.show({
          color: 'green',
          title: '会审意见已导入',
          message: `${fileName}：录入 ${r.recorded} 份会审意见，${r.unchanged} 份与已录入的相同。`,
        });
        onImported();
      }}
      onClose={onClose}
    >
      <Group gap="sm" align="flex-end">
        <Select
          label="会审方（表中没有写明时按此录入）"
          placeholder="按表中所写"
          data={PARTY_OPTIONS}
          value={party}
          onChange={(v) => void choose((v as ReviewParty | null) ?? null)}
          clearable
          w={320}
          size="sm"
        />
        {rereadError && (
          <Text fz="sm" c="red">
            {rereadError}
          </Text>
        )}
      </Group>
      {preview.notes.map((n) => (
        <Alert key={n.sheet} color="blue" variant="light" title={`工作表“${n.sheet}”`} p="xs">
          <Text fz="sm">{n.note}</Text>
        </Alert>
      ))}
      {preview.sheets.length > 0 && (
        <Table.ScrollContainer minWidth={1100} maxHeight={360}>
          <Table striped withTableBorder fz="sm" verticalSpacing={6} aria-label="各会审意见表的导入结果">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={130}>工作表</Table.Th>
                <Table.Th w={220}>绩效目标</Table.Th>
                <Table.Th w={70}>轮次</Table.Th>
                <Table.Th w={150}>会审方</Table.Th>
                <Table.Th w={90}>审核人</Table.Th>
                {anyConclusion && <Table.Th w={100}>会审结论</Table.Th>}
                {DIMENSIONS.map((d) => (
                  <Table.Th key={d} w={62} ta="center">
                    {REVIEW_DIMENSIONS[d]}
                  </Table.Th>
                ))}
                <Table.Th>修改意见</Table.Th>
                <Table.Th w={90}>导入结果</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.sheets.map((s) => (
                <Table.Tr key={placeOf(s)}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{placeOf(s)}</Table.Td>
                  <Table.Td>{s.name ?? '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.roundNo ? `第 ${s.roundNo} 轮` : '—'}</Table.Td>
                  <Table.Td>{s.party ? REVIEW_PARTIES[s.party] : '—'}</Table.Td>
                  <Table.Td>{s.reviewer ?? '—'}</Table.Td>
                  {anyConclusion && <Table.Td>{s.conclusion ?? '—'}</Table.Td>}
                  {DIMENSIONS.map((d) => {
                    const g = s.grades[d];
                    return (
                      <Table.Td key={d} ta="center">
                        {g ? (
                          <Badge size="sm" variant="light" color={GRADE_COLOR[g]}>
                            {g}
                          </Badge>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                    );
                  })}
                  <Table.Td>
                    <Text fz="sm" lineClamp={3} style={{ whiteSpace: 'pre-line' }}>
                      {s.opinion || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={ACTION[s.action].color} variant={s.action === 'error' ? 'filled' : 'light'}>
                      {ACTION[s.action].label}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <SheetIssues issues={preview.errors} kind="error" describe={(s) => nameOf.get(s) ?? null} />
      <SheetIssues issues={preview.warnings} kind="warning" describe={(s) => nameOf.get(s) ?? null} />
    </ImportPreviewModal>
  );
}
