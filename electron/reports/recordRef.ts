/**
 * One record behind a figure of 概览 or the annual summary: enough to list it and open its project's
 * page, so every number a clerk reads can be traced to the rows that make it.
 */
export interface RecordRef {
  /** The project the record belongs to; null for a record without one (a 部门整体 evaluation, an indicator). */
  projectId: number | null;
  /** What the record is, as the clerk names it: the project's or indicator's name. */
  label: string;
  unitName: string;
  /** The record's share of the figure, e.g. "年初预算 120.00 万元" or "等级 优". */
  detail: string;
}
