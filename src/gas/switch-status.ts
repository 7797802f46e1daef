/**
 * Switch User Status: toggles the selected agents between available and unavailable, refuses
 * agents on Auto, logs every switch to an audit tab, then refreshes the board.
 */
import type { AvailabilityStatus } from '../aircall/types';
import { agentIdFromNote } from '../sheet/layout';
import { describeFailure, openAircall } from './aircall';
import { BOARD_SHEET } from './board-sheet';
import { refreshBoard } from './refresh';
import { ensureSwitchLogSheet } from './setup';
import { activeSpreadsheet, formatTime, spreadsheetTimeZone } from './spreadsheet';

const LOOKUP_BUDGET_MS = 60_000;

/** The agent ids under the selected cells, each once, in selection order. */
function selectedAgentIds(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): number[] {
  const selection = spreadsheet.getActiveRangeList();
  if (!selection) return [];
  const ids = selection
    .getRanges()
    .flatMap((range) => range.getNotes().flat())
    .map(agentIdFromNote)
    .filter((id): id is number => id !== null);
  return [...new Set(ids)];
}

const toggled = (status: AvailabilityStatus | undefined): 'available' | 'unavailable' =>
  status === 'available' ? 'unavailable' : 'available';

export function switchUserStatusFromMenu(): void {
  const spreadsheet = activeSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  const ids = spreadsheet.getActiveSheet().getName() === BOARD_SHEET ? selectedAgentIds(spreadsheet) : [];
  if (ids.length === 0) {
    ui.alert(
      'Switch User Status',
      `Select one or more agent name cells on the "${BOARD_SHEET}" tab, then choose Switch User Status again.`,
      ui.ButtonSet.OK,
    );
    return;
  }

  const switched: string[] = [];
  const refused: string[] = [];
  const logRows: string[][] = [];
  try {
    const client = openAircall();
    const { fetched: users, failure } = client.getUsersById(ids, Date.now() + LOOKUP_BUDGET_MS);
    if (failure) throw failure;
    const timeZone = spreadsheetTimeZone(spreadsheet);
    const who = Session.getActiveUser().getEmail() || 'unknown user';
    for (const id of ids) {
      const user = users.get(id);
      if (!user) {
        refused.push(`Aircall user ${id} was not found (deleted, or Aircall did not answer in time).`);
        continue;
      }
      if (user.availability_status === 'custom') {
        refused.push(
          `${user.name} is on Auto (custom) in the phone app, so their status cannot be switched from here.`,
        );
        continue;
      }
      const from = user.availability_status ?? 'unknown';
      const to = toggled(user.availability_status);
      client.setAvailabilityStatus(id, to);
      switched.push(`${user.name}: ${from} → ${to}`);
      logRows.push([formatTime(Date.now(), timeZone, 'yyyy-MM-dd HH:mm:ss'), who, user.name, String(id), from, to]);
    }
  } catch (error) {
    refused.push(describeFailure(error));
  }

  if (logRows.length > 0) {
    const log = ensureSwitchLogSheet(spreadsheet);
    const rows = log.getRange(log.getLastRow() + 1, 1, logRows.length, logRows[0].length);
    rows.setNumberFormat('@');
    rows.setValues(logRows);
    refreshBoard();
  }
  const lines = [...switched, ...refused];
  ui.alert('Switch User Status', lines.join('\n'), ui.ButtonSet.OK);
}
