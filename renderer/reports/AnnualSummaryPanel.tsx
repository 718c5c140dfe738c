import { Anchor, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { RecordRef, SummaryPiece, SummaryText } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { PrintButton } from '../common/PrintButton';
import { LoadError } from '../common/LoadError';
import { RecordsDrawer } from '../common/RecordsDrawer';
import { notifyFailed, notifySaved } from '../exchange/notifyFile';
import { SummaryProse } from './SummaryProse';

type Slot = (SummaryPiece & { kind: 'prose' })['slot'];

/**
 * 年度绩效工作情况: the draft as the bureau writes it, section by section. Every computed figure is a
 * link to the records behind it; the bureau's own paragraphs are edited in place; 导出 Word writes the
 * official document.
 */
export function AnnualSummaryPanel({ year }: { year: number }) {
  const draft = useCall('reports.annualSummary', { year });
  const [shown, setShown] = useState<{ title: string; records: RecordRef[] } | null>(null);
  const [editing, setEditing] = useState<Slot | null>(null);
  // What was saved here, shown at once while the draft is read again.
  const [saved, setSaved] = useState<Partial<Record<Slot, SummaryText>>>({});
  const [exporting, setExporting] = useState(false);

  function onSaved(text: SummaryText) {
    setSaved((s) => ({ ...s, [text.slot]: text }));
    draft.reload();
  }

  async function exportWord() {
    setExporting(true);
    const result = await ledger.reports.exportAnnualSummary({ year });
    setExporting(false);
    if (!result.ok) return notifyFailed('导出年度绩效工作情况失败', result.error);
    if (result.value.saved)
      notifySaved('已导出年度绩效工作情况', result.value.saved.savedAs, `${year} 年度预算绩效工作情况（Word 公文格式）`);
  }

  const piece = (p: SummaryPiece, key: number) => {
    if (p.kind === 'text') return <span key={key}>{p.text}</span>;
    if (p.kind === 'figure')
      return (
        <Anchor
          key={key}
          component="button"
          type="button"
          underline="always"
          fz="inherit"
          onClick={() => setShown({ title: p.title, records: p.records })}
        >
          {p.text}
        </Anchor>
      );
    const latest = saved[p.slot];
    return (
      <SummaryProse
        key={key}
        year={year}
        piece={latest ? { ...p, text: latest.text, edited: latest.edited } : p}
        editing={editing === p.slot}
        onEdit={setEditing}
        onSaved={onSaved}
      />
    );
  };

  if (draft.error && !draft.data) return <LoadError error={draft.error} onRetry={draft.reload} />;
  if (!draft.data) return <Loader aria-label="正在起草年度绩效工作情况" />;
  const d = draft.data;
  return (
    <Paper withBorder p="xl" component="article" aria-label="年度绩效工作情况" maw={980}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Text fz="sm" c="dimmed" maw={600} data-print="hide">
            由台账记录起草：带下划线的数字点开可查看构成记录；本局自己撰写的段落点 ✎ 修改，导出 Word 为公文格式。
          </Text>
          <Group gap="xs">
            <PrintButton title={`本级汇总的预算绩效情况说明 · ${year} 年度`} />
            <Button onClick={() => void exportWord()} loading={exporting}>
              导出 Word
            </Button>
          </Group>
        </Group>
        {draft.error && <LoadError error={draft.error} onRetry={draft.reload} />}
        <Stack gap={0} align="center">
          <Title order={3}>{d.title}</Title>
          <Text>{d.subtitle}</Text>
        </Stack>
        {d.parts.map((part) => (
          <Stack key={part.heading} gap="xs" component="section" aria-label={part.heading}>
            <Title order={4}>{part.heading}</Title>
            {part.sections.map((section, s) => (
              <Stack key={section.heading ?? s} gap={6}>
                {section.heading && (
                  <Title order={5} fw={600} style={{ textIndent: '2em' }}>
                    {section.heading}
                  </Title>
                )}
                {section.paragraphs.map((paragraph, i) => (
                  <Text key={i} component="div" lh={1.9} style={{ textIndent: '2em' }}>
                    {paragraph.map(piece)}
                  </Text>
                ))}
              </Stack>
            ))}
          </Stack>
        ))}
        <Stack gap={0} align="flex-end" mt="lg" pr="xl">
          <Text>{d.signature.bureauLine}</Text>
          <Text component="div">{piece(d.signature.date, 0)}</Text>
        </Stack>
      </Stack>
      <RecordsDrawer title={shown?.title ?? null} records={shown?.records ?? []} onClose={() => setShown(null)} />
    </Paper>
  );
}
