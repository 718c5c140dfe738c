import { Checkbox, Group, Modal, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { CallInput, ProjectRow, ProjectTypeRow, UnitRow } from '../../electron/bridge/contract';
import { BUDGET_KINDS, CONTINUITY } from '../../electron/rules/labels';
import { fenToWanYuanInput } from '../../electron/rules/money';
import { ledger } from '../bridge/client';
import { FormAlert } from '../common/FormAlert';
import { useBridgeForm } from '../common/useBridgeForm';
import { unitsByDepartment } from './unitOptions';
import { FormFooter } from '../common/FormFooter';

interface ProjectFormModalProps {
  year: number;
  units: UnitRow[];
  projectTypes: ProjectTypeRow[];
  /** The project to edit; null adds a new one. */
  project: ProjectRow | null;
  onClose: () => void;
  onSaved: () => void;
}

/** What the clerk has typed, as typed; the bridge parses and judges it. */
interface ProjectDraft {
  unitId: string | null;
  name: string;
  code: string;
  projectType: string | null;
  budgetKind: string | null;
  continuity: string;
  initialBudget: string;
  majorPolicy: boolean;
}

const FIELDS = ['unitId', 'name', 'code', 'projectType', 'budgetKind', 'continuity', 'initialBudget', 'majorPolicy'] as const;
const BUDGET_KIND_OPTIONS = Object.entries(BUDGET_KINDS).map(([value, label]) => ({ value, label }));

export function ProjectFormModal({ year, units, projectTypes, project, onClose, onSaved }: ProjectFormModalProps) {
  // Retired types are not offered, except the one the project already has (it may keep it).
  const typeOptions = projectTypes
    .filter((t) => !t.retired || t.name === project?.projectType)
    .map((t) => ({ value: t.name, label: t.retired ? `${t.name}（已停用）` : t.name }));
  const [draft, setDraft] = useState<ProjectDraft>(() => draftOf(project));
  const form = useBridgeForm(FIELDS);

  const set = <F extends keyof ProjectDraft>(field: F, value: ProjectDraft[F]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    form.clearError(field);
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    const input = inputOf(draft, project?.year ?? year);
    const saved = await form.submit(() => (project ? ledger.projects.update({ ...input, id: project.id }) : ledger.projects.create(input)));
    if (!saved) return;
    notifications.show({ color: 'green', title: project ? '项目已修改' : '项目已新增', message: saved.name });
    onSaved();
  }

  return (
    <Modal opened onClose={onClose} title={project ? `修改项目：${project.name}` : `新增项目（${year} 年度）`} size="lg">
      <form onSubmit={save} aria-label={project ? '修改项目' : '新增项目'}>
        <Stack gap="sm">
          <Select
            label="预算单位"
            placeholder="输入单位名称查找"
            searchable
            allowDeselect={false}
            nothingFoundMessage="没有这个单位，请先在“预算单位”中新增"
            data={unitsByDepartment(units)}
            value={draft.unitId}
            onChange={(v) => set('unitId', v)}
            error={form.errors.unitId}
          />
          <TextInput label="项目名称" value={draft.name} onChange={(e) => set('name', e.currentTarget.value)} error={form.errors.name} />
          <SimpleGrid cols={2}>
            <TextInput label="项目代码" value={draft.code} onChange={(e) => set('code', e.currentTarget.value)} error={form.errors.code} />
            <TextInput
              label="年初预算数（万元）"
              inputMode="decimal"
              value={draft.initialBudget}
              onChange={(e) => set('initialBudget', e.currentTarget.value)}
              error={form.errors.initialBudget}
            />
            <Select
              label="项目类型"
              allowDeselect={false}
              searchable
              nothingFoundMessage="没有这个类型，请先在“设置 → 项目类型”中新增"
              data={typeOptions}
              value={draft.projectType}
              onChange={(v) => set('projectType', v)}
              error={form.errors.projectType}
            />
            <Select
              label="预算类型"
              allowDeselect={false}
              data={BUDGET_KIND_OPTIONS}
              value={draft.budgetKind}
              onChange={(v) => set('budgetKind', v)}
              error={form.errors.budgetKind}
            />
          </SimpleGrid>
          <Radio.Group label="新增/延续" value={draft.continuity} onChange={(v) => set('continuity', v)} error={form.errors.continuity}>
            <Group mt={4}>
              {Object.entries(CONTINUITY).map(([value, label]) => (
                <Radio key={value} value={value} label={label} />
              ))}
            </Group>
          </Radio.Group>
          <Checkbox
            label="重大政策/项目（需开展事前绩效评估）"
            checked={draft.majorPolicy}
            onChange={(e) => set('majorPolicy', e.currentTarget.checked)}
            error={form.errors.majorPolicy}
          />
          <FormAlert messages={form.alert} />
          <FormFooter onCancel={onClose} submitting={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}

function draftOf(project: ProjectRow | null): ProjectDraft {
  if (!project) {
    return {
      unitId: null,
      name: '',
      code: '',
      projectType: null,
      budgetKind: 'general',
      continuity: 'new',
      initialBudget: '',
      majorPolicy: false,
    };
  }
  return {
    unitId: String(project.unitId),
    name: project.name,
    code: project.code ?? '',
    projectType: project.projectType,
    budgetKind: project.budgetKind,
    continuity: project.continuity,
    initialBudget: fenToWanYuanInput(project.initialBudgetFen),
    majorPolicy: project.majorPolicy,
  };
}

/** The draft as the call's input. Unchosen pickers go as null: the bridge answers with the field's message. */
function inputOf(draft: ProjectDraft, year: number): CallInput<'projects.create'> {
  return {
    year,
    unitId: draft.unitId === null ? null : Number(draft.unitId),
    name: draft.name,
    code: draft.code,
    projectType: draft.projectType,
    budgetKind: draft.budgetKind,
    continuity: draft.continuity,
    initialBudget: draft.initialBudget,
    majorPolicy: draft.majorPolicy,
  } as CallInput<'projects.create'>;
}
