import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { Envelope, SelfEvaluationStatus, SelfEvaluationView } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { FormAlert } from '../common/FormAlert';
import { FormFooter } from '../common/FormFooter';
import { useBridgeForm } from '../common/useBridgeForm';

interface Decidable {
  id: number;
  status: SelfEvaluationStatus;
  editable: boolean;
}

/** The three status calls of a kind of form (项目自评 or 部门整体自评), which share one flow. */
export interface DecisionCalls<V> {
  /** What the form is called in titles: 自评表, 部门整体自评. */
  subject: string;
  nameOf: (view: V) => string;
  submit: (input: { id: number }) => Promise<Envelope<V>>;
  return: (input: { id: number; findings: string }) => Promise<Envelope<V>>;
  accept: (input: { id: number }) => Promise<Envelope<V>>;
}

const PROJECT_CALLS: DecisionCalls<SelfEvaluationView> = {
  subject: '自评表',
  nameOf: (v) => v.projectName,
  submit: (i) => ledger.selfEvaluations.submit(i),
  return: (i) => ledger.selfEvaluations.return(i),
  accept: (i) => ledger.selfEvaluations.accept(i),
};

interface DecisionButtonsProps<V extends Decidable> {
  view: V;
  /** Unsaved edits: 报送 waits until they are saved. */
  dirty: boolean;
  onDone: (view: V) => void;
  /** The project self-evaluation's calls unless given. */
  calls?: DecisionCalls<V>;
}

/** 报送 (the unit's), then the bureau's 退回 with findings or 审核通过. */
export function DecisionButtons<V extends Decidable>({
  view,
  dirty,
  onDone,
  calls = PROJECT_CALLS as unknown as DecisionCalls<V>,
}: DecisionButtonsProps<V>) {
  const [returning, setReturning] = useState(false);
  const [findings, setFindings] = useState('');
  const form = useBridgeForm(['findings']);

  async function run(send: () => Promise<Envelope<V>>, title: string) {
    const done = await form.submit(send);
    if (!done) return;
    notifications.show({ color: 'green', title, message: calls.nameOf(done) });
    setReturning(false);
    onDone(done);
  }

  async function sendBack(event: FormEvent) {
    event.preventDefault();
    await run(() => calls.return({ id: view.id, findings }), '已退回单位');
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
            onClick={() => void run(() => calls.submit({ id: view.id }), `已报送${calls.subject}`)}
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
              onClick={() => void run(() => calls.accept({ id: view.id }), `${calls.subject}审核通过`)}
            >
              审核通过
            </Button>
          </>
        )}
      </Group>
      {!returning && <FormAlert messages={form.alert} />}
      {returning && (
        <Modal opened onClose={() => setReturning(false)} title={`退回${calls.subject}`} size="lg">
          <form onSubmit={sendBack} aria-label={`退回${calls.subject}`}>
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
