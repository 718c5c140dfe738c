/**
 * Whose targets a declaration sheet holds. A project sheet is a project of the year by its 项目代码,
 * else by 实施单位 + 项目名称, else by the 台账识别码; a 部门整体 sheet is a budget unit by the 台账识别码,
 * else by its 部门（单位）名称. Each project or unit may be declared by one sheet of the file only.
 */
import { and, eq } from 'drizzle-orm';
import { performanceTargets } from '../../db/schema';
import type { ServiceContext } from '../ledger/context';
import type { ProjectRow } from '../projects/projects';
import { unitProjectBudgetFen } from './targets';
import type { TemplateId } from './declarationId';
import { placeOf, unitNameText, type HeaderBlock, type Place } from './declarationSheet';

/** The year's projects and the budget units, looked up the ways a sheet names them. */
export interface SubjectLookup {
  ctx: ServiceContext;
  year: number;
  byCode: Map<string, ProjectRow>;
  byUnitAndName: Map<string, ProjectRow>;
  byName: Map<string, ProjectRow[]>;
  byId: Map<number, ProjectRow>;
  unitById: Map<number, { id: number; name: string }>;
  unitByName: Map<string, { id: number; name: string }>;
  /** Projects (P + id) and units (U + id) already matched by a sheet → that sheet's name. */
  claimed: Map<string, string>;
}

/** The sheet plan's names of what it declares, filled in as soon as it is found. */
interface SheetOwnerNames {
  projectId: number | null;
  projectCode: string | null;
  projectName: string | null;
  unitName: string | null;
}

/** Whose targets a sheet declares, once matched in the ledger. */
export interface Matched {
  /** What createTarget starts when there is no target yet. */
  owner: { projectId: number; unitId: null } | { projectId: null; unitId: number };
  /** The target's name in messages: the project's, or "<单位>部门整体". */
  name: string;
  /** Funds when the sheet has none and there is no target yet (what createTarget would take). */
  budgetFen: number;
  target: typeof performanceTargets.$inferSelect | undefined;
  /** The sheet's name cell: messages about the whole sheet point there, quoting what it says. */
  place: Place;
  shown: string;
}

/** A project of the year by its 项目代码, else by 实施单位 + 项目名称 (or a name no other project has), else by the 台账识别码. */
export function matchProject(env: SubjectLookup, block: HeaderBlock, plan: SheetOwnerNames, markerId: TemplateId | null): Matched | null {
  const { first, text, bad, warn } = block;
  const code = text('projectCode')?.trim() || '';
  const name =
    text('projectName')
      ?.replace(/\s*\n\s*/g, '')
      .trim() || '';
  const unitName =
    text('unit')
      ?.replace(/\s*\n\s*/g, '')
      .trim() || '';
  let project: ProjectRow | undefined;
  let matchedBy: 'code' | 'name' | 'id' | null = null;
  if (code && env.byCode.has(code)) [project, matchedBy] = [env.byCode.get(code), 'code'];
  if (!project && name && unitName) [project, matchedBy] = [env.byUnitAndName.get(`${unitName}\u0000${name}`), 'name'];
  if (!project && name && !unitName && env.byName.get(name)?.length === 1) [project, matchedBy] = [env.byName.get(name)![0], 'name'];
  if (!project && markerId) [project, matchedBy] = [env.byId.get(markerId.subjectId), 'id'];
  const namePlace = placeOf(first('projectName') ?? first('projectCode'));
  if (!project) {
    const what = [code ? `项目代码为“${code}”的项目` : null, name ? `${unitName ? `“${unitName}”的` : ''}项目“${name}”` : null]
      .filter(Boolean)
      .join('，也没有');
    bad(
      code ? placeOf(first('projectCode')) : namePlace,
      code || name,
      `台账 ${env.year} 年度中没有${what || '这个项目'}。请核对项目代码和项目名称，或先导入${env.year}年度项目清单。`,
    );
    return null;
  }
  Object.assign(plan, { projectId: project.id, projectCode: project.code, projectName: project.name, unitName: project.unitName });
  const earlier = env.claimed.get(`P${project.id}`);
  if (earlier) {
    bad(namePlace, name || code, `与工作表“${earlier}”是同一个项目（${project.name}）。同一项目只能有一张申报表，请删除其中一张。`);
    return null;
  }
  env.claimed.set(`P${project.id}`, block.sheet);
  if (matchedBy === 'code' && name && name !== project.name)
    warn(namePlace, name, `按项目代码 ${code} 对应台账中的“${project.name}”，表中项目名称不同，以台账为准。`);
  if (matchedBy !== 'code' && code && code !== (project.code ?? '')) {
    warn(
      placeOf(first('projectCode')),
      code,
      `台账中“${project.name}”的项目代码是${project.code ? ` ${project.code}` : '空的'}，表中的项目代码不会导入。`,
    );
  }
  if (matchedBy === 'code' && unitName && unitName !== project.unitName)
    warn(placeOf(first('unit')), unitName, `台账中该项目的实施单位是“${project.unitName}”，以台账为准。`);
  return {
    owner: { projectId: project.id, unitId: null },
    name: project.name,
    budgetFen: project.initialBudgetFen,
    target: env.ctx.ledger.db
      .select()
      .from(performanceTargets)
      .where(and(eq(performanceTargets.year, env.year), eq(performanceTargets.projectId, project.id)))
      .get(),
    place: namePlace,
    shown: name || code,
  };
}

