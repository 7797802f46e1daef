/**
 * The contract between the sidebars (html/) and the server functions exported by src/index.ts.
 * Everything here crosses google.script.run, so it is plain data: no Date (timestamps are UNIX
 * seconds or preformatted strings), no undefined inside arrays, no functions.
 */
import type { CallDirection, MissedCallReason } from './aircall/types';
import type { AlertKind, AlertSettings } from './alerts/rules';
import type { CallHistoryRequest } from './calls/history';
import type { Settings } from './tracker/settings';
import type { TvView } from './tv/view';

// ---- Configure -----------------------------------------------------------------------------
export interface SettingsForm {
  activityPeriodMin: number | string;
  userRefreshMin: number | string;
  teamRefreshMin: number | string;
  waitLevel1Sec: number | string;
  waitLevel2Sec: number | string;
  slaSec: number | string;
  /** Omitted = keep; days of snapshots the History tab keeps. */
  historyRetentionDays?: number | string;
  /** Omitted = leave the team filter as it is; [] = all teams. */
  teamFilter?: string[];
  /** Omitted = keep; thresholds as typed, per line id (or "all") and metric. */
  lineTargets?: Record<string, Record<string, { yellow: string | number; red: string | number }>>;
  /** Omitted = keep; [] = every line with activity. */
  lineFilter?: string[];
  /** Omitted = keep; the whole list of extra board tabs otherwise ([] = none). */
  boards?: {
    name: string;
    teamFilter: string[] | null;
    lineFilter: string[] | null;
    /** The name the board had when Configure opened: renaming the board renames its tab. */
    from?: string;
  }[];
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
  /** Settings stored in a form that could not be read (names of fields, or "settings" for an old copy): shown at their defaults until saved. */
  unreadable: string[];
}

export interface SaveSettingsRequest extends SettingsForm {
  /** Both empty = keep the stored key. */
  apiId?: string;
  apiToken?: string;
  shareKeyWithEditors?: boolean;
}

/** notice: saved, with something the person must know (the key could not be checked, another account's data cleared). */
export type SaveSettingsResult = { ok: true; notice?: string } | { ok: false; errors: Record<string, string> };

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
  answeredAtSec: number | null;
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

/** One step of Call History: the newest calls come first; the sidebar sends `cursor` back until it is null. */
export interface CallHistoryChunk extends CallListResult {
  cursor: string | null;
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
  /** label = the name, plus the email (or id) when agents share that name. */
  users: { id: number; name: string; label: string }[];
  numbers: { id: number; name: string; digits: string }[];
  tags: string[];
  defaultRange: { fromSec: number; toSec: number };
  timeZone: string;
}

/** Rows one Export to sheet call carries: ~20 short columns, well inside google.script.run's payload. */
export const EXPORT_ROWS_PER_CALL = 2_000;

/** One exported cell: text from Aircall, a whole number (id, seconds, UNIX seconds of a time) or empty. */
export type ExportCell = string | number | null;

/** Rows of exportRows(), oldest first; null sheetName starts a new tab. */
export interface ExportRequest {
  sheetName: string | null;
  rows: ExportCell[][];
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

// ---- Limits both sides apply ---------------------------------------------------------------------
/** Live mode refreshes every 20 s unless the person asks otherwise, and never more often than every 10 s. */
export const LIVE_DEFAULT_SEC = 20;
export const LIVE_MIN_SEC = 10;

/** Call cards one sidebar shows (and google.script.run carries comfortably): the newest 1,000. */
export const MAX_CALL_CARDS = 1_000;

// ---- The server functions the sidebars call -----------------------------------------------------
/**
 * What google.script.run offers the sidebars. src/sidebar-contract-check.ts makes the compiler check
 * src/index.ts's exports against it, and html/shared/server.ts types every call with it, so the two
 * sides cannot drift apart. Property syntax keeps parameter checks strict (contravariant).
 */
export interface SidebarServer {
  getConfigureView: () => ConfigureView;
  saveSettings: (request: SaveSettingsRequest) => SaveSettingsResult;
  testConnection: (request: { apiId: string; apiToken: string }) => ConnectionTestResult;
  getCallHistory: (request: CallHistoryRequest, cursor: string | null) => CallHistoryChunk;
  getSearchOptions: () => SearchOptions;
  advancedSearch: (criteria: AdvancedSearchCriteria, cursor: string | null) => AdvancedSearchChunk;
  exportCallsToSheet: (request: ExportRequest) => ExportResult;
  liveRefresh: (intervalSec: number) => LiveRefreshResult;
  /** TV mode's page polls with its URL's query parameters. */
  getTvView: (parameter: Record<string, string>) => TvView;
  getAlertsView: () => AlertsView;
  saveAlerts: (request: SaveAlertsRequest) => SaveAlertsResult;
}

// ---- Configure › Alerts --------------------------------------------------------------------
export interface AlertsView {
  settings: AlertSettings;
  /** The Chat webhook is never sent back: only whether one is set, its space id masked, and where it lives. */
  webhook: { configured: boolean; spaceMasked: string | null; sharedWithEditors: boolean };
  kinds: { value: AlertKind; label: string; unit: string | null; scope: 'line' | 'team' }[];
  /** value = number or team id as a string. */
  lines: { value: string; label: string }[];
  teams: { value: string; label: string }[];
}

export interface SaveAlertsRequest {
  rules?: { kind: string; target: string; threshold: string | number }[];
  /** Addresses separated by commas. */
  emailTo?: string;
  cooldownMin?: string | number;
  quietFromHour?: string | number;
  quietToHour?: string | number;
  /** ISO weekdays, 1 = Monday. */
  quietDays?: (string | number)[];
  dailyCap?: string | number;
  /** Empty or omitted = keep the stored webhook. */
  chatWebhookUrl?: string;
  removeChatWebhook?: boolean;
  shareWebhookWithEditors?: boolean;
}

export type SaveAlertsResult = { ok: true } | { ok: false; errors: Record<string, string> };
