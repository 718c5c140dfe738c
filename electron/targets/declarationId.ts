/**
 * The clearly marked 台账识别码 each declaration sheet carries, so a re-import finds its subject even when
 * a clerk retypes the name; projects are still matched by 项目代码 first (targetMatching.ts).
 */
import type { Subject } from '../../db/vocabulary';

/**
 * 台账识别码 of a declaration sheet: year, P + project id (部门整体: U + unit id), and target id (0 when
 * there was none). Templates from before 部门整体 sheets carry the P form only, which still reads.
 */
export const TEMPLATE_ID = /JXTZ-申报-(\d{4})-([PU])(\d+)-T(\d+)/;

export interface TemplateId {
  year: number;
  subject: Subject;
  /** The project's id, or the unit's for 部门整体. */
  subjectId: number;
  targetId: number | null;
}

export const templateIdCode = (id: TemplateId) =>
  `JXTZ-申报-${id.year}-${id.subject === 'project' ? 'P' : 'U'}${id.subjectId}-T${id.targetId ?? 0}`;

export function parseTemplateId(match: RegExpExecArray): TemplateId {
  return {
    year: Number(match[1]),
    subject: match[2] === 'U' ? 'department' : 'project',
    subjectId: Number(match[3]),
    targetId: Number(match[4]) || null,
  };
}