/**
 * A budget unit by the 台账识别码's unit id, else by the 部门（单位）名称 text. A name naming another unit
 * than the code does means a sheet copied from another unit's: refused rather than guessed.
 */
export function matchUnit(env: SubjectLookup, block: HeaderBlock, plan: SheetOwnerNames, markerId: TemplateId | null): Matched | null {
  const { bad, warn } = block;
  const name = unitNameText(block);
  const place = placeOf(block.first('departmentUnit') ?? block.first('unit'));
  const byCode = markerId ? env.unitById.get(markerId.subjectId) : undefined;
  const byName = name ? env.unitByName.get(name) : undefined;
  if (byCode && byName && byCode.id !== byName.id) {
    bad(
      place,
      name,
      `台账识别码对应的是“${byCode.name}”，表中部门（单位）名称却是“${name}”。请使用台账为“${name}”导出的申报表，不要复制其他单位的工作表。`,
    );
    return null;
  }
  const unit = byCode ?? byName;
  if (!unit) {
    bad(
      place,
      name,
      name
        ? `台账中没有名为“${name}”的预算单位。请按台账中的单位名称填写部门（单位）名称；如是新单位，请先在“项目与目标”的“预算单位”页新建后再导入。`
        : '没有填写部门（单位）名称。请填写台账中的预算单位名称，或使用台账导出的申报表。',
    );
    return null;
  }
  plan.unitName = unit.name;
  const earlier = env.claimed.get(`U${unit.id}`);
  if (earlier) {
    bad(place, name, `与工作表“${earlier}”是同一个单位（${unit.name}）的部门整体申报表。每个单位只能有一张，请删除其中一张。`);
    return null;
  }
  env.claimed.set(`U${unit.id}`, block.sheet);
  if (name && name !== unit.name) warn(place, name, `按台账识别码对应台账中的“${unit.name}”，表中部门（单位）名称不同，以台账为准。`);
  const { year } = env;
  return {
    owner: { projectId: null, unitId: unit.id },
    name: `${unit.name}部门整体`,
    budgetFen: unitProjectBudgetFen(env.ctx, year, unit.id),
    target: env.ctx.ledger.db
      .select()
      .from(performanceTargets)
      .where(and(eq(performanceTargets.year, year), eq(performanceTargets.subject, 'department'), eq(performanceTargets.unitId, unit.id)))
      .get(),
    place,
    shown: name,
  };
}
