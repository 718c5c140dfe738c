import { Stack, Text } from '@mantine/core';
import type { ImportIssue } from '../../electron/bridge/contract';
import { ImportIssuesTable } from './ImportIssuesTable';

/** An issue of a workbook that holds one form per sheet (申报表, 会审意见表, 监控表). */
export type SheetIssue = ImportIssue & { sheet: string | null };

/** "工作表“JY-01”", or the file as a whole for problems that belong to no sheet. */
export function sheetTitle(sheet: string | null): string {
  return sheet === null ? '整个文件' : `工作表“${sheet}”`;
}

/** "；未读取“填报说明”（不是申报表）" for the sheets the import passed over. */
export function ignoredText(sheets: { sheet: string }[], what: string): string {
  return sheets.length ? `；未读取${sheets.map((s) => `“${s.sheet}”`).join('、')}（不是${what}）` : '';
}

interface SheetIssuesProps {
  issues: SheetIssue[];
  kind: 'error' | 'warning';
  /** What the sheet holds ("2023年教师培训项目"), shown after its name. */
  describe?: (sheet: string) => string | null;
}

/**
 * An import's problems sheet by sheet, in the file's order: a workbook holds one form per project,
 * and the clerk fixes them one sheet at a time — each sheet's rows and columns as Excel shows them.
 */
export function SheetIssues({ issues, kind, describe }: SheetIssuesProps) {
  if (issues.length === 0) return null;
  const groups = new Map<string | null, SheetIssue[]>();
  for (const issue of issues) groups.set(issue.sheet, [...(groups.get(issue.sheet) ?? []), issue]);
  const word = kind === 'error' ? '错误' : '提示';
  return (
    <Stack gap="sm">
      {[...groups.entries()].map(([sheet, list]) => {
        const what = sheet === null ? null : (describe?.(sheet) ?? null);
        return (
          <Stack key={sheet ?? ''} gap={4} component="section" aria-label={`${sheetTitle(sheet)}的${word}`}>
            <Text fz="sm" fw={600} c={kind === 'error' ? 'red.8' : 'orange.8'}>
              {sheetTitle(sheet)}
              {what ? `（${what}）` : ''}：{list.length} 处{word}
            </Text>
            <ImportIssuesTable issues={list} kind={kind} />
          </Stack>
        );
      })}
    </Stack>
  );
}
