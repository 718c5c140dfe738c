/**
 * A moment as the clerk reads it, in the machine's local time (the bureau's machines run on
 * Asia/Shanghai): screens, printed manifests and exports write times this one way; stored times stay ISO.
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** "2023-03-01 14:05" (with seconds: "2023-03-01 14:05:09"); "—" for none. */
export function formatLocalTime(moment: string | Date | null, options: { seconds?: boolean } = {}): string {
  if (moment === null) return '—';
  const d = typeof moment === 'string' ? new Date(moment) : moment;
  if (Number.isNaN(d.getTime())) return '—';
  const minutes = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return options.seconds ? `${minutes}:${pad(d.getSeconds())}` : minutes;
}
