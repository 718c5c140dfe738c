import { Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { ProjectRow } from '../../electron/services/projects';
import type { UnitRow } from '../../electron/services/units';
import { formatWanYuan } from '../../electron/rules/money';
import type { ProjectColumnKey } from './projectColumns';
import { ProjectFormModal } from './ProjectFormModal';
import { NO_FILTERS, totalFen, viewProjects, type ProjectFilters, type ProjectSort } from './projectListView';
import { ProjectTable } from './ProjectTable';
import { ProjectToolbar } from './ProjectToolbar';

interface ProjectsTabProps {
  year: number;
  projects: ProjectRow[];
  units: UnitRow[];
  onChanged: () => void;
}

/** 项目: the year's projects, searched, filtered and sorted in the page; add and edit in a dialog. */
export function ProjectsTab({ year, projects, units, onChanged }: ProjectsTabProps) {
  const [filters, setFilters] = useState<ProjectFilters>(NO_FILTERS);
  const [sort, setSort] = useState<ProjectSort | null>(null);
  const [editing, setEditing] = useState<ProjectRow | 'new' | null>(null);

  const rows = useMemo(() => viewProjects(projects, filters, sort), [projects, filters, sort]);
  const departments = useMemo(() => [...new Set(projects.map((p) => p.departmentName))], [projects]);
  const filtered = rows.length !== projects.length;

  function toggleSort(key: ProjectColumnKey) {
    setSort((s) => (s?.key === key ? { key, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: 'asc' }));
  }

  return (
    <Stack gap="sm">
      <ProjectToolbar filters={filters} departments={departments} onChange={setFilters} onAdd={() => setEditing('new')} />
      <Text role="status" aria-label="项目合计" fw={500}>
        共 {rows.length} 个项目{filtered ? `（本年度共 ${projects.length} 个）` : ''}，年初预算合计 {formatWanYuan(totalFen(rows))} 万元
      </Text>
      <ProjectTable
        rows={rows}
        sort={sort}
        onSort={toggleSort}
        onEdit={setEditing}
        emptyText={projects.length ? '没有符合条件的项目，请调整搜索或筛选条件。' : `${year} 年度还没有项目。点击“新增项目”录入。`}
      />
      {editing && (
        <ProjectFormModal
          year={year}
          units={units}
          project={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
    </Stack>
  );
}
