/**
 * Agent name cells carry a note whose first line is exactly "Aircall user <id>": Select User and
 * Switch User Status read the selected cell's note, so duplicate names and unknown agents resolve
 * to the right id. Only that first line is trusted; the rest is for people.
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
