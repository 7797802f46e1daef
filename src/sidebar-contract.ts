/**
 * The contract between the sidebars (html/) and the server functions exported by src/index.ts.
 * Everything here crosses google.script.run, so it is plain data: no Date (timestamps are UNIX
 * seconds or preformatted strings), no undefined inside arrays, no functions.
 */
import type { CallDirection, MissedCallReason } from './aircall/types';
import type { Settings } from './tracker/settings';

// ---- Configure -----------------------------------------------------------------------------
export interface SettingsForm {
  activityPeriodMin: number | string;
  userRefreshMin: number | string;
  teamRefreshMin: number | string;
  waitLevel1Sec: number | string;
  waitLevel2Sec: number | string;
  slaSec: number | string;
  /** Omitted = leave the team filter as it is; [] = all teams. */
  teamFilter?: string[];
  /** Omitted = keep; thresholds as typed, per line id (or "all") and metric. */
  lineTargets?: Record<string, Record<string, { yellow: string | number; red: string | number }>>;
  /** Omitted = keep; [] = every line with activity. */
  lineFilter?: string[];
}

export interface ConfigureView {
  /** Every stored setting, line targets and lines filter included. */
  settings: Settings;
  /** The key is never sent back in clear: only whether one is set, a masked API ID and where it lives. */
  key: { configured: boolean; apiIdMasked: string | null; sharedWithEditors: boolean };
  /** Teams for the filter (value = team id as string, plus "single-users"); empty when no key works yet. */
  teams: { value: string; label: string }[];
  teamsError: string | null;
  /** Aircall numbers for the Lines panel's filter and targets (value = number id as string). */
  lines: { value: string; label: string }[];
}

export interface SaveSettingsRequest extends SettingsForm {
  /** Both empty = keep the stored key. */
  apiId?: string;
  apiToken?: string;
  shareKeyWithEditors?: boolean;
}

export type SaveSettingsResult = { ok: true } | { ok: false; errors: Record<string, string> };

export type ConnectionTestResult =
  | { ok: true; userCount: number }
  | { ok: false; reason: 'no_key' | 'bad_key' | 'forbidden' | 'rate_limited' | 'network' | 'server'; message: string };

// ---- Call history and Advanced Search ----------------------------------------------------------
/** One call as a readable card; all values are text-safe data, rendered with textContent. */
export interface CallCard {
  id: number;
  direction: CallDirection;
  status: string;
  agent: string | null;
  line: string | null;
  lineDigits: string | null;
  externalNumber: string;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  /** UNIX seconds, for sorting and for "younger than 10 minutes". */
  startedAtSec: number;
  endedAtSec: number | null;
  waitSec: number | null;
  talkSec: number | null;
  durationSec: number;
  missedReason: MissedCallReason | null;
  missedReasonText: string | null;
  tags: string[];
  comments: string[];
  recording: string | null;
  voicemail: string | null;
  asset: string | null;
  /** Pretty-printed JSON of the call as Aircall returned it (secrets never included). */
  rawJson: string;
}

export interface CallListResult {
  title: string;
  periodText: string;
  calls: CallCard[];
  /** Epoch seconds of "now" on the server, to decide which recordings are young enough to play. */
  nowSec: number;
}

export interface AdvancedSearchCriteria {
  fromSec: number;
  toSec: number;
  userIds?: number[];
  numberIds?: number[];
  direction?: CallDirection | '';
  asset?: 'recording' | 'voicemail' | 'either' | '';
  /** '' = any call; 'not_missed'; 'any_missed'; or one specific reason. */
  missed?: '' | 'not_missed' | 'any_missed' | MissedCallReason;
  durationOp?: 'gt' | 'lt' | '';
  durationSec?: number | null;
  tags?: string[];
}

/** How far a search has come: pages of Aircall's call list walked, of how many (null until known). */
export interface SearchProgress {
  done: number;
  total: number | null;
  unit: 'pages';
}

/**
 * One step of an Advanced Search. A search too long for one execution comes back in chunks: the
 * sidebar sends `cursor` back with the same criteria until it is null. `calls` are this chunk's matches.
 */
export interface AdvancedSearchChunk extends CallListResult {
  /** Opaque; null when the search is complete. */
  cursor: string | null;
  progress: SearchProgress;
  /** Set when Aircall's rate limit is used up for now: ask again after this many seconds. */
  resumeInSec: number | null;
  /** Matches so far, this chunk included. */
  totalMatches: number;
}

export interface SearchOptions {
  users: { id: number; name: string }[];
  numbers: { id: number; name: string; digits: string }[];
  tags: string[];
  defaultRange: { fromSec: number; toSec: number };
  timeZone: string;
}

/** Rows one Export to sheet call carries: ~20 short text columns, well inside google.script.run's payload. */
export const EXPORT_ROWS_PER_CALL = 2_000;

/** Rows of exportRows() without the header, oldest first; null sheetName starts a new tab. */
export interface ExportRequest {
  sheetName: string | null;
  rows: string[][];
}

export interface ExportResult {
  sheetName: string;
  rows: number;
}

export interface LiveRefreshResult {
  refreshedAtText: string;
  /** Seconds the caller should wait before asking again. */
  nextInSec: number;
  stale: string | null;
}
