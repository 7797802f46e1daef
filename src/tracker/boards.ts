/**
 * Extra boards: tabs beside the main board, each showing its own teams and lines (one per floor or
 * team for a large call center). One refresh fetches once and writes every board.
 */

/** One extra board tab. Filters as in Settings: null = all teams, or the lines with activity or a target. */
export interface ExtraBoard {
  name: string;
  teamFilter: string[] | null;
  lineFilter: string[] | null;
}

/** Each board costs its own writes per refresh: a handful keeps a refresh inside its deadline. */
export const MAX_EXTRA_BOARDS = 10;
export const MAX_BOARD_NAME_CHARS = 50;

/**
 * The product's own tabs (src/gas: the board, History, Today, Daily, Heat map, Alerts, the switch
 * log), which a board may not take over. Sheets compares tab names without case.
 */
export const PRODUCT_TABS = [
  'Activity Tracker',
  'History',
  'Today',
  'Daily',
  'Heat map',
  'Alerts',
  'Status Switch Log',
] as const;

const ID_ENTRY = /^\d{1,15}$/;

/** Aircall ids (digits) as strings, deduplicated; `extra` is one more allowed entry; null or [] = all. */
export function parseIdList(value: unknown, extra?: string): string[] | null | 'bad' {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) return 'bad';
  const entries = value.map((entry) => (typeof entry === 'number' ? String(entry) : entry));
  if (!entries.every((e) => typeof e === 'string' && (ID_ENTRY.test(e.trim()) || e.trim() === extra))) return 'bad';
  const unique = [...new Set(entries.map((e: string) => e.trim()))];
  return unique.length === 0 ? null : unique;
}

/** Why a tab name cannot be a board's, or null. `taken` holds the lower-cased names already used. */
function nameProblem(name: string, taken: Set<string>): string | null {
  if (name === '') return 'Give every board a tab name.';
  if (name.length > MAX_BOARD_NAME_CHARS)
    return `A board's tab name has at most ${MAX_BOARD_NAME_CHARS} characters ("${name.slice(0, 20)}…" has ${name.length}).`;
  // Control characters cannot be typed in a Sheets tab name.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(name)) return `The tab name "${name}" holds a character a tab cannot have.`;
  const lower = name.toLowerCase();
  if (PRODUCT_TABS.some((tab) => tab.toLowerCase() === lower))
    return `"${name}" is one of the tracker's own tabs: choose another name for the board.`;
  if (taken.has(lower)) return `Two boards are named "${name}": each board needs its own tab.`;
  return null;
}

/**
 * Checks the list of extra boards from Configure (or from storage). undefined keeps `current`.
 * Names are trimmed; team ids may include `singleUsers` (agents in no team).
 */
export function validateExtraBoards(
  value: unknown,
  current: ExtraBoard[],
  singleUsers: string,
): { ok: true; boards: ExtraBoard[] } | { ok: false; error: string } {
  if (value === undefined) return { ok: true, boards: current };
  if (!Array.isArray(value)) return { ok: false, error: 'Boards must be a list of boards.' };
  if (value.length > MAX_EXTRA_BOARDS)
    return { ok: false, error: `At most ${MAX_EXTRA_BOARDS} extra boards; this list has ${value.length}.` };
  const boards: ExtraBoard[] = [];
  const taken = new Set<string>();
  for (const raw of value) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      return { ok: false, error: 'Boards must be a list of boards.' };
    const entry = raw as Record<string, unknown>;
    if (typeof entry.name !== 'string') return { ok: false, error: "A board's tab name must be text." };
    const name = entry.name.trim();
    const problem = nameProblem(name, taken);
    if (problem) return { ok: false, error: problem };
    taken.add(name.toLowerCase());
    const teamFilter = parseIdList(entry.teamFilter, singleUsers);
    const lineFilter = parseIdList(entry.lineFilter);
    if (teamFilter === 'bad') return { ok: false, error: `Board "${name}": teams must come from the selector.` };
    if (lineFilter === 'bad') return { ok: false, error: `Board "${name}": lines must come from the list.` };
    boards.push({ name, teamFilter, lineFilter });
  }
  return { ok: true, boards };
}
