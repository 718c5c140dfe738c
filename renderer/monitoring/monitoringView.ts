import type { MatchedBy, WarningColour } from '../../electron/bridge/contract';

/** Mantine colours for the warning colours; "—" is plain grey. */
export const COLOUR_COLOR: Record<WarningColour, string> = { red: 'red', yellow: 'yellow', green: 'green', blue: 'blue', none: 'gray' };

export const SCOPE_LABELS = { project: '项目', department: '部门整体' } as const;

export const MATCHED_BY: Record<MatchedBy, string> = {
  code: '按代码',
  unitName: '按单位和名称',
  remembered: '记住的对应',
  manual: '手工对应',
};
