import { Alert, Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { Envelope } from '../../electron/bridge/contract';

export interface PreviewCount {
  label: string;
  value: number;
  color: string;
}

interface ImportPreviewModalProps<R> {
  title: string;
  size?: string;
  /** The dimmed line on what was read (sheet, header row, money unit …). */
  description: ReactNode;
  /** The summary badges before the error count ("新增项目 3"). */
  counts: PreviewCount[];
  errorCount: number;
  warningCount?: number;
  /** What the red alert tells the clerk to do about the errors. */
  errorAdvice: string;
  /** How many records the commit would write; none → the "no changes" note. */
  changes: number;
  noChangesText: string;
  /** The planned changes and the issue tables. */
  children: ReactNode;
  commit: () => Promise<Envelope<R>>;
  onCommitted: (result: R) => void;
  onClose: () => void;
}

/**
 * The frame every import preview shares: what was read, the counts, every problem, what would be
 * written, then 确认导入 — enabled only when the file is clean and changes something. The ledger's
 * refusal at commit (the file changed meanwhile, the staged file expired) is shown as it comes.
 */
export function ImportPreviewModal<R>(props: ImportPreviewModalProps<R>) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  async function commit() {
    setBusy(true);
    setRefusal(null);
    const result = await props.commit();
    setBusy(false);
    if (!result.ok) return setRefusal([result.error.message, ...Object.values(result.error.fields ?? {})].join('\n'));
    props.onCommitted(result.value);
  }

  return (
    <Modal opened onClose={props.onClose} size={props.size ?? 'xl'} title={props.title}>
      <Stack gap="sm">
        <Text fz="sm" c="dimmed">
          {props.description}
        </Text>
        <Group gap="xs" aria-label="导入摘要">
          {props.counts.map((c) => (
            <Badge key={c.label} color={c.color} variant="light">
              {c.label} {c.value}
            </Badge>
          ))}
          <Badge color={props.errorCount ? 'red' : 'green'} variant="filled">
            错误 {props.errorCount}
          </Badge>
          {props.warningCount ? (
            <Badge color="yellow" variant="light">
              提示 {props.warningCount}
            </Badge>
          ) : null}
        </Group>
        {props.errorCount > 0 && (
          <Alert color="red" title={`有 ${props.errorCount} 处错误，不能导入`}>
            {props.errorAdvice}
          </Alert>
        )}
        {props.children}
        {props.errorCount === 0 && props.changes === 0 && <Alert color="gray">{props.noChangesText}</Alert>}
        {refusal && (
          <Alert color="red" title="未导入" style={{ whiteSpace: 'pre-line' }}>
            {refusal}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            取消
          </Button>
          <Button onClick={commit} loading={busy} disabled={props.errorCount > 0 || props.changes === 0}>
            确认导入
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
