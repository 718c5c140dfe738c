import type { ComboboxData } from '@mantine/core';
import type { UnitRow } from '../../electron/bridge/contract';

/** Budget units grouped under their 主管部门, for the project form's 预算单位 picker. */
export function unitsByDepartment(units: readonly UnitRow[]): ComboboxData {
  const departments = units.filter((u) => u.parentId === null);
  return departments.map((d) => ({
    group: d.name,
    items: [d, ...units.filter((u) => u.parentId === d.id)].map((u) => ({ value: String(u.id), label: u.name })),
  }));
}

/** Units that can be a 主管部门 of `selfId`: top-level units other than itself. */
export function departmentOptions(units: readonly UnitRow[], selfId: number | null): ComboboxData {
  return units.filter((u) => u.parentId === null && u.id !== selfId).map((u) => ({ value: String(u.id), label: u.name }));
}
