/**
 * Server answers for the sidebar tests, built by the real pure logic (src/calls) from fixture
 * calls: what the Apps Script adapters will return, minus Aircall and the spreadsheet.
 */
import type { Call } from '../../../src/aircall/types';
import { agentLabels } from '../../../src/calls/agents';
import { toCallCard } from '../../../src/calls/call-card';
import { agentsFor, type CallHistoryRequest, historyFilter } from '../../../src/calls/history';
import { matchesCriteria } from '../../../src/calls/search';
import type {
  AdvancedSearchChunk,
  AdvancedSearchCriteria,
  CallHistoryChunk,
  CallListResult,
  ConfigureView,
  ExportRequest,
  ExportResult,
  SearchOptions,
} from '../../../src/sidebar-contract';
import { DEFAULT_SETTINGS } from '../../../src/tracker/settings';
import { AGENTS, LINES, sidebarCalls } from '../../fixtures/sidebar-calls';
import type { Backend } from './sidebar';

export const TIME_ZONE = 'Europe/Paris';
export const NOW = 1_717_236_000; // 2024-06-01 12:00 in Paris

const zoneFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'medium' });
const formatTime = (sec: number) => zoneFormat.format(new Date(sec * 1000));

function cards(calls: Call[], title: string, periodText: string): CallListResult {
  return { title, periodText, nowSec: NOW, calls: calls.map((call) => toCallCard(call, { formatTime, nowSec: NOW })) };
}

/**
 * Call History in two steps, as the server sends it: the newest calls first with a cursor, then
 * (asked for with that cursor) the older ones.
 */
export function callHistory(request: CallHistoryRequest, cursor: string | null = null): CallHistoryChunk {
  const keep = historyFilter({ agentIds: agentsFor(request, null), userNumbers: { 101: [201] } });
  const agent = request.scope === 'user' ? AGENTS.find((a) => a.id === request.userId)?.name : null;
  const calls = sidebarCalls(NOW)
    .filter(keep)
    .sort((a, b) => b.started_at - a.started_at);
  const half = Math.ceil(calls.length / 2);
  const first = cursor === null;
  return {
    ...cards(
      first ? calls.slice(0, half) : calls.slice(half),
      agent ? `Call history — ${agent}` : 'Call history — all agents',
      `Last 15 minutes, to ${formatTime(NOW)}`,
    ),
    cursor: first ? 'history-step-2' : null,
  };
}

/**
 * The matches of an Advanced Search in two chunks, as the server sends a search too long for one
 * execution: the first with a cursor, the second (asked for with that cursor) completing it.
 */
export function advancedSearch(criteria: AdvancedSearchCriteria, cursor: string | null = null): AdvancedSearchChunk {
  const found = sidebarCalls(NOW).filter((call) => matchesCriteria(call, criteria));
  const half = Math.ceil(found.length / 2);
  const first = cursor === null;
  const chunk = cards(
    first ? found.slice(0, half) : found.slice(half),
    'Advanced search',
    `From ${formatTime(criteria.fromSec)} to ${formatTime(criteria.toSec)}`,
  );
  return {
    ...chunk,
    cursor: first ? 'fixture-page-2' : null,
    progress: { done: first ? 1 : 2, total: 2, unit: 'pages' },
    resumeInSec: null,
    totalMatches: first ? half : found.length,
  };
}

/** Export to sheet: every call appends its rows to one tab, as the server does. */
export function exportCalls(request: ExportRequest, rowsBefore = 0): ExportResult {
  return { sheetName: request.sheetName ?? 'Calls 2024-06-01 12.00.00', rows: rowsBefore + request.rows.length };
}

export const searchOptions: SearchOptions = {
  users: agentLabels(AGENTS),
  numbers: LINES,
  tags: ['Connected', 'Callback'],
  defaultRange: { fromSec: NOW - 3_600, toSec: NOW },
  timeZone: TIME_ZONE,
};

export function configureView(overrides: Partial<ConfigureView> = {}): ConfigureView {
  return {
    settings: { ...DEFAULT_SETTINGS, teamFilter: ['7'] },
    key: { configured: true, apiIdMasked: 'ab••••yz', sharedWithEditors: false },
    teams: [
      { value: '7', label: 'Support' },
      { value: '8', label: 'Sales <b>EU</b>' },
      { value: 'single-users', label: 'Single users' },
    ],
    teamsError: null,
    lines: LINES.map((line) => ({ value: String(line.id), label: `${line.name} (${line.digits})` })),
    unreadable: [],
    ...overrides,
  };
}

/** The default fixture backend; tests wrap it to slow down or fail a call. */
export const fixtureBackend: Backend = async (fn, args) => {
  switch (fn) {
    case 'getCallHistory':
      return callHistory(args[0] as CallHistoryRequest, (args[1] as string | null) ?? null);
    case 'getSearchOptions':
      return searchOptions;
    case 'advancedSearch':
      return advancedSearch(args[0] as AdvancedSearchCriteria, args[1] as string | null);
    case 'exportCallsToSheet':
      return exportCalls(args[0] as ExportRequest);
    case 'getConfigureView':
      return configureView();
    default:
      throw new Error(`Exception: ${fn} is not a server function`);
  }
};
