import { Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { RESULT_ACTION_STATUS, RESULT_ACTION_TYPES, type ResultActionStatus } from '../../electron/rules/keyEvaluationFrameworks';
import { fenToWanYuanInput, formatWanYuan } from '../../electron/rules/money';
import type { KeyEvaluationView, ResultActionRow } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { FormAlert } from '../common/FormAlert';
import { LoadError } from '../common/LoadError';
import { useBridgeForm } from '../common/useBridgeForm';
import { formatScore, gradeColor } from './keyEvaluationLabels';

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

const ACTION_FIELDS = ['actionType', 'amount', 'amountFen', 'nextYearProjectId', 'status', 'note'] as const;

function ResultActions({ view, year }: { view: KeyEvaluationView; year: number }) {
  const suggested = useCall('keyEvaluations.suggestedAction', { evaluationId: view.id });
  const actions = useCall('keyEvaluations.listActions', { evaluationId: view.id });
  const years = useCall('years.list', {});
  const hasNextYear = years.data?.some((y) => y.year === year + 1) ?? false;
  const nextProjects = useCall('projects.list', hasNextYear ? { year: year + 1 } : null);
  const [actionType, setActionType] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [nextId, setNextId] = useState<string | null>(null);
  const [status, setStatus] = useState<ResultActionStatus>('planned');
  const [note, setNote] = useState('');
  const [editing, setEditing] = useState<ResultActionRow | null>(null);
  const form = useBridgeForm(ACTION_FIELDS);

  const error = suggested.error ?? actions.error ?? years.error ?? nextProjects.error;
  if (error)
    return (
      <LoadError
        error={error}
        onRetry={() => {
          suggested.reload();
          actions.reload();
          years.reload();
        }}
      />
    );
  const action = suggested.data?.action ?? null;
  const types = [...new Set([...(action ? [action] : []), ...RESULT_ACTION_TYPES])];
  const chosenType = actionType ?? action;

  function edit(row: ResultActionRow | null) {
    setEditing(row);
    setActionType(row?.actionType ?? null);
    setAmount(row?.amountFen == null ? '' : fenToWanYuanInput(row.amountFen));
    setNextId(row?.nextYearProjectId == null ? null : String(row.nextYearProjectId));
    setStatus(row?.status ?? 'planned');
    setNote(row?.note ?? '');
  }

  async function record() {
    const fields = {
      actionType: chosenType ?? '',
      amount: amount.trim() === '' ? null : amount,
      nextYearProjectId: nextId ? Number(nextId) : null,
      status,
      note: note.trim() || null,
    };
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
        <SimpleGrid cols={{ base: 2, lg: 4 }}>
          <Select
            label="应用方式"
            allowDeselect={false}
            data={types}
            value={chosenType}
            onChange={setActionType}
            error={form.errors.actionType}
          />
          <TextInput
            label="金额（万元）"
            placeholder="如 10.50"
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={form.errors.amount ?? form.errors.amountFen}
          />
          <Select
            label={`${year + 1} 年度项目`}
            placeholder={hasNextYear ? '可选' : `尚无 ${year + 1} 年度`}
            clearable
            searchable
            disabled={!hasNextYear}
            data={(nextProjects.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
            value={nextId}
            onChange={setNextId}
            error={form.errors.nextYearProjectId}
          />
          <Select
            label="状态"
            allowDeselect={false}
            data={Object.entries(RESULT_ACTION_STATUS).map(([value, label]) => ({ value, label }))}
            value={status}
            onChange={(v) => v && setStatus(v as ResultActionStatus)}
            error={form.errors.status}
          />
        </SimpleGrid>
        <Textarea
          label="说明"
          autosize
          minRows={1}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={form.errors.note}
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
