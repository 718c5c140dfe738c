/** A file name Windows accepts: none of \ / : * ? " < > |, at most 120 characters before the extension. */
export function safeFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  const stem = name.slice(0, dot).replace(/[\\/:*?"<>|]/g, '_');
  return `${stem.slice(0, 120)}${name.slice(dot)}`;
}
