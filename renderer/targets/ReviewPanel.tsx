import { Alert, Badge, Button, Divider, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { REVIEW_OUTCOME, REVIEW_PARTIES, TARGET_STATUS } from '../../electron/rules/jointReview';
import { type Grade, GRADES, type ReviewParty, type ReviewRoundView, type TargetDetail } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { FormAlert } from '../common/FormAlert';
import { useBridgeForm } from '../common/useBridgeForm';
import { OpinionCard } from './OpinionCard';
import { ReviewSheetButtons } from './TargetExchangeButtons';
import { Opinions } from './RoundHistory';
import { formatTime } from '../common/formatTime';
import { GRADE_COLOR, outcomeText } from './targetLabels';
import { LastYearTable } from './LastYearTable';

interface ReviewPanelProps {
  detail: TargetDetail;
  rounds: ReviewRoundView[];
  onChanged: () => void;
  /** Shows the 申报表, for revising after 中 or completing after 良. */
  onOpenForm: () => void;
}

const PARTIES = Object.keys(REVIEW_PARTIES) as ReviewParty[];

/**
 * 三方联合会审: the open round's three opinions and the bureau's combined result; outside a round,
 * where the target stands and what comes next (良: 财政完善后转待批复).
 */
export function ReviewPanel({ detail, rounds, onChanged, onOpenForm }: ReviewPanelProps) {
  const open = detail.status === 'inReview' ? rounds.find((r) => r.result === null) : undefined;
  const last = rounds.at(-1);

  if (!open) {
    return (
      <Stack gap="md">
        {!last ? (
          <Alert color="gray" title="尚未提交会审">
            机审清单的红色项全部改正后，在“申报表”中点“提交会审”，开始第 1 轮三方联合会审。
          </Alert>
        ) : (
          <Paper withBorder p="md" component="section" aria-label="最近一轮会审结论">
            <Stack gap="xs">
              <Group gap="sm">
                <Title order={4}>第 {last.roundNo} 轮会审结论</Title>
                {last.result && (
                  <Badge size="lg" color={GRADE_COLOR[last.result]}>
                    {last.result}
                  </Badge>
                )}
              </Group>
              {last.result && <Text fz="sm">{outcomeText(last.result)}</Text>}
              {last.resultNote && <Text fz="sm">说明：{last.resultNote}</Text>}
              <Text fz="xs" c="dimmed">
                {last.decidedBy ?? ''} 于 {formatTime(last.decidedAt)} 作出结论；目标当前为“{TARGET_STATUS[detail.status]}”。
              </Text>
              <NextStep detail={detail} onChanged={onChanged} onOpenForm={onOpenForm} />
              <Divider label="三方意见" labelPosition="left" />
              <Opinions round={last} />
            </Stack>
          </Paper>
        )}
        <LastYearTable detail={detail} />
      </Stack>
    );
  }

  const recorded = new Map(open.opinions.map((o) => [o.party, o]));
  return (
    <Stack gap="md">
      <Group gap="sm" justify="space-between">
        <Group gap="sm">
          <Title order={4}>第 {open.roundNo} 轮会审</Title>
          <Text fz="sm" c="dimmed">
            提交于 {formatTime(open.startedAt)} · 已有 {open.opinions.length} / 3 方提出意见
          </Text>
        </Group>
        <Group gap="xs" aria-label="会审意见表">
          <ReviewSheetButtons targetIds={[detail.id]} onImported={onChanged} size="xs" />
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 3 }}>
        {PARTIES.map((party) => (
          // Keyed by when the opinion was recorded: one read back from a 会审意见表 refills the card.
          <OpinionCard
            key={`${open.id}-${party}-${recorded.get(party)?.recordedAt ?? ''}`}
            targetId={detail.id}
            party={party}
            recorded={recorded.get(party) ?? null}
            onSaved={onChanged}
          />
        ))}
      </SimpleGrid>
      <LastYearTable detail={detail} />
      <DecisionCard key={open.id} targetId={detail.id} round={open} onDecided={onChanged} />
    </Stack>
  );
}

