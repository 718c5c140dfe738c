import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { TableReview } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { notifyFailed, notifySaved } from '../exchange/notifyFile';
import { ReviewFindingsTable, ReviewSubtotalsTable, ReviewSummary } from './ReviewResult';

interface Reviewed {
  fileId: string;
  fileName: string;
  review: TableReview;
}

/**
 * 表格审核: the clerk picks a unit's table (重点评价评分表, 指标体系表, 绩效目标申报表); the ledger tells its
 * kind, recomputes every 小计, 合计 and grade with the year's rules and lists each finding at its cell;
 * 导出审核意见 saves the findings as a workbook to send back. Nothing is written to the ledger.
 */
export function TableReviewScreen({ year }: { year: number }) {
  const [reviewed, setReviewed] = useState<Reviewed | null>(null);
  const [busy, setBusy] = useState<'pick' | 'export' | null>(null);

  async function pick() {
    setBusy('pick');
    const result = await ledger.review.table({ year });
    setBusy(null);
    if (!result.ok) return notifyFailed('无法审核该文件', result.error);
    if (!result.value.cancelled)
      setReviewed({ fileId: result.value.fileId, fileName: result.value.fileName, review: result.value.preview });
  }

  async function exportFindings(fileId: string) {
    setBusy('export');
    const result = await ledger.review.exportFindings({ year, fileId });
    setBusy(null);
    if (!result.ok) return notifyFailed('导出审核意见失败', result.error);
    const { saved, summary } = result.value;
    if (saved) notifySaved('已导出审核意见', saved.savedAs, summary.findingCount ? `${summary.findingCount} 处问题` : '没有发现问题');
  }

  const review = reviewed?.review;
  return (
    <Stack gap="md">
      <Title order={2}>表格审核 · {year} 年度</Title>
      <Paper withBorder p="md">
        <Group justify="space-between" align="center" wrap="nowrap">
          <Text fz="sm" c="dimmed" maw={760}>
            选择单位报送的重点评价评分表（含得分或只有指标体系）或绩效目标申报表（xlsx、xls、csv）。程序识别表格类型，按 {year}{' '}
            年度规则复算每个小计、合计和等级，逐项列出与表上不一致或读不出的单元格。审核只读取文件，不写入台账。
          </Text>
          <Group gap="sm" wrap="nowrap">
            <Button loading={busy === 'pick'} onClick={() => void pick()}>
              {reviewed ? '审核另一份表格' : '选择表格…'}
            </Button>
            {reviewed && review?.kind !== 'unknown' && (
              <Button variant="default" loading={busy === 'export'} onClick={() => void exportFindings(reviewed.fileId)}>
                导出审核意见
              </Button>
            )}
          </Group>
        </Group>
      </Paper>
      {review && (
        <Stack gap="md" component="section" aria-label="审核结果">
          <ReviewSummary review={review} />
          {review.kind === 'unknown' ? (
            <Alert color="orange" title="无法审核此文件" role="alert">
              {review.findings[0]?.problem}
            </Alert>
          ) : (
            <>
              {review.findings.length === 0 ? (
                <Alert color="green" title="没有发现问题">
                  {review.kind === 'targetDeclaration'
                    ? '各栏都能读出，机审各项均通过。'
                    : '每个小计、合计和等级都与复算一致，没有读不出的单元格。'}
                </Alert>
              ) : (
                <ReviewFindingsTable findings={review.findings} />
              )}
              {review.subtotals.length > 0 && <ReviewSubtotalsTable review={review} />}
            </>
          )}
        </Stack>
      )}
    </Stack>
  );
}
