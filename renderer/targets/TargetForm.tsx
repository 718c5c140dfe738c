import {
  Alert,
  Button,
  Divider,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import {
  TARGET_PERIODS,
  type IndicatorClassRow,
  type IndicatorLayout,
  type IndicatorRow,
  type TargetDetail,
} from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { FormAlert } from '../common/FormAlert';
import { useBridgeForm } from '../common/useBridgeForm';
import { CustomIndicatorModal } from './CustomIndicatorModal';
import { IndicatorPickerDrawer } from './IndicatorPickerDrawer';
import { PromoteIndicatorModal } from './PromoteIndicatorModal';
import {
  contentOf,
  draftOf,
  fieldKeys,
  ordered,
  PERIOD_LABELS,
  rowFromLibrary,
  sameContent,
  type DraftIndicator,
  type TargetDraft,
} from './targetDraft';
import { TargetIndicatorTable } from './TargetIndicatorTable';
import type { TargetPeriod } from '../../electron/bridge/contract';

export type FormMode = 'edit' | 'adjust' | 'view';

interface TargetFormProps {
  year: number;
  detail: TargetDetail;
  library: readonly IndicatorRow[];
  classes: readonly IndicatorClassRow[];
  layout: IndicatorLayout;
  mode: FormMode;
  onSaved: () => void;
  onCancelAdjust: () => void;
  /** Reports unsaved changes, so 提交会审 waits for a save. */
  onDirtyChange: (dirty: boolean) => void;
  /** 纳入指标库 added an indicator to the library. */
  onLibraryChanged: () => void;
}

/**
 * 项目（部门整体）支出绩效目标申报表: goals, funds in 万元, and the indicators. Saving sends the form as
 * typed; the bridge's messages appear at the fields they name, the rest above the save button.
 * In adjust mode (approved targets) the same form asks for 调整原因 and goes through 目标调整.
 */
export function TargetForm({
  year,
  detail,
  library,
  classes,
  layout,
  mode,
  onSaved,
  onCancelAdjust,
  onDirtyChange,
  onLibraryChanged,
}: TargetFormProps) {
  const initial = useMemo(() => draftOf(detail, library, layout), [detail, library, layout]);
  const [draft, setDraft] = useState<TargetDraft>(initial);
  const [reason, setReason] = useState('');
  const [period, setPeriod] = useState<TargetPeriod>('annual');
  const [picking, setPicking] = useState(false);
  const [addingCustom, setAddingCustom] = useState(false);
  const [promoting, setPromoting] = useState<DraftIndicator | null>(null);
  const form = useBridgeForm(fieldKeys(draft));
  const readOnly = mode === 'view';
  const dirty = !sameContent(draft, initial);

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const set = <F extends keyof TargetDraft>(field: F, value: TargetDraft[F]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    form.clearError(field);
  };
  const text = (
    field:
      | 'period'
      | 'midTermGoal'
      | 'annualGoal'
      | 'mainTasks'
      | 'annualTotal'
      | 'annualFiscal'
      | 'annualOther'
      | 'midTotal'
      | 'midFiscal'
      | 'midOther',
  ) => ({
    value: draft[field],
    onChange: (e: { currentTarget: { value: string } }) => set(field, e.currentTarget.value),
    error: form.errors[field],
    readOnly,
  });

  // Keys name rows by position: a change of rows clears the row messages, which no longer point right.
  const setRows = (rows: DraftIndicator[]) => {
    setDraft((d) => ({ ...d, indicators: ordered(rows, layout) }));
    for (const key of Object.keys(form.errors)) if (key.startsWith('indicators.')) form.clearError(key);
  };
  const changeRow = (index: number, patch: Partial<DraftIndicator>) => {
    setDraft((d) => ({ ...d, indicators: d.indicators.map((r, i) => (i === index ? { ...r, ...patch } : r)) }));
    for (const field of Object.keys(patch)) form.clearError(`indicators.${index}.${field}`);
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    const content = contentOf(draft, detail.id);
    const saved = await form.submit(() =>
      mode === 'adjust' ? ledger.targets.adjust({ ...content, reason }) : ledger.targets.save(content),
    );
    if (!saved) return;
    notifications.show({
      color: 'green',
      title: mode === 'adjust' ? '目标调整已记录' : '绩效目标已保存',
      message: saved.projectName ?? `${saved.unitName}部门整体`,
    });
    onSaved();
  }

  const chosenIds = new Set(
    draft.indicators.filter((r) => r.period === period && r.libraryIndicatorId !== null).map((r) => r.libraryIndicatorId!),
  );
  const counts = {
    annual: draft.indicators.filter((r) => r.period === 'annual').length,
    midTerm: draft.indicators.filter((r) => r.period === 'midTerm').length,
  };
  const otherPeriod: TargetPeriod = period === 'annual' ? 'midTerm' : 'annual';
  const otherErrors = Object.keys(form.errors).filter((k) => {
    const index = /^indicators\.(\d+)\./.exec(k)?.[1];
    return index !== undefined && draft.indicators[Number(index)]?.period === otherPeriod;
  }).length;
  const subjectName = detail.projectName ?? `${detail.unitName}部门整体`;

  // The drawer and dialogs sit outside the <form>: their own submits must not bubble into this one.
  return (
    <>
      <form onSubmit={save} aria-label="绩效目标申报表">
        <Stack gap="md">
          {mode === 'adjust' && (
            <Alert color="orange" title="目标调整">
              已批复的绩效目标只能走调整程序：修改后写明调整原因，台账保留调整前后的内容。
            </Alert>
          )}
          <Section title="基本信息">
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <Select
                label="指标类别"
                placeholder="选择本项目所属的指标类别"
                searchable
                clearable
                readOnly={readOnly}
                data={classes.map((c) => ({ value: String(c.id), label: c.name }))}
                value={draft.indicatorClassId}
                onChange={(v) => set('indicatorClassId', v)}
                error={form.errors.indicatorClassId}
              />
              <TextInput label="项目期" placeholder="如：2023年，或 2023—2025年" {...text('period')} />
            </SimpleGrid>
          </Section>
          <Section title="绩效目标">
            {detail.subject === 'department' && <Textarea label="年度主要任务" autosize minRows={2} maxRows={8} {...text('mainTasks')} />}
            <Textarea
              label="中期目标"
              description="跨年度项目填写；一年期项目可不填"
              autosize
              minRows={2}
              maxRows={6}
              {...text('midTermGoal')}
            />
            <Textarea label="年度总体目标" autosize minRows={3} maxRows={8} {...text('annualGoal')} />
          </Section>
          <Section title="资金（万元）">
            <SimpleGrid cols={3}>
              <TextInput label="年度资金总额（万元）" inputMode="decimal" {...text('annualTotal')} />
              <TextInput label="其中：财政拨款（万元）" inputMode="decimal" {...text('annualFiscal')} />
              <TextInput label="其他资金（万元）" inputMode="decimal" {...text('annualOther')} />
              <TextInput label="中期资金总额（万元）" placeholder="选填" inputMode="decimal" {...text('midTotal')} />
              <TextInput label="中期财政拨款（万元）" placeholder="选填" inputMode="decimal" {...text('midFiscal')} />
              <TextInput label="中期其他资金（万元）" placeholder="选填" inputMode="decimal" {...text('midOther')} />
            </SimpleGrid>
          </Section>
          <Section
            title="绩效指标"
            actions={
              <Group gap="xs">
                <SegmentedControl
                  size="xs"
                  aria-label="指标期间"
                  data={TARGET_PERIODS.map((p) => ({ value: p, label: `${PERIOD_LABELS[p]}（${counts[p]}）` }))}
                  value={period}
                  onChange={(v) => setPeriod(v as TargetPeriod)}
                />
                {!readOnly && (
                  <>
                    <Button size="xs" variant="light" onClick={() => setPicking(true)}>
                      从指标库添加
                    </Button>
                    <Button size="xs" variant="default" onClick={() => setAddingCustom(true)}>
                      添加个性指标
                    </Button>
                  </>
                )}
              </Group>
            }
          >
            {otherErrors > 0 && (
              <Text c="red" fz="sm" role="alert">
                {PERIOD_LABELS[otherPeriod]}中有 {otherErrors} 处需要修改。
              </Text>
            )}
            <TargetIndicatorTable
              rows={draft.indicators}
              period={period}
              layout={layout}
              readOnly={readOnly}
              errors={form.errors}
              onChange={changeRow}
              onRemove={(index) => setRows(draft.indicators.filter((_, i) => i !== index))}
              onPromote={dirty ? null : setPromoting}
            />
          </Section>
          {mode === 'adjust' && (
            <Textarea
              label="调整原因"
              withAsterisk
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                form.clearError('reason');
              }}
              error={form.errors.reason}
            />
          )}
          <FormAlert messages={form.alert} />
          {!readOnly && (
            <Group justify="flex-end" gap="sm">
              {dirty && (
                <Text fz="sm" c="orange.8" aria-label="未保存">
                  有未保存的修改
                </Text>
              )}
              {mode === 'adjust' && (
                <Button variant="default" onClick={onCancelAdjust}>
                  取消调整
                </Button>
              )}
              <Button type="submit" loading={form.submitting}>
                {mode === 'adjust' ? '保存调整' : '保存'}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
      {picking && (
        <IndicatorPickerDrawer
          year={year}
          layout={layout}
          library={library}
          classes={classes}
          classId={draft.indicatorClassId === null ? null : Number(draft.indicatorClassId)}
          subjectName={subjectName}
          goal={draft.annualGoal}
          period={period}
          chosenIds={chosenIds}
          onAdd={(indicator) => setRows([...draft.indicators, rowFromLibrary(indicator, period)])}
          onClose={() => setPicking(false)}
        />
      )}
      {addingCustom && (
        <CustomIndicatorModal
          period={period}
          onAdd={(row) => {
            setRows([...draft.indicators, row]);
            setAddingCustom(false);
          }}
          onClose={() => setAddingCustom(false)}
        />
      )}
      {promoting && (
        <PromoteIndicatorModal
          row={promoting}
          classes={classes}
          defaultClassId={detail.indicatorClassId}
          onClose={() => setPromoting(null)}
          onDone={() => {
            setPromoting(null);
            onLibraryChanged();
            onSaved();
          }}
        />
      )}
    </>
  );
}

function Section({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Group justify="space-between" align="center">
        <Title order={4}>{title}</Title>
        {actions}
      </Group>
      <Divider />
      {children}
    </Stack>
  );
}
