/**
 * What the two self-evaluation forms (项目支出 and 部门整体) share: loading one by id, its heading with
 * the live total and grade, the 退回意见, the draft/dirty/save cycle and the 报送·审核·保存 buttons.
 */
import { Alert, Badge, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Fragment, useState, type ReactNode } from 'react';
import type { Envelope, SelfEvaluationStatus } from '../../electron/bridge/contract';
import { formatScore } from '../../electron/rules/numberFormat';
import type { Loaded } from '../bridge/useCall';
import { LoadError } from '../common/LoadError';
import { useBridgeForm } from '../common/useBridgeForm';
import { gradeColor } from '../keyEvaluations/keyEvaluationLabels';
import { DecisionButtons, type DecisionCalls } from './DecisionButtons';

interface EvaluationView {
  id: number;
  status: SelfEvaluationStatus;
  statusLabel: string;
  editable: boolean;
  findings: string | null;
  total: number | null;
  grade: string | null;
  updatedAt: string;
}

/** The form once its evaluation is read; a new read (after a save elsewhere) starts a fresh form. */
export function whenLoaded<V extends EvaluationView>(loaded: Loaded<V>, reading: string, form: (view: V) => ReactNode): ReactNode {
  if (loaded.error && !loaded.data) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loader aria-label={reading} />;
  return <Fragment key={loaded.data.updatedAt}>{form(loaded.data)}</Fragment>;
}

/**
 * The view as last read or saved, the clerk's draft of it and whether it has unsaved edits. `save`
 * sends the draft and announces the saved total and grade under `title`.
 */
export function useEvaluationForm<V extends EvaluationView, D>(
  initial: V,
  draftOf: (view: V) => D,
  fields: readonly string[],
  onChanged: () => void,
) {
  const [view, setView] = useState(initial);
  const [draft, setDraft] = useState(() => draftOf(initial));
  const [dirty, setDirty] = useState(false);
  const form = useBridgeForm(fields);

  function change(next: (d: D) => D, field?: string) {
    setDraft(next);
    setDirty(true);
    if (field) form.clearError(field);
  }

  function replaced(next: V) {
    setView(next);
    setDraft(draftOf(next));
    setDirty(false);
    onChanged();
  }

  async function save(send: () => Promise<Envelope<V>>, title: string, nameOf: (saved: V) => string) {
    const saved = await form.submit(send);
    if (!saved) return;
    notifications.show({
      color: 'green',
      title,
      message: `${nameOf(saved)}：${formatScore(saved.total)} 分${saved.grade ? `，${saved.grade}` : ''}`,
    });
    replaced(saved);
  }

  return { view, draft, dirty, form, change, replaced, save };
}

interface EvaluationHeadingProps {
  view: EvaluationView;
  title: ReactNode;
  subtitle: ReactNode;
  /** Live, as the clerk types. */
  total: number | null;
  grade: string | null;
  /** What stands in the grade's place when there is none (未评定, 不评等级). */
  ungraded: string;
}

/** Title, status, the live 总分 and 等级, and the bureau's 退回意见 while the form is returned. */
export function EvaluationHeading({ view, title, subtitle, total, grade, ungraded }: EvaluationHeadingProps) {
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{title}</Title>
          <Text fz="sm" c="dimmed">
            {subtitle}
          </Text>
        </Stack>
        <Group gap="sm" aria-label="总分与等级">
          <Badge variant="outline" color="gray" size="lg">
            {view.statusLabel}
          </Badge>
          <Text fz="xl" fw={700} aria-label="总分">
            {formatScore(total)} 分
          </Text>
          {grade ? (
            <Badge size="xl" variant="filled" color={gradeColor(grade)} aria-label="等级">
              {grade}
            </Badge>
          ) : (
            <Badge size="lg" variant="light" color="gray" aria-label="等级">
              {ungraded}
            </Badge>
          )}
        </Group>
      </Group>
      {view.status === 'returned' && view.findings && (
        <Alert color="orange" title="退回意见" aria-label="退回意见">
          {view.findings}
        </Alert>
      )}
    </>
  );
}

/** 一级指标 subtotals as the clerk types: 决策 12.00 / 20.00. */
export function Level1Scores({ level1 }: { level1: readonly { name: string; score: number; points: number }[] }) {
  return (
    <Group gap="md" aria-label="一级指标得分">
      {level1.map((l) => (
        <Text key={l.name} fz="sm" c="dimmed">
          {l.name} {formatScore(l.score)} / {formatScore(l.points)}
        </Text>
      ))}
    </Group>
  );
}

interface EvaluationActionsProps<V extends EvaluationView> {
  view: V;
  dirty: boolean;
  onDone: (view: V) => void;
  /** The project self-evaluation's status calls unless given. */
  calls?: DecisionCalls<V>;
  onSave: () => void;
  saving: boolean;
}

/** 报送 / 退回 / 审核通过, and 保存 while the form can be edited. */
export function EvaluationActions<V extends EvaluationView>({ view, dirty, onDone, calls, onSave, saving }: EvaluationActionsProps<V>) {
  return (
    <Group gap="sm">
      <DecisionButtons view={view} dirty={dirty} onDone={onDone} {...(calls ? { calls } : {})} />
      {view.editable && (
        <Button onClick={onSave} loading={saving} disabled={!dirty}>
          保存
        </Button>
      )}
    </Group>
  );
}
