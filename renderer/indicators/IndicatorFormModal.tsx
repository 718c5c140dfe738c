import { Autocomplete, Checkbox, Group, Modal, Radio, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { CallInput, IndicatorClassRow, IndicatorLayout, IndicatorRow, IndicatorScope } from '../../electron/bridge/contract';
import { THREE_WAY_LEVELS } from '../../electron/rules/indicatorRules';
import { ledger } from '../bridge/client';
import { FormAlert } from '../common/FormAlert';
import { useBridgeForm } from '../common/useBridgeForm';
import { COMMON_UNITS, NATURE_OPTIONS, SCOPE_LABELS, STANDARDS } from './indicatorLabels';
import { FormFooter } from '../common/FormFooter';

interface IndicatorFormModalProps {
  classes: IndicatorClassRow[];
  /** The indicator to edit; null adds a new one. */
  indicator: IndicatorRow | null;
  /** The class a new indicator starts in (the one being browsed). */
  defaultClassId: number | null;
  layout: IndicatorLayout;
  onClose: () => void;
  onSaved: (row: IndicatorRow) => void;
}

/** What the clerk has typed, as typed; the bridge judges it. */
interface IndicatorDraft {
  classId: string | null;
  level1: string | null;
  level2: string | null;
  name: string;
  nature: string | null;
  unit: string;
  explanation: string;
  standard: string | null;
  referenceHint: string;
  keywords: string;
  mandatory: boolean;
  scope: IndicatorScope;
}

const FIELDS = [
  'classId',
  'level1',
  'level2',
  'name',
  'nature',
  'unit',
  'explanation',
  'standard',
  'referenceHint',
  'keywords',
  'mandatory',
  'scope',
] as const;
const LEVEL1_OPTIONS = Object.keys(THREE_WAY_LEVELS);

/** 新增/修改指标. The library keeps the 三分法 placement; a 四分法 year derives its 成本指标 from it. */
export function IndicatorFormModal({ classes, indicator, defaultClassId, layout, onClose, onSaved }: IndicatorFormModalProps) {
  const [draft, setDraft] = useState<IndicatorDraft>(() => draftOf(indicator, defaultClassId));
  const form = useBridgeForm(FIELDS);

  const set = (patch: Partial<IndicatorDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    for (const field of Object.keys(patch)) form.clearError(field);
  };

  function chooseLevel1(level1: string | null) {
    const keep = level1 !== null && draft.level2 !== null && THREE_WAY_LEVELS[level1]?.includes(draft.level2);
    set({ level1, level2: keep ? draft.level2 : null });
  }

  function chooseNature(nature: string | null) {
    // A 定性 indicator has no unit: clear it so nothing stale is saved.
    set(nature === '定性' ? { nature, unit: '' } : { nature });
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const input = inputOf(draft);
    const saved = await form.submit(() =>
      indicator ? ledger.indicators.update({ ...input, id: indicator.id }) : ledger.indicators.create(input),
    );
    if (!saved) return;
    notifications.show({ color: 'green', title: indicator ? '指标已修改' : '指标已新增', message: `${saved.className} · ${saved.name}` });
    onSaved(saved);
  }

  const qualitative = draft.nature === '定性';
  return (
    <Modal opened onClose={onClose} title={indicator ? `修改指标：${indicator.name}` : '新增指标'} size="lg">
      <form onSubmit={save} aria-label={indicator ? '修改指标' : '新增指标'}>
        <Stack gap="sm">
          <Select
            label="指标类别"
            placeholder="选择类别"
            searchable
            allowDeselect={false}
            nothingFoundMessage="没有这个类别，请先“新增类别”"
            data={classes.map((c) => ({ value: String(c.id), label: c.name }))}
            value={draft.classId}
            onChange={(v) => set({ classId: v })}
            error={form.errors.classId}
          />
          <SimpleGrid cols={2}>
            <Select
              label="一级指标"
              placeholder="选择一级指标"
              allowDeselect={false}
              data={LEVEL1_OPTIONS}
              value={draft.level1}
              onChange={chooseLevel1}
              error={form.errors.level1}
            />
            <Select
              label="二级指标"
              placeholder={draft.level1 ? '选择二级指标' : '先选择一级指标'}
              allowDeselect={false}
              disabled={!draft.level1}
              data={draft.level1 ? [...(THREE_WAY_LEVELS[draft.level1] ?? [])] : []}
              value={draft.level2}
              onChange={(v) => set({ level2: v })}
              error={form.errors.level2}
            />
          </SimpleGrid>
          {layout === 'four' && (
            <Text size="xs" c="dimmed" mt={-6}>
              指标库按三分法存放：成本类指标请选“产出指标 / 成本指标”，本年度（四分法）显示为一级“成本指标”。
            </Text>
          )}
          <TextInput
            label="三级指标名称"
            value={draft.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={form.errors.name}
          />
          <SimpleGrid cols={2}>
            <Select
              label="指标性质"
              allowDeselect={false}
              data={NATURE_OPTIONS}
              value={draft.nature}
              onChange={chooseNature}
              error={form.errors.nature}
            />
            <Autocomplete
              label="计量单位"
              placeholder={qualitative ? '定性指标无计量单位' : '如：人次、%、万元'}
              disabled={qualitative}
              data={COMMON_UNITS}
              value={draft.unit}
              onChange={(v) => set({ unit: v })}
              error={form.errors.unit}
            />
          </SimpleGrid>
          <Textarea
            label="指标解释/计算方法"
            autosize
            minRows={2}
            maxRows={5}
            value={draft.explanation}
            onChange={(e) => set({ explanation: e.currentTarget.value })}
            error={form.errors.explanation}
          />
          <SimpleGrid cols={2}>
            <Select
              label="绩效标准"
              placeholder="选择绩效标准"
              clearable
              data={[...STANDARDS]}
              value={draft.standard}
              onChange={(v) => set({ standard: v })}
              error={form.errors.standard}
            />
            <TextInput
              label="参考值"
              placeholder="如：≥500人次"
              value={draft.referenceHint}
              onChange={(e) => set({ referenceHint: e.currentTarget.value })}
              error={form.errors.referenceHint}
            />
          </SimpleGrid>
          <TextInput
            label="关键词"
            description="用逗号分隔，用于搜索和推荐，如：培训,人次,参训"
            value={draft.keywords}
            onChange={(e) => set({ keywords: e.currentTarget.value })}
            error={form.errors.keywords}
          />
          <Group gap="xl" align="flex-start">
            <Radio.Group
              label="年度/总体"
              value={draft.scope}
              onChange={(v) => set({ scope: v as IndicatorScope })}
              error={form.errors.scope}
            >
              <Group mt={4}>
                {(Object.keys(SCOPE_LABELS) as IndicatorScope[]).map((value) => (
                  <Radio key={value} value={value} label={SCOPE_LABELS[value]} />
                ))}
              </Group>
            </Radio.Group>
            <Checkbox
              mt={26}
              label="本类必选指标"
              checked={draft.mandatory}
              onChange={(e) => set({ mandatory: e.currentTarget.checked })}
              error={form.errors.mandatory}
            />
          </Group>
          <FormAlert messages={form.alert} />
          <FormFooter onCancel={onClose} submitting={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}

function draftOf(indicator: IndicatorRow | null, defaultClassId: number | null): IndicatorDraft {
  if (!indicator) {
    return {
      classId: defaultClassId === null ? null : String(defaultClassId),
      level1: null,
      level2: null,
      name: '',
      nature: '≥',
      unit: '',
      explanation: '',
      standard: '计划标准',
      referenceHint: '',
      keywords: '',
      mandatory: false,
      scope: 'annual',
    };
  }
  return {
    classId: String(indicator.classId),
    level1: indicator.level1,
    level2: indicator.level2,
    name: indicator.name,
    nature: indicator.nature,
    unit: indicator.unit ?? '',
    explanation: indicator.explanation ?? '',
    standard: indicator.standard,
    referenceHint: indicator.referenceHint ?? '',
    keywords: indicator.keywords ?? '',
    mandatory: indicator.mandatory,
    scope: indicator.scope,
  };
}

/** The draft as the call's input. Unchosen pickers go as null: the bridge answers with the field's message. */
function inputOf(draft: IndicatorDraft): CallInput<'indicators.create'> {
  return {
    classId: draft.classId === null ? null : Number(draft.classId),
    level1: draft.level1,
    level2: draft.level2,
    name: draft.name,
    nature: draft.nature,
    unit: draft.nature === '定性' ? null : draft.unit,
    explanation: draft.explanation,
    standard: draft.standard,
    referenceHint: draft.referenceHint,
    keywords: draft.keywords,
    mandatory: draft.mandatory,
    scope: draft.scope,
  } as CallInput<'indicators.create'>;
}

/** The fields of a saved row as an update's input, with one change (设为必选 from the details). */
export function updateInputOf(row: IndicatorRow, patch: Partial<IndicatorRow>): CallInput<'indicators.update'> {
  const next = { ...row, ...patch };
  return {
    id: next.id,
    classId: next.classId,
    level1: next.level1,
    level2: next.level2,
    name: next.name,
    nature: next.nature,
    unit: next.unit,
    explanation: next.explanation,
    standard: next.standard,
    referenceHint: next.referenceHint,
    keywords: next.keywords,
    mandatory: next.mandatory,
    scope: next.scope,
  };
}
