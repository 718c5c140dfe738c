import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { LedgerSettings } from '../../electron/bridge/contract';
import { LEDGER_SETTING_LABELS } from '../../electron/rules/ledgerSettingsRules';
import { ledger } from '../bridge/client';
import { FormAlert } from '../common/FormAlert';
import { useBridgeForm } from '../common/useBridgeForm';

const FIELDS = ['bureauName', 'noticePrefix'] as const;

/** 本局信息: the bureau's name (落款 of its notices) and the 发文字号前缀 its notices are numbered with. */
export function BureauSettingsForm({ settings, onSaved }: { settings: LedgerSettings; onSaved: () => void }) {
  const [bureauName, setBureauName] = useState(settings.bureauName ?? '');
  const [noticePrefix, setNoticePrefix] = useState(settings.noticePrefix ?? '');
  const form = useBridgeForm(FIELDS);

  async function save(event: FormEvent) {
    event.preventDefault();
    const saved = await form.submit(() => ledger.settings.save({ bureauName, noticePrefix }));
    if (!saved) return;
    notifications.show({ color: 'green', title: '本局信息已保存', message: `整改通知将以“${saved.bureauName}”落款。` });
    onSaved();
  }

  return (
    <form onSubmit={save} aria-label="修改本局信息">
      <Stack gap="sm" maw={560}>
        {!settings.bureauName && (
          <Alert color="yellow" title="尚未填写本局信息">
            填写财政局名称后才能导出整改通知（印在落款处）；填写发文字号前缀后才能下发整改通知（编文号）。
          </Alert>
        )}
        <TextInput
          label={LEDGER_SETTING_LABELS.bureauName}
          description="印在整改通知的落款处，请写全称"
          placeholder="如：轮台县财政局"
          value={bureauName}
          onChange={(e) => {
            setBureauName(e.currentTarget.value);
            form.clearError('bureauName');
          }}
          error={form.errors.bureauName}
        />
        <TextInput
          label={LEDGER_SETTING_LABELS.noticePrefix}
          description="整改通知文号中年份前的机关代字；修改后只影响以后下发的通知，已下发的文号不变"
          placeholder="如：轮财绩整（文号为 轮财绩整〔2023〕1号）"
          value={noticePrefix}
          onChange={(e) => {
            setNoticePrefix(e.currentTarget.value);
            form.clearError('noticePrefix');
          }}
          error={form.errors.noticePrefix}
        />
        <FormAlert messages={form.alert} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            保存本局信息
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
