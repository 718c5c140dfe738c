/**
 * What a project import would do (units and projects to create, projects to update and how they
 * differ) and doing it through the services a form uses (createUnit, createProject, updateProject),
 * either for real or as a dry run that is always rolled back.
 */
import { createHash } from 'node:crypto';
import { budgetUnits } from '../../db/schema';
import { cellIssue, type ImportIssue, type IssueSource } from '../formats/importIssue';
import { exactWanYuan } from '../formats/moneyCells';
import { BUDGET_KINDS, CONTINUITY, type ProjectType } from '../rules/labels';
import type { MoneyUnit } from '../rules/money';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { LedgerError } from '../../db/ledgerError';
import type { BudgetKind, Continuity } from '../../db/vocabulary';
import { createProject, updateProject, type ProjectRow } from './projects';
import { createProjectType } from './projectTypes';
import { createUnit } from './units';
import type { ColumnKey, ProjectColumns } from './projectRows';
import type { PlannedUnit } from './unitPlanning';

export interface PlannedProject {
  row: number;
  unitName: string;
  departmentName: string | null;
  code: string | null;
  name: string;
  projectType: ProjectType;
  /** The bureau's list does not have this 项目类型 yet: the import adds it. */
  projectTypeIsNew: boolean;
  budgetKind: BudgetKind;
  initialBudgetFen: number;
  continuity: Continuity;
  majorPolicy: boolean;
}

/** A 项目类型 the file brings that the bureau's list lacks, and the rows that use it. */
export interface NewProjectType {
  name: ProjectType;
  rows: number[];
}

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

export interface PlannedUpdate extends PlannedProject {
  projectId: number;
  changes: FieldChange[];
}

export interface Plan {
  projectTypes: NewProjectType[];
  units: PlannedUnit[];
  creates: PlannedProject[];
  updates: PlannedUpdate[];
  /** Column of each key, for placing errors the services raise. */
  columns: ProjectColumns;
  source: IssueSource;
}

/** How a matched project would change; the code and 重大 mark stay when the file does not give them. */
export function projectChanges(existing: ProjectRow, row: PlannedProject, keep: { keepCode: boolean; keepMajor: boolean }): FieldChange[] {
  const changes: FieldChange[] = [];
  const add = (field: string, label: string, before: string, after: string) => {
    if (before !== after) changes.push({ field, label, before, after });
  };
  add('unit', '预算单位', existing.unitName, row.unitName);
  if (!keep.keepCode) add('code', '项目代码', existing.code ?? '', row.code ?? '');
  add('name', '项目名称', existing.name, row.name);
  add('projectType', '项目类型', existing.projectType, row.projectType);
  add('budgetKind', '预算类型', BUDGET_KINDS[existing.budgetKind], BUDGET_KINDS[row.budgetKind]);
  add('initialBudget', '年初预算数（万元）', exactWanYuan(existing.initialBudgetFen), exactWanYuan(row.initialBudgetFen));
  add('continuity', '新增/延续', CONTINUITY[existing.continuity], CONTINUITY[row.continuity]);
  if (!keep.keepMajor) add('majorPolicy', '是否重大政策和项目', existing.majorPolicy ? '是' : '否', row.majorPolicy ? '是' : '否');
  return changes;
}

/** What the audit entry for the file records besides the plan's counts. */
interface FileSummary {
  fileName: string;
  bytes: Uint8Array;
  year: number;
  sheet: string | null;
  moneyUnit: MoneyUnit | null;
  unchangedProjects: number;
}

/**
 * Applies the plan through the services, in one transaction. Every record runs in its own savepoint, so
 * a refused one is recorded as a row error and the rest still get checked; with `commit` false, or any
 * error, the whole transaction is rolled back and nothing stays written.
 */
