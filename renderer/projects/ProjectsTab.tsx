import { Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { ProjectImportPreview, ProjectRow, ProjectTypeRow, UnitRow } from '../../electron/bridge/contract';
import { formatWanYuan } from '../../electron/rules/money';
import { ledger } from '../bridge/client';
import { notifyFailed, notifySaved } from '../exchange/notifyFile';
import type { ProjectColumnKey } from './projectColumns';
import { ProjectFormModal } from './ProjectFormModal';
import { ProjectImportModal } from './ProjectImportModal';
import { NO_FILTERS, totalFen, viewProjects, type ProjectFilters, type ProjectSort } from './projectListView';
import { ProjectTable } from './ProjectTable';
import { ProjectToolbar } from './ProjectToolbar';

interface ProjectsTabProps {
  year: number;
  projects: ProjectRow[];
  units: UnitRow[];
  /** The bureau's 项目类型 (设置 → 项目类型), retired ones included. */
  projectTypes: ProjectTypeRow[];
  onChanged: () => void;
}

/** 项目: the year's projects, searched, filtered and sorted in the page; add and edit in a dialog. */
export function ProjectsTab({ year, projects, units, projectTypes, onChanged }: ProjectsTabProps) {
  const [filters, setFilters] = useState<ProjectFilters>(NO_FILTERS);
  const [sort, setSort] = useState<ProjectSort | null>(null);
  const [editing, setEditing] = useState<ProjectRow | 'new' | null>(null);
  const [busy, setBusy] = useState<'import' | 'export' | null>(null);
  const [importing, setImporting] = useState<{ fileId: string; fileName: string; preview: ProjectImportPreview } | null>(null);

  const rows = useMemo(() => viewProjects(projects, filters, sort), [projects, filters, sort]);
  const departments = useMemo(() => [...new Set(projects.map((p) => p.departmentName))], [projects]);
  const filtered = rows.length !== projects.length;

  function toggleSort(key: ProjectColumnKey) {
    setSort((s) => (s?.key === key ? { key, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: 'asc' }));
  }

  async function startImport() {
    setBusy('import');
    const result = await ledger.projects.importPreview({ year });
    setBusy(null);
    if (!result.ok) return notifyFailed('无法读取文件', result.error);
    if (!result.value.cancelled) setImporting(result.value);
  }

  async function exportList() {
    setBusy('export');
    const result = await ledger.projects.export({ year });
    setBusy(null);
    if (!result.ok) return notifyFailed('导出失败', result.error);
    const { saved, summary } = result.value;
    if (saved)
      notifySaved('已导出项目清单', saved.savedAs, `${summary.projectCount} 个项目，年初预算合计 ${formatWanYuan(summary.totalFen)} 万元`);
  }

  return (
    <Stack gap="sm">
      <ProjectToolbar
        filters={filters}
        departments={departments}
        projectTypes={projectTypes.map((t) => t.name)}
        onChange={setFilters}
        onAdd={() => setEditing('new')}
        onImport={startImport}
        onExport={exportList}
        busy={busy}
      />
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
      {importing && (
        <ProjectImportModal
          year={year}
          {...importing}
          onClose={() => setImporting(null)}
          onImported={() => {
            setImporting(null);
            onChanged();
          }}
        />
      )}
      {editing && (
        <ProjectFormModal
          year={year}
          units={units}
          projectTypes={projectTypes}
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
