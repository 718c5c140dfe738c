import { Badge, Button, Group, Input, Paper, SegmentedControl, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { REVIEW_DIMENSIONS, REVIEW_PARTIES, type ReviewDimension } from '../../electron/rules/jointReview';
import { type Grade, GRADES, type ReviewParty, type ReviewRoundView } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { FormAlert } from '../common/FormAlert';
import { useBridgeForm } from '../common/useBridgeForm';
import { formatTime } from '../common/formatTime';
import { GRADE_COLOR } from './targetLabels';

type Opinion = ReviewRoundView['opinions'][number];

interface OpinionCardProps {
  targetId: number;
  party: ReviewParty;
  /** This party's opinion already recorded in the open round; saving again replaces it. */
  recorded: Opinion | null;
  onSaved: () => void;
}

const DIMENSIONS = Object.keys(REVIEW_DIMENSIONS) as ReviewDimension[];
const FIELDS = ['reviewer', ...DIMENSIONS, 'opinion'];

/** One party's opinion in the open round: who reviewed, a grade on each of the four dimensions, the comments. */
export function OpinionCard({ targetId, party, recorded, onSaved }: OpinionCardProps) {
  const [reviewer, setReviewer] = useState(recorded?.reviewer ?? '');
  const [grades, setGrades] = useState<Partial<Record<ReviewDimension, Grade>>>(() =>
    recorded ? Object.fromEntries(DIMENSIONS.map((d) => [d, recorded[d]])) : {},
  );
  const [opinion, setOpinion] = useState(recorded?.opinion ?? '');
  const form = useBridgeForm(FIELDS);

  async function save(event: FormEvent) {
    event.preventDefault();
    // An ungraded dimension goes as null: the bridge answers with its message at that dimension.
    const input = { targetId, party, reviewer, opinion, ...Object.fromEntries(DIMENSIONS.map((d) => [d, grades[d] ?? null])) };
    const saved = await form.submit(() => ledger.review.recordOpinion(input as Parameters<typeof ledger.review.recordOpinion>[0]));
    if (!saved) return;
    notifications.show({ color: 'green', title: '会审意见已保存', message: REVIEW_PARTIES[party] });
    onSaved();
  }

  return (
    <Paper withBorder p="md" component="section" aria-label={REVIEW_PARTIES[party]}>
      <form onSubmit={save}>
        <Stack gap="sm">
          <Group justify="space-between" wrap="nowrap">
            <Title order={5}>{REVIEW_PARTIES[party]}</Title>
            {recorded ? (
              <Badge variant="light" color="green" title={`保存于 ${formatTime(recorded.recordedAt)}`}>
                已提出意见
              </Badge>
            ) : (
              <Badge variant="light" color="gray">
                待提出意见
              </Badge>
            )}
          </Group>
          <TextInput
            label="审核人"
            placeholder="姓名或科室"
            value={reviewer}
            onChange={(e) => {
              setReviewer(e.currentTarget.value);
              form.clearError('reviewer');
            }}
            error={form.errors.reviewer}
          />
          <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
            {DIMENSIONS.map((d) => (
              <Input.Wrapper key={d} label={REVIEW_DIMENSIONS[d]} error={form.errors[d]}>
                <SegmentedControl
                  role="radiogroup"
                  aria-label={REVIEW_DIMENSIONS[d]}
                  fullWidth
                  size="xs"
                  data={[...GRADES]}
                  color={grades[d] ? GRADE_COLOR[grades[d]] : undefined}
                  value={grades[d] ?? ''}
                  onChange={(v) => {
                    setGrades((g) => ({ ...g, [d]: v as Grade }));
                    form.clearError(d);
                  }}
                />
              </Input.Wrapper>
            ))}
          </SimpleGrid>
          <Textarea
            label="修改意见"
            autosize
            minRows={2}
            maxRows={6}
            value={opinion}
            onChange={(e) => {
              setOpinion(e.currentTarget.value);
              form.clearError('opinion');
            }}
            error={form.errors.opinion}
          />
          <FormAlert messages={form.alert} />
          <Group justify="flex-end">
            <Button type="submit" size="sm" variant={recorded ? 'light' : 'filled'} loading={form.submitting}>
              保存意见
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
