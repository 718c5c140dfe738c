/** The zh-CN words, colours and number formats of the 重点评价 screen, in one place. */
export const GRADE_COLOR: Record<string, string> = { 优: 'green', 良: 'blue', 中: 'orange', 差: 'red' };

export function gradeColor(grade: string | null): string {
  return (grade && GRADE_COLOR[grade]) ?? 'gray';
}

export const STATUS_COLOR = { draft: 'gray', scoring: 'yellow', final: 'blue' } as const;

/** A score as printed in the scoring table: always 2 decimals ("2.03", "90.06"). */
export function formatScore(points: number | null): string {
  return points === null ? '—' : points.toFixed(2);
}

/** A weight or 分值 as written: no trailing zeros ("15", "2.25"). */
export function formatPoints(points: number): string {
  return String(Math.round(points * 100) / 100);
}
