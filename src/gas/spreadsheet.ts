/** Small helpers over the active spreadsheet that every entry point shares. */
import { documentCache } from './chunked-store';

export const TIME_ZONE_CACHE_KEY = 'spreadsheet.timeZone';

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

/**
 * Adds a tab without taking the user away from theirs: Apps Script makes an inserted sheet the
 * active one (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String)),
 * which would switch a supervisor's screen to History or Alerts in the middle of a refresh.
 */
export function insertSheetInBackground(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
): GoogleAppsScript.Spreadsheet.Sheet {
  const active = spreadsheet.getActiveSheet();
  const sheet = spreadsheet.insertSheet(name);
  if (active) spreadsheet.setActiveSheet(active);
  return sheet;
}

export function formatTime(ms: number, timeZone: string, pattern = 'HH:mm:ss'): string {
  return Utilities.formatDate(new Date(ms), timeZone, pattern);
}

/** "14:32:05" today, "18 Nov 14:32" on another day. */
export function formatMoment(ms: number, nowMs: number, timeZone: string): string {
  const sameDay = formatTime(ms, timeZone, 'yyyy-MM-dd') === formatTime(nowMs, timeZone, 'yyyy-MM-dd');
  return formatTime(ms, timeZone, sameDay ? 'HH:mm:ss' : 'd MMM HH:mm');
}
