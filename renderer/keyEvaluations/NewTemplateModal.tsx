import { Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { FrameworkTemplateRow } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { FormAlert } from '../common/FormAlert';
import { FormFooter } from '../common/FormFooter';
import { useBridgeForm } from '../common/useBridgeForm';

interface NewTemplateModalProps {
  /** Copy a template (shipped or the bureau's), or an evaluation's framework. */
  source: { fromTemplateId: string } | { fromEvaluationId: number };
  /** What is copied, in words ("项目支出绩效评价指标体系（…）", "评价“…”的指标体系"). */
  sourceLabel: string;
  defaultName: string;
  onClose: () => void;
  onCreated: (t: FrameworkTemplateRow) => void;
}

/** 存为本局模板: names the copy; the ledger refuses a taken name or a framework that cannot be used. */
export function NewTemplateModal({ source, sourceLabel, defaultName, onClose, onCreated }: NewTemplateModalProps) {
  const [name, setName] = useState(defaultName);
  const [description, setDescription] = useState('');
  const form = useBridgeForm(['name', 'description']);

  async function create() {
    const created = await form.submit(() => ledger.keyEvaluations.createTemplate({ name, description, ...source }));
    if (!created) return;
    notifications.show({
      color: 'green',
      title: '已存为本局模板',
      message: `“${created.name}”可在新评价中选用，也可在“指标体系模板”中编辑。`,
    });
    onCreated(created);
  }

  return (
    <Modal opened onClose={onClose} title="存为本局模板" size="lg">
      <form
        aria-label="存为本局模板"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <Stack gap="sm">
          <Text fz="sm" c="dimmed">
            复制{sourceLabel}为本局模板。以后修改模板不影响已经按它建立的评价。
          </Text>
          <TextInput
            label="模板名称"
            required
            data-autofocus
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              form.clearError('name');
            }}
            error={form.errors.name}
          />
          <Textarea
            label="说明（适用的项目类型、与标准框架的不同）"
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={form.errors.description}
          />
          <FormAlert messages={form.alert} />
          <FormFooter onCancel={onClose} submitting={form.submitting} submitLabel="存为模板" />
        </Stack>
      </form>
    </Modal>
  );
}
