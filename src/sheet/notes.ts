/**
 * Agent cells carry a note whose first line is exactly "Aircall user <id>" and whose second line is
 * the agent's name: Select User and Switch User Status read the selected cell's note, so duplicate
 * names and unknown agents resolve to the right id, and check the name against the cell's first
 * line, so a cell caught half-written by a refresh is never taken for another agent.
 */
const FIRST_LINE = /^Aircall user (\d{1,15})$/;

export function agentNote(agentId: number, humanLines: string[]): string {
  // Names are flattened so nothing a user typed can start a line of its own.
  const flat = humanLines.map((line) => line.replace(/\s+/g, ' ').trim());
  return [`Aircall user ${agentId}`, ...flat].join('\n');
}

export function agentIdFromNote(note: string): number | null {
  const firstLine = note.split(/\r?\n/, 1)[0];
  const match = FIRST_LINE.exec(firstLine);
  if (!match) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** The agent a cell shows: its note's id when the note's name is the cell's first line; 'refreshing' when they disagree. */
export function agentInCell(value: string, note: string): { id: number; name: string } | 'refreshing' | null {
  const id = agentIdFromNote(note);
  if (id === null) return null;
  const name = note.split(/\r?\n/)[1] ?? '';
  const shown = value.split(/\r?\n/, 1)[0];
  return name !== '' && name === shown ? { id, name } : 'refreshing';
}

/** What Select User and Switch User Status say when agentInCell finds a cell half-written. */
export const REFRESHING_MESSAGE =
  'The board is being refreshed under your selection. Select the agent again in a moment.';
