import { Button, Group, Select, TextInput } from '@mantine/core';
import { BUDGET_KINDS, type ProjectType } from '../../electron/rules/labels';
import type { ProjectFilters } from './projectListView';
import type { BudgetKind } from '../../electron/bridge/contract';

interface ProjectToolbarProps {
  filters: ProjectFilters;
  departments: string[];
  projectTypes: ProjectType[];
  onChange: (filters: ProjectFilters) => void;
  onAdd: () => void;
  onImport: () => void;
  onExport: () => void;
  /** An import or export is waiting for the file dialog or the ledger. */
  busy: 'import' | 'export' | null;
}

const BUDGET_KIND_OPTIONS = Object.entries(BUDGET_KINDS).map(([value, label]) => ({ value, label }));

export function ProjectToolbar({ filters, departments, projectTypes, onChange, onAdd, onImport, onExport, busy }: ProjectToolbarProps) {
  const set = (patch: Partial<ProjectFilters>) => onChange({ ...filters, ...patch });
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label="搜索"
        placeholder="项目名称、代码或预算单位"
        w={240}
        value={filters.search}
        onChange={(e) => set({ search: e.currentTarget.value })}
      />
      <Select
        label="预算类型"
        placeholder="全部"
        clearable
        w={170}
        data={BUDGET_KIND_OPTIONS}
        value={filters.budgetKind}
        onChange={(v) => set({ budgetKind: v as BudgetKind | null })}
      />
      <Select
        label="项目类型"
        placeholder="全部"
        clearable
        w={150}
        data={projectTypes}
        value={filters.projectType}
        onChange={(v) => set({ projectType: v as ProjectType | null })}
      />
      <Select
        label="主管部门"
        placeholder="全部"
        clearable
        searchable
        w={210}
        data={departments}
        value={filters.department}
        onChange={(v) => set({ department: v })}
      />
      <Group ml="auto" gap="xs">
        <Button variant="default" onClick={onImport} loading={busy === 'import'} disabled={busy !== null}>
          从 Excel 导入
        </Button>
        <Button variant="default" onClick={onExport} loading={busy === 'export'} disabled={busy !== null}>
          导出 Excel
        </Button>
        <Button onClick={onAdd}>新增项目</Button>
      </Group>
    </Group>
  );
}
