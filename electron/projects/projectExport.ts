/**
 * 导出项目清单: a fiscal year's projects as a styled workbook the bureau can print or send, laid out so
 * that importing it back (projectImport.ts) reproduces the same units and projects and changes nothing
 * in the ledger it came from. Amounts are real numbers in 万元 (the exact 分 / 10⁶), shown with two
 * decimals; text is never written as a formula.
 */
import { BUDGET_KINDS, CONTINUITY, LIBRARY_STATUS } from '../rules/labels';
import { addTableSheet, newWorkbook, workbookBytes, type SheetColumn } from '../formats/styledWorkbook';
import type { ServiceContext } from '../ledger/context';
import { listProjects, type ProjectRow } from './projects';
import { listUnits, type UnitRow } from './units';
import { ruleSetOf } from '../ledger/years';

export interface ProjectExport {
  /** A suggested file name, e.g. "2023年度项目清单.xlsx". */
  fileName: string;
  bytes: Buffer;
  projectCount: number;
  totalFen: number;
}

export async function exportProjects(ctx: ServiceContext, input: { year: number }): Promise<ProjectExport> {
  ruleSetOf(ctx, input.year); // refuses an unknown year with its message
  const projects = listProjects(ctx, input);
  const units = new Map(listUnits(ctx, input).map((u) => [u.id, u]));
  const unitOf = (p: ProjectRow): UnitRow | undefined => units.get(p.unitId);

  const columns: SheetColumn<ProjectRow>[] = [
    { header: '序号', width: 6, kind: 'integer', value: (_p, i) => i + 1 },
    { header: '主管部门', width: 26, kind: 'text', value: (p) => p.departmentName },
    { header: '预算单位', width: 30, kind: 'text', value: (p) => p.unitName },
    { header: '单位代码', width: 10, kind: 'text', value: (p) => unitOf(p)?.code ?? null },
    { header: '项目代码', width: 18, kind: 'text', value: (p) => p.code },
    { header: '项目名称', width: 46, kind: 'text', value: (p) => p.name },
    { header: '项目类型', width: 13, kind: 'text', value: (p) => p.projectType },
    { header: '预算类型', width: 17, kind: 'text', value: (p) => BUDGET_KINDS[p.budgetKind] },
    { header: '新增/延续', width: 10, kind: 'text', value: (p) => CONTINUITY[p.continuity] },
    { header: '年初预算数（万元）', width: 18, kind: 'money', value: (p) => p.initialBudgetFen, total: true },
    { header: '是否重大政策和项目', width: 12, kind: 'text', value: (p) => (p.majorPolicy ? '是' : '否') },
    { header: '涉密单位', width: 9, kind: 'text', value: (p) => (unitOf(p)?.classified ? '是' : '否') },
    { header: '入库状态', width: 9, kind: 'text', value: (p) => LIBRARY_STATUS[p.libraryStatus] },
  ];

  const workbook = newWorkbook();
  workbook.created = ctx.now();
  workbook.modified = ctx.now();
  const totalFen = projects.reduce((sum, p) => sum + p.initialBudgetFen, 0);
  addTableSheet(workbook, {
    name: `${input.year}年度项目`,
    title: `${input.year}年度项目清单`,
    note: `共 ${projects.length} 个项目　　单位：万元`,
    columns,
    rows: projects,
    totalLabel: '合计',
  });
  return { fileName: `${input.year}年度项目清单.xlsx`, bytes: await workbookBytes(workbook), projectCount: projects.length, totalFen };
}
