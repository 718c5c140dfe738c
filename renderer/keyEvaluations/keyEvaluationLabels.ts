/** The zh-CN words and colours of the 重点评价 screen, in one place. */
export const GRADE_COLOR: Record<string, string> = { 优: 'green', 良: 'blue', 中: 'orange', 差: 'red' };

export function gradeColor(grade: string | null): string {
  return (grade && GRADE_COLOR[grade]) ?? 'gray';
}

export const STATUS_COLOR = { draft: 'gray', scoring: 'yellow', final: 'blue' } as const;
