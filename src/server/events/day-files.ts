/** Names of the event log's day files, shared by the file and Blob sinks and the readers. */

/** UTC day of an ISO time: "2026-12-01". */
export function dayOf(time: Date): string {
  return time.toISOString().slice(0, 10);
}

/** The day a file or blob name starts with, or undefined when it is not a day file. */
export function dayOfName(name: string): string | undefined {
  const m = /(?:^|\/)(\d{4}-\d{2}-\d{2})[./]/.exec(name);
  return m?.[1];
}

/** True when `day` is older than the retention allows, counted from `now`. */
export function isExpired(day: string, now: Date, retentionDays: number): boolean {
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(t) && now.getTime() - t > (retentionDays + 1) * 86_400_000;
}
