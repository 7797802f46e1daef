import { type ExtraBoard, parseIdList, validateExtraBoards } from './boards';
import { type LineTargets, validateLineTargets } from './targets';

/** What a supervisor can configure (Configure sidebar), with the original tracker's defaults. */
export interface Settings {
  activityPeriodMin: number;
  userRefreshMin: number;
  teamRefreshMin: number;
  waitLevel1Sec: number;
  waitLevel2Sec: number;
  /** Average answer time an agent must stay under; 0 turns the check off. */
  slaSec: number;
  /** Team ids as strings, plus SINGLE_USERS; null = all teams. */
  teamFilter: string[] | null;
  /** Thresholds colouring the Lines panel (targets.ts). */
  lineTargets: LineTargets;
  /** Number ids as strings shown in the Lines panel; null = the lines with activity or a target. */
  lineFilter: string[] | null;
  /** Days of snapshots the History tab keeps (src/history/retention.ts). */
  historyRetentionDays: number;
  /** Board tabs beside the main one, each with its own team and lines filter (boards.ts). */
  boards: ExtraBoard[];
}

/** Pseudo-team holding the users who belong to no Aircall team. */
export const SINGLE_USERS = 'single-users';

export const DEFAULT_SETTINGS: Settings = {
  activityPeriodMin: 15,
  userRefreshMin: 240,
  teamRefreshMin: 480,
  waitLevel1Sec: 10,
  waitLevel2Sec: 20,
  // Callers answered within 20 s: a common contact-center service level (80/20).
  slaSec: 20,
  teamFilter: null,
  lineTargets: {},
  lineFilter: null,
  historyRetentionDays: 7,
  boards: [],
};

/** The Configure form's fields as a first-time user leaves them: every default, no filter or target touched. */
export function firstTimeForm() {
  const { activityPeriodMin, userRefreshMin, teamRefreshMin, waitLevel1Sec, waitLevel2Sec, slaSec } = DEFAULT_SETTINGS;
  return { activityPeriodMin, userRefreshMin, teamRefreshMin, waitLevel1Sec, waitLevel2Sec, slaSec };
}

type NumericField = Exclude<keyof Settings, 'teamFilter' | 'lineTargets' | 'lineFilter' | 'boards'>;
type Errors = Partial<Record<keyof Settings, string>>;

const WEEK_MIN = 7 * 24 * 60;
const NUMERIC_FIELDS: Record<
  NumericField,
  { label: string; unit: 'minutes' | 'seconds' | 'days'; min: number; max: number }
> = {
  activityPeriodMin: { label: 'Activity period', unit: 'minutes', min: 1, max: 1440 },
  userRefreshMin: { label: 'User refresh interval', unit: 'minutes', min: 1, max: WEEK_MIN },
  teamRefreshMin: { label: 'Team refresh interval', unit: 'minutes', min: 1, max: WEEK_MIN },
  waitLevel1Sec: { label: 'Call waiting threshold (level 1)', unit: 'seconds', min: 1, max: 3600 },
  waitLevel2Sec: { label: 'Call waiting threshold (level 2)', unit: 'seconds', min: 1, max: 3600 },
  slaSec: { label: 'SLA', unit: 'seconds', min: 0, max: 3600 },
  historyRetentionDays: { label: 'History retention', unit: 'days', min: 1, max: 31 },
};

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A whole number from a number or a digits-only string (forms send strings); anything else is null. */
function wholeNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && /^\d{1,9}$/.test(value.trim())) return Number(value.trim());
  return null;
}

function rangeMessage(field: NumericField): string {
  const { label, unit, min, max } = NUMERIC_FIELDS[field];
  const off = field === 'slaSec' ? ' (0 turns it off)' : '';
  return `${label} must be a whole number of ${unit} between ${min} and ${max}${off}.`;
}

/** undefined keeps the current filter; null or [] means all (teams or lines). `extra` is one more allowed entry. */
function validateIdFilter(
  value: unknown,
  current: string[] | null,
  extra?: string,
): { ok: boolean; filter: string[] | null } {
  if (value === undefined) return { ok: true, filter: current };
  const filter = parseIdList(value, extra);
  return filter === 'bad' ? { ok: false, filter: current } : { ok: true, filter };
}

/**
 * Checks a Configure form against the current settings. Empty fields keep their current value;
 * nothing is applied unless every field is valid.
 */
export function validateSettings(
  form: Record<string, unknown>,
  current: Settings,
): { ok: true; settings: Settings } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  const settings: Settings = { ...current };
  for (const field of Object.keys(NUMERIC_FIELDS) as NumericField[]) {
    const raw = form[field];
    if (isEmpty(raw)) continue;
    const value = wholeNumber(raw);
    const { min, max } = NUMERIC_FIELDS[field];
    if (value === null || value < min || value > max) errors[field] = rangeMessage(field);
    else settings[field] = value;
  }
  if (!errors.waitLevel1Sec && !errors.waitLevel2Sec && settings.waitLevel2Sec <= settings.waitLevel1Sec) {
    errors.waitLevel2Sec = `Call waiting threshold (level 2) must be greater than level 1 (${settings.waitLevel1Sec} seconds).`;
  }
  const teams = validateIdFilter(form.teamFilter, current.teamFilter, SINGLE_USERS);
  if (teams.ok) settings.teamFilter = teams.filter;
  else errors.teamFilter = 'Aircall teams must be a list of teams from the selector.';
  const lines = validateIdFilter(form.lineFilter, current.lineFilter);
  if (lines.ok) settings.lineFilter = lines.filter;
  else errors.lineFilter = 'Lines must be a list of lines from the selector.';
  const targets = validateLineTargets(form.lineTargets, current.lineTargets);
  if (targets.ok) settings.lineTargets = targets.targets;
  else errors.lineTargets = targets.error;
  const boards = validateExtraBoards(form.boards, current.boards, SINGLE_USERS);
  if (boards.ok) settings.boards = boards.boards;
  else errors.boards = boards.error;
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, settings };
}
