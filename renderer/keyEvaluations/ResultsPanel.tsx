import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formatWanYuan } from '../../electron/rules/money';
import { formatScore } from '../../electron/rules/numberFormat';
import type { KeyEvaluationView, ResultActionRow } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { FormAlert } from '../common/FormAlert';
import { LoadError } from '../common/LoadError';
import { useBridgeForm } from '../common/useBridgeForm';
import { ACTION_FIELDS, actionDraftOf, actionInputOf, ResultActionFields } from '../resultApplication/ResultActionFields';
import { gradeColor } from './keyEvaluationLabels';

/** 评价结果: the grade, the suggested use in next year's budget, the actions recorded, and the findings as a 整改通知. */
export function ResultsPanel({
  view,
  year,
  onWritten,
}: {
  view: KeyEvaluationView;
  year: number;
  onWritten: (v: KeyEvaluationView) => void;
}) {
  if (view.status !== 'final') {
    return (
      <Text c="dimmed">
        评价定稿后，在此查看等级、记录评价结果在下年度预算中的应用，并把存在的问题下发整改。当前评分：{formatScore(view.score.total)} 分
        {view.score.grade ? `（${view.score.grade}）` : '，评分未完成'}。
      </Text>
    );
  }
  return (
    <Stack gap="md">
      <ResultActions view={view} year={year} />
      <FindingsNotice view={view} onWritten={onWritten} />
    </Stack>
  );
}

function ResultActions({ view, year }: { view: KeyEvaluationView; year: number }) {
  const suggested = useCall('keyEvaluations.suggestedAction', { evaluationId: view.id });
  const actions = useCall('keyEvaluations.listActions', { evaluationId: view.id });
  const [draft, setDraft] = useState(() => actionDraftOf(null));
  const [editing, setEditing] = useState<ResultActionRow | null>(null);
  const form = useBridgeForm(ACTION_FIELDS);

  const error = suggested.error ?? actions.error;
  if (error)
    return (
      <LoadError
        error={error}
        onRetry={() => {
          suggested.reload();
          actions.reload();
        }}
      />
    );
  const action = suggested.data?.action ?? null;

  function edit(row: ResultActionRow | null) {
    setEditing(row);
    setDraft(actionDraftOf(row));
  }

  async function record() {
    const fields = actionInputOf(draft, action);
    const saved = await form.submit(() =>
      editing
        ? ledger.keyEvaluations.updateAction({ id: editing.id, ...fields })
        : ledger.keyEvaluations.recordAction({ evaluationId: view.id, ...fields }),
    );
    if (!saved) return;
    notifications.show({
      color: 'green',
      title: editing ? '已修改结果应用' : '已记录结果应用',
      message: `${saved.actionType}${saved.amountFen === null ? '' : ` ${formatWanYuan(saved.amountFen)} 万元`}`,
    });
    edit(null);
    actions.reload();
  }

  return (
    <Paper withBorder p="md" component="section" aria-label="结果应用">
      <Stack gap="sm">
        <Group gap="lg">
          <Title order={4}>评价结果应用</Title>
          <Group gap={6}>
            <Text fz="sm">定稿得分 {formatScore(view.total)} 分，等级</Text>
            <Badge size="lg" color={gradeColor(view.grade)} aria-label="定稿等级">
              {view.grade}
            </Badge>
          </Group>
          <Text fz="sm" aria-label="建议的结果应用">
            建议的结果应用：{action ?? '—'}
          </Text>
        </Group>
        <Table withTableBorder tabularNums aria-label="结果应用记录">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>应用方式</Table.Th>
              <Table.Th ta="right">金额（万元）</Table.Th>
              <Table.Th>下年度项目</Table.Th>
              <Table.Th>状态</Table.Th>
              <Table.Th>说明</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(actions.data ?? []).map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.actionType}</Table.Td>
                <Table.Td ta="right">{a.amountFen === null ? '—' : formatWanYuan(a.amountFen)}</Table.Td>
                <Table.Td>{a.nextYearProjectName ?? '—'}</Table.Td>
                <Table.Td>{a.statusLabel}</Table.Td>
                <Table.Td>{a.note ?? ''}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" onClick={() => edit(a)}>
                    修改
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
            {actions.data?.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text fz="sm" c="dimmed" ta="center">
                    尚未记录结果应用。
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
        <Text fw={500} fz="sm">
          {editing ? '修改结果应用' : '记录结果应用'}
        </Text>
        <ResultActionFields
          year={year}
          suggested={action}
          draft={draft}
          onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
          errors={form.errors}
        />
        <FormAlert messages={form.alert} />
        <Group>
          <Button onClick={() => void record()} loading={form.submitting}>
            {editing ? '保存修改' : '记录结果应用'}
          </Button>
          {editing && (
            <Button variant="default" onClick={() => edit(null)}>
              取消修改
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function FindingsNotice({ view, onWritten }: { view: KeyEvaluationView; onWritten: (v: KeyEvaluationView) => void }) {
  const [deadline, setDeadline] = useState('');
  const [requirements, setRequirements] = useState('');
  const form = useBridgeForm(['deadline', 'requirements', 'findings']);

  async function issue() {
    const notice = await form.submit(() =>
      ledger.keyEvaluations.issueFindings({ id: view.id, deadline: deadline.trim(), requirements: requirements.trim() || null }),
    );
    if (!notice) return;
    notifications.show({ color: 'green', title: '已起草整改通知', message: '请到“整改”中核对并下发。' });
    const fresh = await ledger.keyEvaluations.get({ id: view.id });
    if (fresh.ok) onWritten(fresh.value);
  }

  return (
    <Paper withBorder p="md" component="section" aria-label="下发整改通知">
      <Stack gap="sm">
        <Title order={4}>下发整改通知</Title>
        {view.noticeId !== null ? (
          <Alert color="green" variant="light" aria-label="整改通知">
            评价发现的问题已起草为整改通知（草稿）。请到“整改”中核对内容、编文号并下发，单位反馈和办结也在“整改”中办理。
          </Alert>
        ) : (
          <>
            <Text fz="sm" c="dimmed">
              把“存在的问题”起草为给{view.unitName}的整改通知。整改要求默认取“有关建议”。通知起草后在“整改”中下发。
            </Text>
            <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }} aria-label="存在的问题">
              {view.findings ?? '（尚未填写存在的问题）'}
            </Text>
            <Group align="flex-start" grow>
              <TextInput
                label="反馈期限"
                placeholder="如 2024-04-30"
                value={deadline}
                onChange={(e) => {
                  setDeadline(e.currentTarget.value);
                  form.clearError('deadline');
                }}
                error={form.errors.deadline}
                maw={200}
              />
              <Textarea
                label="整改要求"
                autosize
                minRows={1}
                placeholder={view.recommendations ?? '按评价发现的问题逐项整改'}
                value={requirements}
                onChange={(e) => setRequirements(e.currentTarget.value)}
                error={form.errors.requirements}
              />
            </Group>
            {form.errors.findings && (
              <Text fz="sm" c="red">
                {form.errors.findings}
              </Text>
            )}
            <FormAlert messages={form.alert} />
            <Group>
              <Button onClick={() => void issue()} loading={form.submitting}>
                起草整改通知
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
