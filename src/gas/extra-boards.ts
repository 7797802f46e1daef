/**
 * The extra boards' tabs (Configure › Boards): written by the same refresh, in the same lock and
 * execution, from what it fetched once. Each tab gets the main board's writer, which keeps its
 * last-written state per tab, so each board pays only for what changed on it. A board removed from
 * Configure keeps its tab (the user's data) and is no longer written.
 */
import { type Deadline, fitsBefore } from '../aircall/deadline';
import { type BoardHeader, renderBoard } from '../sheet/layout';
import { type BoardInput, buildBoard } from '../tracker/board';
import type { ExtraBoard } from '../tracker/boards';
import { BOARD_SHEET, writeBoard, writeStaleBoard } from './board-sheet';
import { loadSettings } from './settings-store';
import { activeSpreadsheet, insertSheetInBackground } from './spreadsheet';

/** A board tab, created in the background (gridlines hidden, like the main board) when missing. */
function boardTab(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string) {
  const existing = spreadsheet.getSheetByName(name);
  if (existing) return existing;
  const sheet = insertSheetInBackground(spreadsheet, name);
  sheet.setHiddenGridlines(true);
  return sheet;
}

/**
 * Every extra board, built with its own team and lines filter from the main board's input. A board
 * that would end after the refresh's deadline (judged by the slowest board written so far) is left
 * as it is: its "Last refresh" cell still tells when it was written.
 */
export function writeExtraBoards(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  input: BoardInput,
  header: BoardHeader,
  deadline: Deadline,
): void {
  let slowestMs = 0;
  const skipped: string[] = [];
  for (const board of input.settings.boards) {
    const startMs = Date.now();
    if (!fitsBefore(deadline, startMs, slowestMs)) {
      skipped.push(board.name);
      continue;
    }
    const model = buildBoard({
      ...input,
      settings: { ...input.settings, teamFilter: board.teamFilter, lineFilter: board.lineFilter },
    });
    writeBoard(boardTab(spreadsheet, board.name), board.name, renderBoard(model, { ...header, title: board.name }));
    slowestMs = Math.max(slowestMs, Date.now() - startMs);
  }
  if (skipped.length > 0) console.warn(`Out of time: not written this refresh: ${skipped.join(', ')}.`);
}

/** A failed refresh: every extra board that has a tab says so, as the main board does. */
export function writeExtraBoardsStale(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  banner: string,
  mute: boolean,
): void {
  let boards: ExtraBoard[];
  try {
    boards = loadSettings().boards;
  } catch {
    return; // the settings could not be read either: the main board already says the refresh failed
  }
  for (const board of boards) {
    const sheet = spreadsheet.getSheetByName(board.name);
    if (sheet) writeStaleBoard(sheet, board.name, board.name, banner, mute);
  }
}

/** The main board's tab or an extra board's: where Switch User Status and Select User find agents. */
export function isBoardTab(name: string): boolean {
  return name === BOARD_SHEET || loadSettings().boards.some((board) => board.name === name);
}

/**
 * A new board may not take over a tab that already exists (the user's own data, or a board removed
 * earlier, whose tab was kept): why, or null.
 */
export function boardTabTaken(next: ExtraBoard[], current: ExtraBoard[]): string | null {
  const known = new Set(current.map((board) => board.name));
  const spreadsheet = activeSpreadsheet();
  const clash = next.find((board) => !known.has(board.name) && spreadsheet.getSheetByName(board.name));
  return clash
    ? `A tab named "${clash.name}" already exists: choose another name, or rename or delete that tab first.`
    : null;
}

/**
 * Renaming a board in Configure renames its tab, content and all, when the new name is free. Only
 * a tab that was a board (`before`) is renamed: the request cannot reach another tab.
 */
export function renameBoardTabs(requested: unknown, before: ExtraBoard[], after: ExtraBoard[]): void {
  if (!Array.isArray(requested)) return;
  const spreadsheet = activeSpreadsheet();
  for (const entry of requested as { name?: unknown; from?: unknown }[]) {
    const from = entry?.from;
    const name = typeof entry?.name === 'string' ? entry.name.trim() : null;
    if (typeof from !== 'string' || !name || from === name) continue;
    if (!before.some((board) => board.name === from) || !after.some((board) => board.name === name)) continue;
    const sheet = spreadsheet.getSheetByName(from);
    if (sheet && !spreadsheet.getSheetByName(name)) sheet.setName(name);
  }
}
