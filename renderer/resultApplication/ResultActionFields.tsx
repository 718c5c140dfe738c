import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { RESULT_ACTION_STATUS, RESULT_ACTION_TYPES, type ResultActionStatus } from '../../electron/rules/keyEvaluationFrameworks';
import { fenToWanYuanInput } from '../../electron/rules/money';
import { moneyEffectOf } from '../../electron/rules/resultApplication';
import { useCall } from '../bridge/useCall';
import { LoadError } from '../common/LoadError';

/** The bridge fields a result action's form shows (the amount's message may come as amount or amountFen). */
export const ACTION_FIELDS = ['actionType', 'amount', 'amountFen', 'nextYearProjectId', 'status', 'note'] as const;

/** A result action as typed: the amount in 万元 as text, the project as a Select value. */
export interface ActionDraft {
  /** null until the clerk picks one: the suggested action stands. */
  actionType: string | null;
  amount: string;
  nextYearProjectId: string | null;
  status: ResultActionStatus;
  note: string;
}

/** What a recorded action (on a 自评, 部门评价 or 重点评价) looks like in the form; a new one when null. */
export function actionDraftOf(
  row:
    | (Pick<ActionDraft, 'status'> & {
        actionType: string;
        amountFen: number | null;
        nextYearProjectId: number | null;
        note: string | null;
      })
    | null,
): ActionDraft {
  return {
    actionType: row?.actionType ?? null,
    amount: row?.amountFen == null ? '' : fenToWanYuanInput(row.amountFen),
    nextYearProjectId: row?.nextYearProjectId == null ? null : String(row.nextYearProjectId),
    status: row?.status ?? 'planned',
    note: row?.note ?? '',
  };
}

/** The record/update input both ledgers take; the ledger checks it (amount required where money moves). */
export function actionInputOf(draft: ActionDraft, suggested: string | null) {
  return {
    actionType: draft.actionType ?? suggested ?? '',
    amount: draft.amount.trim() === '' ? null : draft.amount,
    nextYearProjectId: draft.nextYearProjectId ? Number(draft.nextYearProjectId) : null,
    status: draft.status,
    note: draft.note.trim() || null,
  };
}

interface ResultActionFieldsProps {
  /** The evaluated year; the project is next year's. */
  year: number;
  /** The action the grade suggests: preselected and listed first. */
  suggested: string | null;
  draft: ActionDraft;
  onChange: (patch: Partial<ActionDraft>) => void;
  errors: Record<string, string>;
}

/** 应用方式, 金额（万元）, next year's project, 状态 and 说明: one form for every kind of evaluation. */
export function ResultActionFields({ year, suggested, draft, onChange, errors }: ResultActionFieldsProps) {
  const years = useCall('years.list', {});
  const hasNextYear = years.data?.some((y) => y.year === year + 1) ?? false;
  const nextProjects = useCall('projects.list', hasNextYear ? { year: year + 1 } : null);
  const chosenType = draft.actionType ?? suggested;
  const types = [...new Set([...(suggested ? [suggested] : []), ...RESULT_ACTION_TYPES])];
  const error = years.error ?? nextProjects.error;

  return (
    <Stack gap="sm">
      {error && (
        <LoadError
          error={error}
          onRetry={() => {
            years.reload();
            nextProjects.reload();
          }}
        />
      )}
      <SimpleGrid cols={{ base: 2, lg: 4 }}>
        <Select
          label="应用方式"
          allowDeselect={false}
          data={types}
          value={chosenType}
          onChange={(actionType) => onChange({ actionType })}
          error={errors.actionType}
        />
        <TextInput
          label="金额（万元）"
          placeholder={chosenType && moneyEffectOf(chosenType) ? '必填，如 10.50' : '可不填'}
          value={draft.amount}
          onChange={(e) => onChange({ amount: e.currentTarget.value })}
          error={errors.amount ?? errors.amountFen}
        />
        <Select
          label={`${year + 1} 年度项目`}
          placeholder={hasNextYear ? '可选' : `尚无 ${year + 1} 年度`}
          clearable
          searchable
          disabled={!hasNextYear}
          data={(nextProjects.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          value={draft.nextYearProjectId}
          onChange={(nextYearProjectId) => onChange({ nextYearProjectId })}
          error={errors.nextYearProjectId}
        />
        <Select
          label="状态"
          allowDeselect={false}
          data={Object.entries(RESULT_ACTION_STATUS).map(([value, label]) => ({ value, label }))}
          value={draft.status}
          onChange={(v) => v && onChange({ status: v as ResultActionStatus })}
          error={errors.status}
        />
      </SimpleGrid>
      <Textarea
        label="说明"
        autosize
        minRows={1}
        value={draft.note}
        onChange={(e) => onChange({ note: e.currentTarget.value })}
        error={errors.note}
      />
    </Stack>
  );
}
