/**
 * How a long file operation (导出到U盘, 从U盘导入) reports its progress and hears a cancel: with each
 * file it says how many are done and which file is in hand; between files it asks whether to stop. The
 * bridge's jobs pass one in.
 */
export interface FileProgress {
  onFile?(done: number, total: number, name: string): void;
  cancelled?(): boolean;
}

/**
 * Lets the main process answer other calls (the screen's progress and 取消) between two files: the
 * work itself is synchronous SQLite and file I/O that would otherwise hold the event loop to the end.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
