import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formatScore } from '../../electron/rules/numberFormat';
import type { ResultApplicationRow } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { FormAlert } from '../common/FormAlert';
import { LoadError } from '../common/LoadError';
import { useBridgeForm } from '../common/useBridgeForm';
import { ACTION_FIELDS, actionDraftOf, actionInputOf, ResultActionFields, type ActionDraft } from './ResultActionFields';

const FIELDS = ['selfEvaluationId', ...ACTION_FIELDS] as const;

/**
 * 记录（或修改）一项自评、部门评价的结果应用: the evaluation (scored or accepted, with its grade and the
 * action its grade suggests), the action, the amount in 万元, next year's project and the status.
 */
export function ResultActionModal({
  year,
  editing,
  onClose,
  onSaved,
}: {
  year: number;
  /** An action on a 自评 or 部门评价 to change; null records a new one. */
  editing: ResultApplicationRow | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const applicable = useCall('resultApplication.applicable', { year });
  const [evaluationId, setEvaluationId] = useState<string | null>(editing ? String(editing.evaluationId) : null);
  const [draft, setDraft] = useState<ActionDraft>(() => actionDraftOf(editing));
  const form = useBridgeForm(FIELDS);

  const evaluation = applicable.data?.find((e) => String(e.selfEvaluationId) === evaluationId) ?? null;
  const suggested = evaluation?.suggestedAction ?? null;

  async function save() {
    const fields = actionInputOf(draft, suggested);
    const saved = await form.submit(() =>
      editing
        ? ledger.resultApplication.update({ id: editing.id, ...fields })
        : ledger.resultApplication.record({ selfEvaluationId: Number(evaluationId ?? 0), ...fields }),
    );
    if (!saved) return;
    notifications.show({
      color: 'green',
      title: editing ? '已修改结果应用' : '已记录结果应用',
      message: `${fields.actionType}${fields.amount ? ` ${fields.amount.trim()} 万元` : ''}`,
    });
    onSaved();
  }

  return (
    <Modal opened onClose={onClose} title={editing ? '修改结果应用' : '记录结果应用'} size="xl">
      {applicable.error ? (
        <LoadError error={applicable.error} onRetry={applicable.reload} />
      ) : (
        <Stack gap="sm">
          <Select
            label="评价（已评完分或审核通过的自评、部门评价）"
            placeholder={applicable.data?.length === 0 ? '本年度尚无评完分的自评或部门评价' : '请选择'}
            searchable
            disabled={editing !== null}
            data={(applicable.data ?? []).map((e) => ({
              value: String(e.selfEvaluationId),
              label: `${e.projectName}（${e.kindLabel}，${e.unitName}，${formatScore(e.total)} 分${e.grade ? ` ${e.grade}` : '，未评等级'}）`,
            }))}
            value={evaluationId}
            onChange={setEvaluationId}
            error={form.errors.selfEvaluationId}
          />
          {evaluation && (
            <Text fz="sm" aria-label="建议的结果应用">
              {evaluation.departmentName} · {evaluation.statusLabel}；按等级建议的结果应用：{suggested ?? '—（未评等级）'}
            </Text>
          )}
          <ResultActionFields
            year={year}
            suggested={suggested}
            draft={draft}
            onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
            errors={form.errors}
          />
          <FormAlert messages={form.alert} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button onClick={() => void save()} loading={form.submitting} disabled={!editing && evaluationId === null}>
              保存
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
