import { ActionIcon, Button, Group, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { SummaryPiece, SummaryText } from '../../electron/bridge/contract';
import { summaryTextProblem } from '../../electron/rules/summaryTextRules';
import { ledger } from '../bridge/client';

type Prose = SummaryPiece & { kind: 'prose' };

interface SummaryProseProps {
  year: number;
  piece: Prose;
  editing: boolean;
  /** Opens this paragraph's editor (closing any other), or closes it with null. */
  onEdit: (slot: Prose['slot'] | null) => void;
  onSaved: (saved: SummaryText) => void;
}

/**
 * One of the bureau's own paragraphs inside the draft: read as part of its paragraph, with a pencil that
 * opens it in place for editing (保存 / 取消 / 恢复默认). Checked by the same rule the ledger applies.
 */
export function SummaryProse({ year, piece, editing, onEdit, onSaved }: SummaryProseProps) {
  if (!editing)
    return (
      <>
        {piece.text}
        <Tooltip label={`修改“${piece.label}”${piece.edited ? '（本局已修改）' : '（默认文字）'}`}>
          <ActionIcon
            variant="subtle"
            size="sm"
            color={piece.edited ? 'teal' : 'gray'}
            aria-label={`修改“${piece.label}”`}
            onClick={() => onEdit(piece.slot)}
            style={{ display: 'inline-flex', verticalAlign: 'middle', textIndent: 0 }}
          >
            ✎
          </ActionIcon>
        </Tooltip>
      </>
    );
  return <ProseEditor year={year} piece={piece} onClose={() => onEdit(null)} onSaved={onSaved} />;
}

function ProseEditor({
  year,
  piece,
  onClose,
  onSaved,
}: {
  year: number;
  piece: Prose;
  onClose: () => void;
  onSaved: (saved: SummaryText) => void;
}) {
  const [text, setText] = useState(piece.text);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(value: string | null) {
    const problem = value === null ? null : summaryTextProblem(value);
    if (problem) return setError(problem);
    setBusy(true);
    const result = await ledger.reports.saveSummaryText({ year, slot: piece.slot, text: value });
    setBusy(false);
    if (!result.ok) return setError(result.error.fields?.text ?? result.error.message);
    onSaved(result.value);
    onClose();
  }

  return (
    <Stack gap="xs" my="xs" style={{ textIndent: 0 }}>
      <Textarea
        label={`修改“${piece.label}”`}
        description={piece.edited ? '本局已修改过这一段。' : '这是默认文字，可按本年度情况修改。'}
        autosize
        styles={{ input: { textIndent: 0 } }}
        minRows={3}
        maxRows={14}
        value={text}
        error={error}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setError(null);
        }}
      />
      <Group gap="xs">
        <Button size="xs" onClick={() => void save(text)} loading={busy}>
          保存
        </Button>
        <Button size="xs" variant="default" onClick={onClose} disabled={busy}>
          取消
        </Button>
        {piece.edited && (
          <Button size="xs" variant="subtle" color="gray" onClick={() => void save(null)} disabled={busy}>
            恢复默认
          </Button>
        )}
        <Text span fz="xs" c="dimmed">
          保存后记入审计日志。
        </Text>
      </Group>
    </Stack>
  );
}
