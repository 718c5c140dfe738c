import { Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { SelfEvaluationKind, SelfEvaluationView } from '../../electron/bridge/contract';
import { SELF_EVALUATION_KIND } from '../../electron/rules/selfEvaluationForm';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { FormAlert } from '../common/FormAlert';
import { FormFooter } from '../common/FormFooter';
import { LoadError } from '../common/LoadError';
import { useBridgeForm } from '../common/useBridgeForm';

/** 新建自评: a project of the year whose target is approved, pre-filled from that target and the execution data. */
export function NewSelfEvaluationModal({
  year,
  onClose,
  onCreated,
}: {
  year: number;
  onClose: () => void;
  onCreated: (view: SelfEvaluationView) => void;
}) {
  const [kind, setKind] = useState<SelfEvaluationKind>('self');
  const [projectId, setProjectId] = useState<string | null>(null);
  const candidates = useCall('selfEvaluations.candidates', { year, kind });
  const form = useBridgeForm(['projectId', 'kind']);

  async function create(event: FormEvent) {
    event.preventDefault();
    const view = await form.submit(() => ledger.selfEvaluations.create({ projectId: projectId ? Number(projectId) : 0, kind }));
    if (!view) return;
    notifications.show({ color: 'green', title: `已新建${view.kindLabel}表`, message: view.projectName });
    onCreated(view);
  }

  return (
    <Modal opened onClose={onClose} title={`新建自评（${year} 年度）`} size="lg">
      <form onSubmit={create} aria-label="新建自评">
        <Stack gap="sm">
          <SegmentedControl
            aria-label="评价类别"
            data={Object.entries(SELF_EVALUATION_KIND).map(([value, label]) => ({ value, label }))}
            value={kind}
            onChange={(v) => {
              setKind(v as SelfEvaluationKind);
              setProjectId(null);
            }}
          />
          {candidates.error && <LoadError error={candidates.error} onRetry={candidates.reload} />}
          <Select
            label="项目"
            description="只列出绩效目标已批复、还没有该类评价的项目；指标和年度指标值取自批复的目标，资金取自执行数据。"
            placeholder="输入项目、单位名称或代码查找"
            searchable
            allowDeselect={false}
            nothingFoundMessage="没有可以新建的项目"
            data={(candidates.data ?? []).map((c) => ({
              value: String(c.projectId),
              label: `${c.projectName}${c.projectCode ? `（${c.projectCode}）` : ''}　${c.unitName}`,
            }))}
            value={projectId}
            onChange={(v) => {
              setProjectId(v);
              form.clearError('projectId');
            }}
            error={form.errors.projectId}
            maxDropdownHeight={320}
          />
          {candidates.data && candidates.data.length === 0 && (
            <Text fz="sm" c="dimmed">
              本年度没有可以新建{SELF_EVALUATION_KIND[kind]}的项目：项目的绩效目标须先经会审并批复。
            </Text>
          )}
          <FormAlert messages={form.alert} />
          <FormFooter onCancel={onClose} submitting={form.submitting} submitLabel="新建" />
        </Stack>
      </form>
    </Modal>
  );
}
