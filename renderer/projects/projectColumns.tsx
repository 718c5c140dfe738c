import { Badge, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ProjectRow } from '../../electron/bridge/contract';
import { BUDGET_KINDS, CONTINUITY, LIBRARY_STATUS } from '../../electron/rules/labels';
import { formatWanYuan } from '../../electron/rules/money';
import type { SortValue } from '../common/sortRows';
import { ProjectLink } from '../common/ProjectLink';
import { OneLine } from '../common/LongTable';

export type ProjectColumnKey =
  'code' | 'name' | 'unitName' | 'departmentName' | 'projectType' | 'budgetKind' | 'continuity' | 'initialBudgetFen' | 'libraryStatus';

export interface ProjectColumn {
  key: ProjectColumnKey;
  label: string;
  align?: 'right';
  /** Short codes and amounts stay on one line; long names are cut to one line (see OneLine). */
  nowrap?: boolean;
  /** What the column sorts by: the label a clerk reads, not the stored code. */
  sortValue: (row: ProjectRow) => SortValue;
  render: (row: ProjectRow) => ReactNode;
}

const STATUS_COLOR = { reserve: 'gray', admitted: 'green', withdrawn: 'red' } as const;

export const PROJECT_COLUMNS: readonly ProjectColumn[] = [
  { key: 'code', label: '项目代码', nowrap: true, sortValue: (r) => r.code, render: (r) => r.code ?? '—' },
  {
    key: 'name',
    label: '项目名称',
    sortValue: (r) => r.name,
    render: (r) => (
      <Group gap={6} wrap="nowrap">
        <OneLine maw={180} title={r.name}>
          <ProjectLink projectId={r.id}>{r.name}</ProjectLink>
        </OneLine>
        {r.majorPolicy && (
          <Badge size="xs" variant="light" color="orange" title="重大政策/项目" style={{ flex: 'none' }}>
            重大
          </Badge>
        )}
      </Group>
    ),
  },
  { key: 'unitName', label: '预算单位', sortValue: (r) => r.unitName, render: (r) => <OneLine maw={100}>{r.unitName}</OneLine> },
  {
    key: 'departmentName',
    label: '主管部门',
    sortValue: (r) => r.departmentName,
    render: (r) => <OneLine maw={100}>{r.departmentName}</OneLine>,
  },
  { key: 'projectType', nowrap: true, label: '项目类型', sortValue: (r) => r.projectType, render: (r) => r.projectType },
  {
    key: 'budgetKind',
    nowrap: true,
    label: '预算类型',
    sortValue: (r) => BUDGET_KINDS[r.budgetKind],
    render: (r) => BUDGET_KINDS[r.budgetKind],
  },
  {
    key: 'continuity',
    nowrap: true,
    label: '新增/延续',
    sortValue: (r) => CONTINUITY[r.continuity],
    render: (r) => CONTINUITY[r.continuity],
  },
  {
    key: 'initialBudgetFen',
    label: '年初预算数（万元）',
    align: 'right',
    nowrap: true,
    sortValue: (r) => r.initialBudgetFen,
    render: (r) => formatWanYuan(r.initialBudgetFen),
  },
  {
    key: 'libraryStatus',
    nowrap: true,
    label: '项目库状态',
    sortValue: (r) => LIBRARY_STATUS[r.libraryStatus],
    render: (r) => (
      <Badge variant="light" color={STATUS_COLOR[r.libraryStatus]}>
        {LIBRARY_STATUS[r.libraryStatus]}
      </Badge>
    ),
  },
];
