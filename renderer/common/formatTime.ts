import { formatLocalTime } from '../../electron/rules/localTime';

/** An ISO timestamp as the clerk reads it, in local time: "2023-03-01 14:05"; "—" for none. */
export function formatTime(iso: string | null): string {
  return formatLocalTime(iso);
}
