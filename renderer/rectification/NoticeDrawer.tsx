import {
  Alert,
  Badge,
  Button,
  Divider,
  Drawer,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { NoticeDetail } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { FormAlert } from '../common/FormAlert';
import { LoadError } from '../common/LoadError';
import { useBridgeForm } from '../common/useBridgeForm';
import { atText, overdueLabel, STATUS_COLOR } from './noticeView';

interface NoticeDrawerProps {
  id: number;
  onClose: () => void;
  onChanged: () => void;
}

/** One notice: its content (editable while a draft), the next step open to it, and every step so far. */
export function NoticeDrawer({ id, onClose, onChanged }: NoticeDrawerProps) {
  const loaded = useCall('notices.get', { id });
  const [detail, setDetail] = useState<NoticeDetail | null>(null);
  useEffect(() => setDetail(loaded.data), [loaded.data]);

  function changed(next: NoticeDetail | null) {
    if (next) setDetail(next);
    else loaded.reload();
    onChanged();
  }

  const n = detail;
  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={n ? `整改通知：${n.label}` : '整改通知'} aria-label="整改通知办理">
      {loaded.error && <LoadError error={loaded.error} onRetry={loaded.reload} />}
      {!n ? (
        !loaded.error && <Loader aria-label="正在读取整改通知" />
      ) : (
        <Stack gap="md">
          <Group gap="xs">
            <Badge variant="light" color={STATUS_COLOR[n.status]} size="lg">
              {n.statusLabel}
            </Badge>
            {n.overdue && (
              <Badge color="red" variant="filled" size="lg">
                {overdueLabel(n)}
              </Badge>
            )}
            {!n.overdue && n.feedbackLateDays ? (
              <Badge color="orange" variant="light">
                {overdueLabel(n)}
              </Badge>
            ) : null}
          </Group>
          <SimpleGrid cols={2} spacing={6} verticalSpacing={4} fz="sm">
            <Text fz="sm">文号：{n.number ?? '（下发时编号）'}</Text>
            <Text fz="sm">
              来源：{n.sourceLabel}
              {n.roundName ? `（${n.roundName}）` : ''}
            </Text>
            <Text fz="sm">单位：{n.unitName}</Text>
            <Text fz="sm">项目：{n.projectName ?? '—'}</Text>
            <Text fz="sm" c={n.overdue ? 'red.8' : undefined} fw={n.overdue ? 600 : undefined}>
              反馈期限：{n.deadline}
            </Text>
            <Text fz="sm">下发时间：{n.issuedAt ? atText(n.issuedAt) : '—'}</Text>
          </SimpleGrid>
          {n.actions.includes('edit') ? (
            <DraftForm key={n.updatedAt} notice={n} onSaved={changed} />
          ) : (
            <Paper withBorder p="sm">
              <Title order={5}>发现的问题</Title>
              <Text fz="sm" style={{ whiteSpace: 'pre-line' }} mb="sm">
                {n.findings}
              </Text>
              <Title order={5}>整改要求</Title>
              <Text fz="sm" style={{ whiteSpace: 'pre-line' }}>
                {n.requirements}
              </Text>
            </Paper>
          )}
          {n.actions.includes('feedback') && <FeedbackForm key={`f${n.updatedAt}`} notice={n} onSaved={changed} />}
          {(n.actions.includes('close') || n.actions.includes('return')) && (
            <ReviewForm key={`r${n.updatedAt}`} notice={n} onSaved={changed} />
          )}
          <Divider label="办理记录" labelPosition="left" />
          {n.events.length === 0 ? (
            <Text fz="sm" c="dimmed">
              尚未下发，没有办理记录。
            </Text>
          ) : (
            <Timeline bulletSize={14} lineWidth={2} active={n.events.length - 1} aria-label="办理记录">
              {n.events.map((e) => (
                <Timeline.Item
                  key={e.id}
                  title={`${e.kindLabel} · ${atText(e.at)} · ${e.actor}`}
                  color={e.kind === 'returned' ? 'orange' : e.kind === 'closed' ? 'green' : 'blue'}
                >
                  {e.text && (
                    <Text fz="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
                      {e.text}
                    </Text>
                  )}
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </Stack>
      )}
    </Drawer>
  );
}

const DRAFT_FIELDS = ['findings', 'requirements', 'deadline'] as const;

function DraftForm({ notice, onSaved }: { notice: NoticeDetail; onSaved: (d: NoticeDetail | null) => void }) {
  const [findings, setFindings] = useState(notice.findings);
  const [requirements, setRequirements] = useState(notice.requirements);
  const [deadline, setDeadline] = useState(notice.deadline);
  const form = useBridgeForm(DRAFT_FIELDS);
  const [issuing, setIssuing] = useState(false);
  const dirty = findings !== notice.findings || requirements !== notice.requirements || deadline !== notice.deadline;

  async function save(): Promise<boolean> {
    const saved = await form.submit(() => ledger.notices.update({ id: notice.id, findings, requirements, deadline: deadline.trim() }));
    if (!saved) return false;
    return true;
  }

  async function saveOnly() {
    if (await save()) {
      notifications.show({ color: 'green', title: '已保存草稿', message: notice.label });
      onSaved(null);
    }
  }

  async function issue() {
    if (dirty && !(await save())) return;
    setIssuing(true);
    const result = await ledger.notices.issue({ ids: [notice.id] });
    setIssuing(false);
    if (!result.ok) {
      notifications.show({ color: 'red', title: '未能下发', message: result.error.message, autoClose: false });
      return;
    }
    notifications.show({ color: 'green', title: '已下发整改通知', message: result.value[0]?.number ?? '' });
    onSaved(null);
  }

  const field = (name: (typeof DRAFT_FIELDS)[number]) => ({ error: form.errors[name] });
  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <Textarea
          label="发现的问题"
          autosize
          minRows={3}
          maxRows={10}
          value={findings}
          onChange={(e) => {
            setFindings(e.currentTarget.value);
            form.clearError('findings');
          }}
          {...field('findings')}
        />
        <Textarea
          label="整改要求"
          autosize
          minRows={3}
          maxRows={10}
          value={requirements}
          onChange={(e) => {
            setRequirements(e.currentTarget.value);
            form.clearError('requirements');
          }}
          {...field('requirements')}
        />
        <TextInput
          label="反馈期限"
          placeholder="2023-06-30"
          w={200}
          value={deadline}
          onChange={(e) => {
            setDeadline(e.currentTarget.value);
            form.clearError('deadline');
          }}
          {...field('deadline')}
        />
        <FormAlert messages={form.alert} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void saveOnly()} loading={form.submitting && !issuing} disabled={!dirty}>
            保存草稿
          </Button>
          <Button onClick={() => void issue()} loading={issuing}>
            {dirty ? '保存并下发' : '下发'}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function FeedbackForm({ notice, onSaved }: { notice: NoticeDetail; onSaved: (d: NoticeDetail) => void }) {
  const [text, setText] = useState('');
  const form = useBridgeForm(['text']);
  async function submit() {
    const saved = await form.submit(() => ledger.notices.feedback({ id: notice.id, text }));
    if (saved) {
      notifications.show({ color: 'green', title: '已登记整改反馈', message: notice.label });
      onSaved(saved);
    }
  }
  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <Title order={5}>登记反馈</Title>
        {notice.status === 'returned' && notice.lastEvent?.kind === 'returned' && (
          <Alert color="orange" py={6}>
            退回原因：{notice.lastEvent.text}
          </Alert>
        )}
        <Textarea
          label="单位的整改反馈"
          placeholder="单位书面反馈的偏离原因、纠偏措施及落实情况"
          autosize
          minRows={3}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            form.clearError('text');
          }}
          error={form.errors.text}
        />
        <FormAlert messages={form.alert} />
        <Group justify="flex-end">
          <Button onClick={() => void submit()} loading={form.submitting}>
            登记反馈
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ReviewForm({ notice, onSaved }: { notice: NoticeDetail; onSaved: (d: NoticeDetail) => void }) {
  const [text, setText] = useState('');
  const [deadline, setDeadline] = useState('');
  const form = useBridgeForm(['text', 'deadline']);
  const [deciding, setDeciding] = useState<'close' | 'return' | null>(null);
  async function decide(decision: 'close' | 'return') {
    setDeciding(decision);
    const saved = await form.submit(() =>
      ledger.notices.review({ id: notice.id, decision, text, deadline: decision === 'return' && deadline.trim() ? deadline.trim() : null }),
    );
    setDeciding(null);
    if (saved) {
      notifications.show({ color: 'green', title: decision === 'close' ? '已审核办结' : '已退回', message: notice.label });
      onSaved(saved);
    }
  }
  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <Title order={5}>审核反馈</Title>
        {notice.lastFeedback && (
          <Alert color="grape" variant="light" title={`单位反馈（${atText(notice.lastFeedback.at)}）`} py={8}>
            <Text fz="sm" style={{ whiteSpace: 'pre-line' }}>
              {notice.lastFeedback.text}
            </Text>
          </Alert>
        )}
        <Textarea
          label="审核意见"
          description="退回时须写明退回原因和需补充的整改内容"
          autosize
          minRows={2}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            form.clearError('text');
          }}
          error={form.errors.text}
        />
        <TextInput
          label="新的反馈期限（退回时可选）"
          placeholder="不改期限则留空"
          w={240}
          value={deadline}
          onChange={(e) => {
            setDeadline(e.currentTarget.value);
            form.clearError('deadline');
          }}
          error={form.errors.deadline}
        />
        <FormAlert messages={form.alert} />
        <Group justify="flex-end">
          <Button
            color="orange"
            variant="light"
            onClick={() => void decide('return')}
            loading={deciding === 'return'}
            disabled={deciding !== null}
          >
            退回
          </Button>
          <Button color="green" onClick={() => void decide('close')} loading={deciding === 'close'} disabled={deciding !== null}>
            办结
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