/** 会审结论: pre-filled with the rounded mean of the grades given; the bureau decides. */
function DecisionCard({ targetId, round, onDecided }: { targetId: number; round: ReviewRoundView; onDecided: () => void }) {
  const [chosen, setChosen] = useState<Grade | null>(null);
  const [note, setNote] = useState('');
  const form = useBridgeForm(['result', 'note']);
  const grade = chosen ?? round.suggestion;

  async function decide(event: FormEvent) {
    event.preventDefault();
    const decided = await form.submit(() => ledger.review.decide({ targetId, result: grade as Grade, note }));
    if (!decided) return;
    notifications.show({
      color: 'green',
      title: `第 ${round.roundNo} 轮会审结论：${grade}`,
      message: `目标转为“${TARGET_STATUS[decided.status]}”`,
    });
    onDecided();
  }

  return (
    <Paper withBorder p="md" component="section" aria-label="会审结论">
      <form onSubmit={decide}>
        <Stack gap="sm">
          <Title order={5}>会审结论</Title>
          <Text fz="sm" c="dimmed">
            {round.suggestion ? `按三方所评各项等级的平均，建议结论为“${round.suggestion}”。` : '三方提出意见后，这里给出建议结论。'}
            结论由财政局综合三方意见作出。
          </Text>
          <Group align="flex-start" gap="md" wrap="nowrap">
            <Select
              label="结论等级"
              w={140}
              allowDeselect={false}
              data={[...GRADES]}
              value={grade}
              onChange={(v) => {
                setChosen(v as Grade);
                form.clearError('result');
              }}
              error={form.errors.result}
            />
            <Stack gap={2} pt={26}>
              {grade ? (
                <Text fz="sm" fw={500} c={GRADE_COLOR[grade]} aria-label="结论含义">
                  {grade} → {REVIEW_OUTCOME[grade].meaning}（转为“{TARGET_STATUS[REVIEW_OUTCOME[grade].status]}”）
                </Text>
              ) : null}
            </Stack>
          </Group>
          <Textarea
            label="结论说明"
            autosize
            minRows={2}
            value={note}
            onChange={(e) => {
              setNote(e.currentTarget.value);
              form.clearError('note');
            }}
            error={form.errors.note}
          />
          <FormAlert messages={form.alert} />
          <Group justify="flex-end">
            <Button type="submit" loading={form.submitting}>
              作出结论
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** What the clerk does after the result: revise and resubmit, or (良) confirm the bureau's completion. */
function NextStep({ detail, onChanged, onOpenForm }: { detail: TargetDetail; onChanged: () => void; onOpenForm: () => void }) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  async function complete() {
    setBusy(true);
    setRefusal(null);
    const result = await ledger.review.completeByFinance({ targetId: detail.id });
    setBusy(false);
    if (!result.ok) return setRefusal(result.error.message);
    notifications.show({ color: 'green', title: '已转为待批复', message: result.value.projectName ?? `${result.value.unitName}部门整体` });
    onChanged();
  }

  return (
    <>
      {detail.status === 'returned' && (
        <Group gap="sm">
          <Text fz="sm">请按会审意见修改申报表并保存，再提交会审，开始下一轮。</Text>
          <Button size="sm" variant="light" onClick={onOpenForm}>
            修改申报表
          </Button>
        </Group>
      )}
      {detail.status === 'financeCompleting' && (
        <Group gap="sm">
          <Button size="sm" variant="light" onClick={onOpenForm}>
            完善申报表
          </Button>
          <Text fz="sm">完善并保存后：</Text>
          <Button size="sm" onClick={() => void complete()} loading={busy}>
            完善完成，转待批复
          </Button>
        </Group>
      )}
      {detail.status === 'ready' && <Text fz="sm">可在绩效目标列表中勾选后“批复所选”。</Text>}
      {refusal && (
        <Alert color="red" title="未能转为待批复" role="alert">
          {refusal}
        </Alert>
      )}
    </>
  );
}
