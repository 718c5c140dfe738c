/**
 * The budget units a project import names: each row's unit and 主管部门 checked against the ledger and
 * against the file's earlier rows, and the units the file would create. Units are matched by exact
 * name; a unit's 主管部门 is never moved by an import (that is an edit in 预算单位), and a mismatch is
 * an error. An existing unit's code and 涉密 mark are not changed either (a warning says so).
 */
import { budgetUnits } from '../../db/schema';
import { cellIssue, type ImportIssue, type IssueSource } from '../formats/importIssue';
import type { TableRow } from '../formats/findTable';
import type { CellValue } from '../formats/readWorkbook';
import type { ServiceContext } from '../ledger/context';
import { rowText, type ProjectColumns, type ProjectRowFields, type RowProblem } from './projectRows';

export interface PlannedUnit {
  name: string;
  /** 主管部门 (null: the unit is itself a 主管部门). */
  departmentName: string | null;
  code: string | null;
  classified: boolean;
  /** The first row that names it, and in which column (a 主管部门 may only appear as a department). */
  row: number;
  namedIn: 'unit' | 'department';
}

export interface UnitPlanner {
  /** Units this file creates, in the order the file names them. */
  units: PlannedUnit[];
  planRow(row: number, cells: TableRow['cells'], f: ProjectRowFields): void;
}

export function unitPlanner(
  ctx: ServiceContext,
  col: ProjectColumns,
  source: IssueSource,
  bad: RowProblem,
  warn: ImportIssue[],
): UnitPlanner {
  const unitsByName = new Map(
    ctx.ledger.db
      .select()
      .from(budgetUnits)
      .all()
      .map((u) => [u.name, u]),
  );
  const unitNameById = new Map([...unitsByName.values()].map((u) => [u.id, u.name]));
  const unitCodes = new Map([...unitsByName.values()].filter((u) => u.code).map((u) => [u.code!, u.name]));
  // Units this file creates, by name: parent null = a 主管部门.
  const planned = new Map<string, PlannedUnit>();
  const units: PlannedUnit[] = [];

  /** A new unit's code must be free in the ledger and in the file. */
  const claimUnitCode = (row: number, cell: CellValue, unitCode: string, unitName: string): boolean => {
    const holder = unitCodes.get(unitCode);
    if (holder && holder !== unitName) {
      bad(row, 'unitCode', cell, `单位代码 ${unitCode} 已被“${holder}”使用。请核对单位代码。`);
      return false;
    }
    unitCodes.set(unitCode, unitName);
    return true;
  };

  // The file must agree with the ledger (and with itself) on who belongs to which 主管部门.
  const planRow = (row: number, cells: TableRow['cells'], f: ProjectRowFields) => {
    const { unitName, departmentName, departmentStated, unitCode, classified } = f;
    if (!unitName || (departmentName && departmentName.length > 100)) return;
    if (departmentName) {
      const existingDept = unitsByName.get(departmentName);
      const plannedDept = planned.get(departmentName);
      if (existingDept && existingDept.parentId != null) {
        bad(
          row,
          'department',
          cells.department ?? null,
          `“${departmentName}”在台账中是“${unitNameById.get(existingDept.parentId)}”的所属单位，不能作为主管部门。请填写它的主管部门“${unitNameById.get(existingDept.parentId)}”。`,
        );
      } else if (plannedDept && plannedDept.departmentName != null) {
        bad(
          row,
          'department',
          cells.department ?? null,
          `第 ${plannedDept.row} 行把“${departmentName}”填为“${plannedDept.departmentName}”的所属单位，这里又把它作为主管部门。请统一后再导入。`,
        );
      } else if (!existingDept && !plannedDept) {
        const unit: PlannedUnit = { name: departmentName, departmentName: null, code: null, classified: false, row, namedIn: 'department' };
        planned.set(departmentName, unit);
        units.push(unit);
      }
    }
    const existingUnit = unitsByName.get(unitName);
    const plannedUnit = planned.get(unitName);
    const unitCodeCell = cells.unitCode ?? null;
    if (existingUnit) {
      const ledgerDept = existingUnit.parentId == null ? null : unitNameById.get(existingUnit.parentId)!;
      if (departmentStated && ledgerDept !== departmentName) {
        bad(
          row,
          'department',
          cells.department ?? null,
          `单位“${unitName}”在台账中${ledgerDept ? `属于“${ledgerDept}”` : '本身是主管部门'}，本行填写的主管部门是${departmentName ? `“${departmentName}”` : '它自己'}。请更正文件，或先在“预算单位”中调整该单位的主管部门。`,
        );
      }
      if (unitCode && existingUnit.code && unitCode !== existingUnit.code) {
        warn.push(
          cellIssue(
            source,
            row,
            col.unitCode!,
            unitCode,
            `台账中“${unitName}”的单位代码是 ${existingUnit.code}，导入不修改已有单位的代码。`,
          ),
        );
      }
      if (col.classified && classified !== existingUnit.classified) {
        warn.push(
          cellIssue(
            source,
            row,
            col.classified!,
            rowText(cells, 'classified'),
            `台账中“${unitName}”${existingUnit.classified ? '是' : '不是'}涉密单位，导入不修改已有单位的涉密标记，如需修改请在“预算单位”中调整。`,
          ),
        );
      }
    } else if (plannedUnit) {
      if (departmentStated && plannedUnit.departmentName !== departmentName) {
        bad(
          row,
          'department',
          cells.department ?? null,
          `第 ${plannedUnit.row} 行把单位“${unitName}”${plannedUnit.departmentName ? `归在“${plannedUnit.departmentName}”下` : '作为主管部门'}，本行的主管部门却是${departmentName ? `“${departmentName}”` : '它自己'}。请统一后再导入。`,
        );
      }
      if (unitCode && !plannedUnit.code && claimUnitCode(row, unitCodeCell, unitCode, unitName)) plannedUnit.code = unitCode;
      plannedUnit.classified ||= classified;
    } else {
      const unit: PlannedUnit = { name: unitName, departmentName, code: null, classified, row, namedIn: 'unit' };
      if (unitCode && claimUnitCode(row, unitCodeCell, unitCode, unitName)) unit.code = unitCode;
      planned.set(unitName, unit);
      units.push(unit);
    }
  };
  return { units, planRow };
}
