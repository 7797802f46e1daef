/** Small helpers over the active spreadsheet that every entry point shares. */
import { documentCache } from './chunked-store';

const TIME_ZONE_CACHE_KEY = 'spreadsheet.timeZone';

export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** The spreadsheet's time zone, cached for an hour: it rarely changes and each read is a Spreadsheet call. */
export function spreadsheetTimeZone(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  const cache = documentCache();
  const cached = cache.get(TIME_ZONE_CACHE_KEY);
  if (cached) return cached;
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  cache.put(TIME_ZONE_CACHE_KEY, timeZone, 3600);
  return timeZone;
}

export function formatTime(ms: number, timeZone: string, pattern = 'HH:mm:ss'): string {
  return Utilities.formatDate(new Date(ms), timeZone, pattern);
}

/** "14:32:05" today, "18 Nov 14:32" on another day. */
export function formatMoment(ms: number, nowMs: number, timeZone: string): string {
  const sameDay = formatTime(ms, timeZone, 'yyyy-MM-dd') === formatTime(nowMs, timeZone, 'yyyy-MM-dd');
  return formatTime(ms, timeZone, sameDay ? 'HH:mm:ss' : 'd MMM HH:mm');
}
