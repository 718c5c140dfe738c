import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { RESULT_ACTION_STATUS, RESULT_ACTION_TYPES, type ResultActionStatus } from '../../electron/rules/keyEvaluationFrameworks';
import { fenToWanYuanInput } from '../../electron/rules/money';
import { moneyEffectOf } from '../../electron/rules/resultApplication';
import type { ResultApplicationRow } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { FormAlert } from '../common/FormAlert';
import { LoadError } from '../common/LoadError';
import { useBridgeForm } from '../common/useBridgeForm';

const FIELDS = ['selfEvaluationId', 'actionType', 'amount', 'amountFen', 'nextYearProjectId', 'status', 'note'] as const;

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
  const years = useCall('years.list', {});
  const hasNextYear = years.data?.some((y) => y.year === year + 1) ?? false;
  const nextProjects = useCall('projects.list', hasNextYear ? { year: year + 1 } : null);
  const [evaluationId, setEvaluationId] = useState<string | null>(editing ? String(editing.evaluationId) : null);
  const [actionType, setActionType] = useState<string | null>(editing?.actionType ?? null);
  const [amount, setAmount] = useState(editing?.amountFen == null ? '' : fenToWanYuanInput(editing.amountFen));
  const [nextId, setNextId] = useState<string | null>(editing?.nextYearProjectId == null ? null : String(editing.nextYearProjectId));
  const [status, setStatus] = useState<ResultActionStatus>(editing?.status ?? 'planned');
  const [note, setNote] = useState(editing?.note ?? '');
  const form = useBridgeForm(FIELDS);

  const evaluation = applicable.data?.find((e) => String(e.selfEvaluationId) === evaluationId) ?? null;
  const suggested = evaluation?.suggestedAction ?? null;
  const chosenType = actionType ?? suggested;
  const types = [...new Set([...(suggested ? [suggested] : []), ...RESULT_ACTION_TYPES])];
  const error = applicable.error ?? years.error ?? nextProjects.error;

  async function save() {
    const fields = {
      actionType: chosenType ?? '',
      amount: amount.trim() === '' ? null : amount,
      nextYearProjectId: nextId ? Number(nextId) : null,
      status,
      note: note.trim() || null,
    };
    const saved = await form.submit(() =>
      editing
        ? ledger.resultApplication.update({ id: editing.id, ...fields })
        : ledger.resultApplication.record({ selfEvaluationId: Number(evaluationId ?? 0), ...fields }),
    );
    if (!saved) return;
    notifications.show({
      color: 'green',
      title: editing ? '已修改结果应用' : '已记录结果应用',
      message: `${fields.actionType}${amount.trim() ? ` ${amount.trim()} 万元` : ''}`,
    });
    onSaved();
  }

  return (
    <Modal opened onClose={onClose} title={editing ? '修改结果应用' : '记录结果应用'} size="xl">
      {error ? (
        <LoadError
          error={error}
          onRetry={() => {
            applicable.reload();
            years.reload();
          }}
        />
      ) : (
        <Stack gap="sm">
          <Select
            label="评价（已评完分或审核通过的自评、部门评价）"
            placeholder={applicable.data?.length === 0 ? '本年度尚无评完分的自评或部门评价' : '请选择'}
            searchable
            disabled={editing !== null}
            data={(applicable.data ?? []).map((e) => ({
              value: String(e.selfEvaluationId),
              label: `${e.projectName}（${e.kindLabel}，${e.unitName}，${e.total.toFixed(2)} 分${e.grade ? ` ${e.grade}` : '，未评等级'}）`,
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
          <SimpleGrid cols={{ base: 2, lg: 4 }}>
            <Select
              label="应用方式"
              allowDeselect={false}
              data={types}
              value={chosenType}
              onChange={setActionType}
              error={form.errors.actionType}
            />
            <TextInput
              label="金额（万元）"
              placeholder={chosenType && moneyEffectOf(chosenType) ? '必填，如 10.50' : '可不填'}
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
              error={form.errors.amount ?? form.errors.amountFen}
            />
            <Select
              label={`${year + 1} 年度项目`}
              placeholder={hasNextYear ? '可选' : `尚无 ${year + 1} 年度`}
              clearable
              searchable
              disabled={!hasNextYear}
              data={(nextProjects.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
              value={nextId}
              onChange={setNextId}
              error={form.errors.nextYearProjectId}
            />
            <Select
              label="状态"
              allowDeselect={false}
              data={Object.entries(RESULT_ACTION_STATUS).map(([value, label]) => ({ value, label }))}
              value={status}
              onChange={(v) => v && setStatus(v as ResultActionStatus)}
              error={form.errors.status}
            />
          </SimpleGrid>
          <Textarea
            label="说明"
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={form.errors.note}
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
