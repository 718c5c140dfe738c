/**
 * 从U盘导入 in words: what each file's preview status and commit outcome is called, for the screen, the
 * command line and the audit record alike.
 */

/** A file's status in the folder preview. */
export const FOLDER_FILE_STATUS_LABELS = {
  ready: '可导入',
  unchanged: '与台账相同，无需导入',
  errors: '有错误，不导入',
  elsewhere: '须在对应页面单独导入',
  unrecognised: '无法识别',
  damaged: '已损坏',
} as const;

/** What happened to a file when the folder was committed. */
export const FOLDER_FILE_OUTCOME_LABELS = {
  imported: '已导入',
  unchanged: '无需导入',
  refused: '有错误，未导入',
  'not-taken': '未导入',
  'not-run': '未运行',
} as const;
