/**
 * Switch User Status: toggles the selected agents between available and unavailable through User V2
 * (PUT /v2/users/:id, docs/aircall-notes.md), refuses agents on Auto, says plainly when Aircall
 * declines the change and where to make it instead, logs every switch to an audit tab, then
 * refreshes the board.
 */
import { AircallError } from '../aircall/client';
import type { AvailabilityStatus } from '../aircall/types';
import { agentInCell, REFRESHING_MESSAGE } from '../sheet/notes';
import { describeFailure, openAircall } from './aircall';
import { BOARD_SHEET } from './board-sheet';
import { isBoardTab } from './extra-boards';
import { refreshBoard } from './refresh';
import { ensureSwitchLogSheet } from './setup';
import { activeSpreadsheet, formatTime, spreadsheetTimeZone } from './spreadsheet';

const LOOKUP_BUDGET_MS = 60_000;
/** Statuses by which Aircall declines the change itself (rather than failing to answer). */
const REFUSED = new Set([404, 405, 410, 422]);

const isRefusal = (error: unknown): error is AircallError => error instanceof AircallError && REFUSED.has(error.status);

/**
 * Aircall declined the change: say so, and where a supervisor can make it instead (Aircall's own
 * Dashboard, Users › Availability: https://support.aircall.io/en-gb/articles/10375395665437).
 */
function refusalMessage(name: string, error: AircallError): string {
  return (
    `Aircall did not accept the status change for ${name} (HTTP ${error.status}); their status is unchanged. ` +
    'Change it in the Aircall Dashboard instead: Users, then the Availability column next to their name.'
  );
}

/**
 * The agent ids under the selected cells, each once, in selection order; 'refreshing' when a cell's
 * name and note disagree (a refresh is rewriting the board under the selection).
 */
function selectedAgentIds(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): number[] | 'refreshing' {
  const selection = spreadsheet.getActiveRangeList();
  if (!selection) return [];
  const agents = selection.getRanges().flatMap((range) => {
    const values = range.getDisplayValues();
    return range.getNotes().flatMap((row, r) => row.map((note, c) => agentInCell(values[r][c], note)));
  });
  if (agents.includes('refreshing')) return 'refreshing';
  const ids = agents.filter((agent) => agent !== null && agent !== 'refreshing').map((agent) => agent.id);
  return [...new Set(ids)];
}

/** Says whom it will switch, from what to what, and asks before acting. */
function confirmSwitch(
  ui: GoogleAppsScript.Base.Ui,
  ids: readonly number[],
  users: ReadonlyMap<number, { name: string; availability_status?: AvailabilityStatus } | null | undefined>,
): boolean {
  const plan = ids.map((id) => {
    const user = users.get(id);
    if (!user) return `Aircall user ${id}: not found`;
    if (user.availability_status === 'custom') return `${user.name}: on Auto, left as is`;
    return `${user.name}: ${user.availability_status ?? 'unknown'} → ${toggled(user.availability_status)}`;
  });
  const answer = ui.alert('Switch User Status', `Switch these agents?\n${plan.join('\n')}`, ui.ButtonSet.YES_NO);
  return answer === ui.Button.YES;
}

const toggled = (status: AvailabilityStatus | undefined): 'available' | 'unavailable' =>
  status === 'available' ? 'unavailable' : 'available';

export function switchUserStatusFromMenu(): void {
  const spreadsheet = activeSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  const ids = isBoardTab(spreadsheet.getActiveSheet().getName()) ? selectedAgentIds(spreadsheet) : [];
  if (ids === 'refreshing') {
    ui.alert('Switch User Status', REFRESHING_MESSAGE, ui.ButtonSet.OK);
    return;
  }
  if (ids.length === 0) {
    ui.alert(
      'Switch User Status',
      `Select one or more agent name cells on the "${BOARD_SHEET}" tab or another board's, then choose Switch User Status again.`,
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
    if (!confirmSwitch(ui, ids, users)) return;
    const timeZone = spreadsheetTimeZone(spreadsheet);
    const who = Session.getActiveUser().getEmail() || 'unknown user';
    for (const [index, id] of ids.entries()) {
      const user = users.get(id);
      if (user === undefined) {
        refused.push(`Aircall user ${id}: Aircall did not answer in time; nothing was changed. Try again.`);
        continue;
      }
      if (user === null) {
        refused.push(`Aircall has no user ${id} any more; refresh the board to see the current agents.`);
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
      try {
        client.setAvailabilityStatus(id, to);
      } catch (error) {
        if (!isRefusal(error)) throw error;
        refused.push(refusalMessage(user.name, error));
        // A request Aircall does not offer at all would be refused for the others too.
        if (error.kind === 'unsupported') {
          const untried = ids.slice(index + 1).map((rest) => users.get(rest)?.name ?? `user ${rest}`);
          if (untried.length) refused.push(`Not tried, for the same reason: ${untried.join(', ')}.`);
          break;
        }
        continue;
      }
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
