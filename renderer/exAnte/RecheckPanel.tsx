import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { AssessmentView } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { FormAlert } from '../common/FormAlert';
import { useBridgeForm } from '../common/useBridgeForm';
import { formatTime } from '../common/formatTime';

interface RecheckPanelProps {
  view: AssessmentView;
  onRechecked: (view: AssessmentView) => void;
}

/**
 * 复核调整后方案: a final 调整完善后予以支持 lets the project in only after the unit revises its plan
 * and the bureau re-checks it; the revised plan's main points are recorded with who and when.
 */
export function RecheckPanel({ view, onRechecked }: RecheckPanelProps) {
  const [plan, setPlan] = useState('');
  const form = useBridgeForm(['revisedPlan']);

  async function recheck() {
    const done = await form.submit(() => ledger.exAnte.recheck({ id: view.id, revisedPlan: plan }));
    if (!done) return;
    notifications.show({ color: 'green', title: '调整后方案已复核', message: view.subjectName });
    onRechecked(done);
  }

  return (
    <Paper withBorder p="md" component="section" aria-label="复核调整后方案">
      <Stack gap="sm">
        <Title order={4}>复核调整后方案</Title>
        {view.recheckedAt ? (
          <>
            <Alert color="green" title="调整后方案已复核">
              复核人：{view.recheckedBy ?? '—'}　复核时间：{formatTime(view.recheckedAt)}
            </Alert>
            <Text fz="sm" fw={600}>
              调整完善后的方案要点
            </Text>
            <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }} aria-label="调整完善后的方案要点">
              {view.revisedPlan}
            </Text>
          </>
        ) : (
          <>
            <Alert color="orange" title={`结论为“${view.conclusion}”`}>
              单位按评估意见调整完善实施方案后，由财政局复核；复核通过前，该项目不能入库或批复预算。
            </Alert>
            <Textarea
              label="调整完善后的方案要点"
              placeholder="如：压减入户改造单价，分两期实施；补充测算依据。"
              autosize
              minRows={3}
              maxRows={10}
              value={plan}
              onChange={(e) => {
                setPlan(e.currentTarget.value);
                form.clearError('revisedPlan');
              }}
              error={form.errors.revisedPlan}
            />
            <FormAlert messages={form.alert} />
            <Group justify="flex-end">
              <Button onClick={() => void recheck()} loading={form.submitting}>
                复核通过
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
