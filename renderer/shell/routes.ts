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