export function runPlan(ctx: ServiceContext, plan: Plan, file: FileSummary, commit: boolean): { errors: ImportIssue[] } {
  const errors: ImportIssue[] = [];
  const rollback = new Error('rollback');
  const serviceError = (row: number, err: unknown, fieldColumns: Record<string, ColumnKey>, fallback: ColumnKey) => {
    if (!(err instanceof LedgerError)) throw err;
    const fields = Object.entries(err.fields ?? { _: err.message });
    for (const [field, message] of fields) {
      const key = fieldColumns[field] ?? fallback;
      const column = plan.columns[key] ?? null;
      errors.push(cellIssue(plan.source, row, column, null, `${message}。`.replace(/。。$/, '。')));
    }
  };
  const changed = plan.units.length + plan.creates.length + plan.updates.length;
  if (changed === 0) return { errors };
  try {
    inTransaction(ctx, () => {
      // New types first, in the same transaction: the projects below are checked against the list.
      for (const type of plan.projectTypes) {
        try {
          createProjectType(ctx, { name: type.name });
        } catch (err) {
          serviceError(type.rows[0]!, err, { name: 'projectType' }, 'projectType');
        }
      }
      const unitIds = new Map(
        ctx.ledger.db
          .select({ id: budgetUnits.id, name: budgetUnits.name })
          .from(budgetUnits)
          .all()
          .map((u) => [u.name, u.id]),
      );
      // 主管部门 first, so their 所属单位 can point to them.
      const ordered = [...plan.units.filter((u) => !u.departmentName), ...plan.units.filter((u) => u.departmentName)];
      for (const unit of ordered) {
        const parentId = unit.departmentName ? unitIds.get(unit.departmentName) : null;
        if (parentId === undefined) continue; // its department failed; that error is already recorded
        try {
          const created = createUnit(ctx, { name: unit.name, code: unit.code, parentId, classified: unit.classified });
          unitIds.set(unit.name, created.id);
        } catch (err) {
          serviceError(unit.row, err, unit.namedIn === 'department' ? DEPARTMENT_FIELDS : UNIT_FIELDS, unit.namedIn);
        }
      }
      for (const p of plan.updates) {
        const unitId = unitIds.get(p.unitName);
        if (unitId === undefined) continue;
        try {
          updateProject(ctx, { id: p.projectId, ...projectInput(p, unitId, file.year) }, { retiredTypeAllowed: true });
        } catch (err) {
          serviceError(p.row, err, PROJECT_FIELDS, 'name');
        }
      }
      for (const p of plan.creates) {
        const unitId = unitIds.get(p.unitName);
        if (unitId === undefined) continue;
        try {
          createProject(ctx, projectInput(p, unitId, file.year), { retiredTypeAllowed: true });
        } catch (err) {
          serviceError(p.row, err, PROJECT_FIELDS, 'name');
        }
      }
      if (!commit || errors.length > 0) throw rollback;
      appendAudit(ctx, {
        action: 'import.projects',
        entity: 'fiscal_year',
        entityId: file.year,
        after: {
          fileName: file.fileName,
          sha256: createHash('sha256').update(file.bytes).digest('hex'),
          sheet: file.sheet,
          moneyUnit: file.moneyUnit,
          createdProjectTypes: plan.projectTypes.map((t) => t.name),
          createdUnits: plan.units.length,
          createdProjects: plan.creates.length,
          updatedProjects: plan.updates.length,
          unchangedProjects: file.unchangedProjects,
        },
      });
    });
  } catch (err) {
    if (err !== rollback) throw err;
  }
  return { errors };
}

/** Which column a service's field error belongs to. */
const PROJECT_FIELDS: Record<string, ColumnKey> = {
  name: 'name',
  code: 'code',
  projectType: 'projectType',
  initialBudget: 'initialBudget',
  unitId: 'unit',
};
const UNIT_FIELDS: Record<string, ColumnKey> = { name: 'unit', code: 'unitCode', parentId: 'department' };
const DEPARTMENT_FIELDS: Record<string, ColumnKey> = { name: 'department', parentId: 'department' };

function projectInput(p: PlannedProject, unitId: number, year: number) {
  return {
    year,
    unitId,
    code: p.code,
    name: p.name,
    projectType: p.projectType,
    budgetKind: p.budgetKind,
    initialBudgetFen: p.initialBudgetFen,
    continuity: p.continuity,
    majorPolicy: p.majorPolicy,
  };
}
