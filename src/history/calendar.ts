/**
 * Days and hours in the spreadsheet's time zone, from its UTC offset (the adapter reads it with
 * Utilities.formatDate). Pure, so the rollups can be tested without Apps Script.
 */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** "+0100" / "-0530" (Java's Z pattern) → minutes east of UTC. */
export function parseOffset(text: string): number {
  const match = /^([+-])(\d{2})(\d{2})$/.exec(text.trim());
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** Midnight (as a UTC instant) of the local day holding `ms`. */
export function dayStartMs(ms: number, offsetMinutes: number): number {
  const offsetMs = offsetMinutes * 60_000;
  return Math.floor((ms + offsetMs) / DAY_MS) * DAY_MS - offsetMs;
}

/** Local hour (0–23) of an instant. */
export function hourOf(ms: number, offsetMinutes: number): number {
  const local = ms + offsetMinutes * 60_000;
  return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS);
}

/** Local weekday, 0 = Monday … 6 = Sunday (the heat map's rows). */
export function weekdayOf(ms: number, offsetMinutes: number): number {
  const days = Math.floor((ms + offsetMinutes * 60_000) / DAY_MS);
  // 1 January 1970 was a Thursday (3 when Monday is 0).
  return (((days + 3) % 7) + 7) % 7;
}

export const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
