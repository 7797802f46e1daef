/**
 * Server answers for the sidebar tests, built by the real pure logic (src/calls) from fixture
 * calls: what the Apps Script adapters will return, minus Aircall and the spreadsheet.
 */
import type { Call } from '../../../src/aircall/types';
import { toCallCard } from '../../../src/calls/call-card';
import { exportRows } from '../../../src/calls/export';
import { agentsFor, type CallHistoryRequest, historyFilter } from '../../../src/calls/history';
import { matchesCriteria } from '../../../src/calls/search';
import type {
  AdvancedSearchCriteria,
  CallListResult,
  ConfigureView,
  SearchOptions,
} from '../../../src/sidebar-contract';
import { AGENTS, LINES, sidebarCalls } from '../../fixtures/sidebar-calls';
import type { Backend } from './sidebar';

export const TIME_ZONE = 'Europe/Paris';
export const NOW = 1_717_236_000; // 2024-06-01 12:00 in Paris

const zoneFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'medium' });
const formatTime = (sec: number) => zoneFormat.format(new Date(sec * 1000));

function cards(calls: Call[], title: string, periodText: string): CallListResult {
  return { title, periodText, nowSec: NOW, calls: calls.map((call) => toCallCard(call, { formatTime, nowSec: NOW })) };
}

export function callHistory(request: CallHistoryRequest): CallListResult {
  const keep = historyFilter({ agentIds: agentsFor(request, null), userNumbers: { 101: [201] } });
  const agent = request.scope === 'user' ? AGENTS.find((a) => a.id === request.userId)?.name : null;
  return cards(
    sidebarCalls(NOW).filter(keep),
    agent ? `Call history — ${agent}` : 'Call history — all agents',
    `Last 15 minutes, to ${formatTime(NOW)}`,
  );
}

export function advancedSearch(criteria: AdvancedSearchCriteria): CallListResult {
  const found = sidebarCalls(NOW).filter((call) => matchesCriteria(call, criteria));
  return cards(found, 'Advanced search', `From ${formatTime(criteria.fromSec)} to ${formatTime(criteria.toSec)}`);
}

export const searchOptions: SearchOptions = {
  users: AGENTS,
  numbers: LINES,
  tags: ['Connected', 'Callback'],
  defaultRange: { fromSec: NOW - 86_400, toSec: NOW },
  timeZone: TIME_ZONE,
};

export function configureView(overrides: Partial<ConfigureView> = {}): ConfigureView {
  return {
    settings: {
      activityPeriodMin: 15,
      userRefreshMin: 240,
      teamRefreshMin: 480,
      waitLevel1Sec: 10,
      waitLevel2Sec: 20,
      slaSec: 0,
      teamFilter: ['7'],
    },
    key: { configured: true, apiIdMasked: 'ab••••yz', sharedWithEditors: false },
    teams: [
      { value: '7', label: 'Support' },
      { value: '8', label: 'Sales <b>EU</b>' },
      { value: 'single-users', label: 'Single users' },
    ],
    teamsError: null,
    ...overrides,
  };
}

/** The default fixture backend; tests wrap it to slow down or fail a call. */
export const fixtureBackend: Backend = async (fn, args) => {
  switch (fn) {
    case 'getCallHistory':
      return callHistory(args[0] as CallHistoryRequest);
    case 'getSearchOptions':
      return searchOptions;
    case 'advancedSearch':
      return advancedSearch(args[0] as AdvancedSearchCriteria);
    case 'exportCallsToSheet': {
      const result = advancedSearch(args[0] as AdvancedSearchCriteria);
      return { sheetName: 'Search 2024-06-01', rows: exportRows(result.calls).length - 1 };
    }
    case 'getConfigureView':
      return configureView();
    default:
      throw new Error(`Exception: ${fn} is not a server function`);
  }
};
