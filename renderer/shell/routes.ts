/**
 * The addresses of places inside an area, in the hash (`#/project/12`), so a link from any list, chart
 * or summary sentence opens the same page and the back button returns.
 */
export function projectHref(projectId: number): string {
  return `#/project/${projectId}`;
}

/** The project id a hash opens, or null when it opens an area. */
export function projectIdInHash(hash: string): number | null {
  const m = /^#\/project\/(\d+)$/.exec(hash);
  return m ? Number(m[1]) : null;
}

/** 操作记录, all of it or only what concerns one project. */
export function auditHref(projectId: number | null = null): string {
  return projectId === null ? '#/audit' : `#/audit/project/${projectId}`;
}

/** What an audit address opens: null when the hash is not one, else the project it is filtered to (or null). */
export function auditFilterInHash(hash: string): { projectId: number | null } | null {
  const m = /^#\/audit(?:\/project\/(\d+))?$/.exec(hash);
  return m ? { projectId: m[1] ? Number(m[1]) : null } : null;
}
