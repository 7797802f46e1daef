/**
 * What the Calls sidebars' server functions need from the rest of the product, in one place:
 * the Aircall client, the directory of users/teams/numbers with the user↔number map, the
 * settings, and time formatting in the spreadsheet's time zone.
 */
import type { AircallClient } from '../aircall/client';
import { openAircall as openClient } from './aircall';
import { ensureDirectory, loadUserNumberMap } from './directory';
import { loadSettings } from './settings-store';
import { activeSpreadsheet, formatTime, spreadsheetTimeZone } from './spreadsheet';

export { loadSettings };

export function openAircall(): AircallClient {
  return openClient();
}

export interface DirectoryView {
  users: { id: number; name: string; email?: string }[];
  teams: { id: number; name: string; userIds: number[] }[];
  numbers: { id: number; name: string; digits: string }[];
  userNumbers: Record<number, number[]> | null;
}

/** The cached directory, fetching only the parts whose refresh interval has passed. */
export function loadDirectory(client: AircallClient = openAircall()): DirectoryView {
  const directory = ensureDirectory(client, loadSettings(), Date.now());
  const map = loadUserNumberMap();
  return {
    users: directory.users,
    teams: directory.teams,
    numbers: directory.numbers,
    userNumbers: map ? map.byUser : null,
  };
}

export function spreadsheetZone(): string {
  return spreadsheetTimeZone(activeSpreadsheet());
}

export function formatInSpreadsheetZone(
  sec: number,
  pattern = 'yyyy-MM-dd HH:mm:ss',
  timeZone = spreadsheetZone(),
): string {
  return formatTime(sec * 1000, timeZone, pattern);
}
