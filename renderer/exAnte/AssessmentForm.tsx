import { Alert, Button, Grid, Group, Modal, Paper, Radio, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { scoreExAnte } from '../../electron/rules/exAnteScore';
import { formatWanYuan } from '../../electron/rules/money';
import type { AssessmentView } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { FormAlert } from '../common/FormAlert';
import { useBridgeForm } from '../common/useBridgeForm';
import {
  draftOf,
  formFields,
  inputOf,
  REPORT_FIELDS,
  rulesOf,
  sameDraft,
  withRating,
  withScore,
  type AssessmentDraft,
} from './assessmentDraft';
import { ASSESSORS, type Assessor } from './exAnteLabels';
import { formatScore } from '../../electron/rules/numberFormat';
import { ScoreSheet } from './ScoreSheet';
import { ScoreSummary } from './ScoreSummary';

interface AssessmentFormProps {
  view: AssessmentView;
  /** A save or 定稿 went through; the page shows the ledger's answer. */
  onWritten: (view: AssessmentView) => void;
  onDirtyChange: (dirty: boolean) => void;
}

/**
 * 评分表 and 评估报告 of one assessment: editable while a draft, read-only once final. The total and
 * the conclusion follow every rating and point as the clerk enters them.
 */
export function AssessmentForm({ view, onWritten, onDirtyChange }: AssessmentFormProps) {
  const rules = useMemo(() => rulesOf(view), [view]);
  const readOnly = view.status === 'final';
  const [draft, setDraft] = useState<AssessmentDraft>(() => draftOf(view));
  const [baseline, setBaseline] = useState<AssessmentDraft>(draft);
  const [confirming, setConfirming] = useState(false);
  const fields = useMemo(() => formFields(view), [view]);
  const saving = useBridgeForm(fields);
  const finalizing = useBridgeForm([]);

  const score = useMemo(() => scoreExAnte(draft.scores, rules), [draft.scores, rules]);
  const dirty = !readOnly && !sameDraft(draft, baseline);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const set = <F extends keyof AssessmentDraft>(field: F, value: AssessmentDraft[F]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    saving.clearError(field);
  };
  const patchScore = (index: number, next: (d: AssessmentDraft) => AssessmentDraft, cleared: string[]) => {
    setDraft(next);
    for (const f of cleared) saving.clearError(`scores.${index}.${f}`);
  };

  /** Saves the draft; returns the ledger's view, or null when refused (shown at the fields). */
  async function save(): Promise<AssessmentView | null> {
    const sent = draft;
    const saved = await saving.submit(() => ledger.exAnte.save(inputOf(view.id, sent)));
    if (saved) {
      setBaseline(sent);
      onWritten(saved);
    }
    return saved;
  }

  async function saveClicked() {
    if (await save()) notifications.show({ color: 'green', title: '评估已保存', message: view.subjectName });
  }

  /** 定稿 saves what is on screen first, so the ledger fixes exactly what the clerk sees. */
  async function finalize() {
    setConfirming(false);
    if (dirty && !(await save())) return;
    const done = await finalizing.submit(() => ledger.exAnte.finalize({ id: view.id }));
    if (!done) return;
    notifications.show({
      color: 'green',
      title: '评估已定稿',
      message: `${view.subjectName}：${formatScore(done.score.total)} 分，${done.conclusion}`,
    });
    onWritten(done);
  }

  function finalizeClicked() {
    // With problems left the ledger refuses, and says why; no point asking to confirm.
    if (score.conclusion === null) void finalize();
    else setConfirming(true);
  }

  const busy = saving.submitting || finalizing.submitting;
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 9 }}>
        <Stack gap="md">
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={4}>评分表</Title>
              <ScoreSheet
                draft={draft}
                rules={rules}
                score={score}
                readOnly={readOnly}
                errors={saving.errors}
                onRate={(i, rating, max) => patchScore(i, (d) => withRating(d, i, rating, max, rules), ['rating', 'points'])}
                onPoints={(i, points) => patchScore(i, (d) => withScore(d, i, { points }), ['points'])}
                onBasis={(i, basis) => patchScore(i, (d) => withScore(d, i, { basis }), ['basis'])}
              />
            </Stack>
          </Paper>
          <Paper withBorder p="md" component="section" aria-label="评估报告">
            <Stack gap="sm">
              <Title order={4}>评估报告</Title>
              <SimpleGrid cols={{ base: 1, md: 3 }}>
                <Radio.Group
                  label="评估方"
                  value={draft.assessor}
                  onChange={(v) => set('assessor', v as Assessor)}
                  error={saving.errors.assessor}
                  readOnly={readOnly}
                >
                  <Group mt={8}>
                    {Object.entries(ASSESSORS).map(([value, label]) => (
                      <Radio key={value} value={value} label={label} disabled={readOnly && value !== draft.assessor} />
                    ))}
                  </Group>
                </Radio.Group>
                <TextInput
                  label="评估机构/人员"
                  placeholder={readOnly ? undefined : '如：某某会计师事务所；张某、李某'}
                  value={draft.assessorName}
                  readOnly={readOnly}
                  onChange={(e) => set('assessorName', e.currentTarget.value)}
                  error={saving.errors.assessorName}
                />
                <TextInput
                  label="建议预算数（万元）"
                  inputMode="decimal"
                  placeholder={readOnly ? '未填写' : '如 3200.00'}
                  description={view.projectBudgetFen !== null ? `项目年初预算 ${formatWanYuan(view.projectBudgetFen)} 万元` : undefined}
                  // A final shows the recorded amount as money is shown everywhere: 万元 to 2 decimals.
                  value={
                    readOnly && view.recommendedBudgetFen !== null ? formatWanYuan(view.recommendedBudgetFen) : draft.recommendedBudget
                  }
                  readOnly={readOnly}
                  onChange={(e) => set('recommendedBudget', e.currentTarget.value)}
                  error={saving.errors.recommendedBudget}
                />
              </SimpleGrid>
              {REPORT_FIELDS.map(({ field, label }) => (
                <Textarea
                  key={field}
                  label={label}
                  autosize
                  minRows={3}
                  maxRows={12}
                  value={draft[field]}
                  readOnly={readOnly}
                  placeholder={readOnly ? '未填写' : undefined}
                  onChange={(e) => set(field, e.currentTarget.value)}
                  error={saving.errors[field]}
                />
              ))}
            </Stack>
          </Paper>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 3 }}>
        <Stack gap="sm" style={{ position: 'sticky', top: 72 }}>
          <ScoreSummary score={score} rules={rules} finalConclusion={readOnly ? view.conclusion : null} />
          {!readOnly && (
            <Paper withBorder p="md">
              <Stack gap="sm">
                {dirty && (
                  <Text fz="sm" c="orange.8" role="status">
                    有未保存的修改
                  </Text>
                )}
                <FormAlert messages={saving.alert} />
                {finalizing.alert && (
                  <Alert color="red" title="未能定稿" role="alert">
                    {finalizing.alert.map((m) => (
                      <div key={m}>{m}</div>
                    ))}
                  </Alert>
                )}
                <Group grow>
                  <Button variant="default" onClick={() => void saveClicked()} loading={saving.submitting} disabled={busy}>
                    保存
                  </Button>
                  <Button onClick={finalizeClicked} loading={finalizing.submitting} disabled={busy}>
                    定稿
                  </Button>
                </Group>
                <Text fz="xs" c="dimmed">
                  定稿后总分和结论固定，评分和报告不能再修改。
                </Text>
              </Stack>
            </Paper>
          )}
        </Stack>
      </Grid.Col>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="确认定稿" centered>
        <Stack gap="sm">
          <Text>
            “{view.subjectName}”的事前评估将以总分 <b>{formatScore(score.total)}</b> 分、结论“<b>{score.conclusion}</b>”定稿。
          </Text>
          <Text fz="sm" c="dimmed">
            定稿后评分和报告内容不能再修改；如需重新评估，只能新建一次评估。{dirty ? '未保存的修改将先保存。' : ''}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              取消
            </Button>
            <Button onClick={() => void finalize()}>确认定稿</Button>
          </Group>
        </Stack>
      </Modal>
    </Grid>
  );
}
