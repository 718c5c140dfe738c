import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { SelfEvaluationView } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { FormAlert } from '../common/FormAlert';
import { FormFooter } from '../common/FormFooter';
import { useBridgeForm } from '../common/useBridgeForm';

interface DecisionButtonsProps {
  view: SelfEvaluationView;
  /** Unsaved edits: 报送 waits until they are saved. */
  dirty: boolean;
  onDone: (view: SelfEvaluationView) => void;
}

/** 报送 (the unit's), then the bureau's 退回 with findings or 审核通过. */
export function DecisionButtons({ view, dirty, onDone }: DecisionButtonsProps) {
  const [returning, setReturning] = useState(false);
  const [findings, setFindings] = useState('');
  const form = useBridgeForm(['findings']);

  async function run(send: () => ReturnType<typeof ledger.selfEvaluations.submit>, title: string) {
    const done = await form.submit(send);
    if (!done) return;
    notifications.show({ color: 'green', title, message: done.projectName });
    setReturning(false);
    onDone(done);
  }

  async function sendBack(event: FormEvent) {
    event.preventDefault();
    await run(() => ledger.selfEvaluations.return({ id: view.id, findings }), '已退回单位');
  }

  return (
    <Stack gap="xs">
      <Group gap="sm">
        {view.editable && (
          <Button
            variant="light"
            disabled={dirty}
            title={dirty ? '请先保存修改' : undefined}
            loading={form.submitting}
            onClick={() => void run(() => ledger.selfEvaluations.submit({ id: view.id }), '已报送自评表')}
          >
            报送
          </Button>
        )}
        {view.status === 'submitted' && (
          <>
            <Button color="orange" variant="light" onClick={() => setReturning(true)}>
              退回单位
            </Button>
            <Button
              color="green"
              loading={form.submitting}
              onClick={() => void run(() => ledger.selfEvaluations.accept({ id: view.id }), '自评表审核通过')}
            >
              审核通过
            </Button>
          </>
        )}
      </Group>
      {!returning && <FormAlert messages={form.alert} />}
      {returning && (
        <Modal opened onClose={() => setReturning(false)} title="退回自评表" size="lg">
          <form onSubmit={sendBack} aria-label="退回自评表">
            <Stack gap="sm">
              <Textarea
                label="退回意见"
                description="写明发现的问题和需要单位改正的地方；单位改正后重新报送，替换本表。"
                autosize
                minRows={3}
                value={findings}
                onChange={(e) => {
                  setFindings(e.currentTarget.value);
                  form.clearError('findings');
                }}
                error={form.errors.findings}
              />
              <FormAlert messages={form.alert} />
              <FormFooter onCancel={() => setReturning(false)} submitting={form.submitting} submitLabel="退回" />
            </Stack>
          </form>
        </Modal>
      )}
    </Stack>
  );
}
