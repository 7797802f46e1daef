import { describe, expect, it } from '@jest/globals';
import {
  agentsFor,
  CALL_HISTORY_ISLAND,
  decodeHistoryCursor,
  embedCallHistoryRequest,
  encodeHistoryCursor,
  historyFilter,
  teamFilterAgents,
} from '../../src/calls/history';
import { SINGLE_USERS } from '../../src/tracker/settings';
import { sidebarCalls } from '../fixtures/sidebar-calls';

const NOW = 1_700_000_000;
const calls = sidebarCalls(NOW);
const page = `<body>${CALL_HISTORY_ISLAND}<script>app()</script></body>`;

describe('embedCallHistoryRequest', () => {
  it('bakes the request into the page data island', () => {
    const html = embedCallHistoryRequest(page, { scope: 'user', userId: 101 });
    const island = html.match(/id="call-history-request">(.*?)<\/script>/)![1];
    expect(JSON.parse(island)).toEqual({ scope: 'user', userId: 101 });
    expect(html).toContain('<script>app()</script>');
  });

  it('refuses a page without the island', () => {
    expect(() => embedCallHistoryRequest('<body></body>', { scope: 'all' })).toThrow(/island/);
  });
});

describe('historyFilter', () => {
  const userNumbers = { 101: [201], 103: [] };
  const ids = (agentIds: ReadonlySet<number> | null) =>
    calls.filter(historyFilter({ agentIds, userNumbers })).map((c) => c.id);

  it("shows an agent's own calls plus missed calls on the lines they answer", () => {
    expect(ids(agentsFor({ scope: 'user', userId: 101 }, null))).toEqual([9001, 9004]);
    expect(ids(agentsFor({ scope: 'user', userId: 103 }, null))).toEqual([9005, 9006]);
  });

  it('shows every call for all users without a team filter, and only filtered teams with one', () => {
    expect(ids(agentsFor({ scope: 'all' }, null))).toHaveLength(calls.length);
    expect(ids(agentsFor({ scope: 'all' }, new Set([101, 103])))).toEqual([9001, 9004, 9005, 9006]);
  });
});

describe('teamFilterAgents', () => {
  const directory = {
    users: [{ id: 1 }, { id: 2 }, { id: 3 }],
    teams: [
      { id: 10, userIds: [1] },
      { id: 20, userIds: [2] },
    ],
  };

  it('lets through the agents of the chosen teams, and agents in no team for Single Users', () => {
    expect(teamFilterAgents(null, directory)).toBeNull();
    expect(teamFilterAgents(['10'], directory)).toEqual(new Set([1]));
    expect(teamFilterAgents(['20', SINGLE_USERS], directory)).toEqual(new Set([2, 3]));
  });
});

describe('history cursor', () => {
  it('carries the period of the first step to the next ones', () => {
    const cursor = encodeHistoryCursor({ fromSec: 100, toSec: 3_700 }, 'search-state');
    expect(decodeHistoryCursor(cursor)).toEqual({ fromSec: 100, toSec: 3_700, search: 'search-state' });
    expect(encodeHistoryCursor({ fromSec: 100, toSec: 3_700 }, null)).toBeNull();
  });

  it('refuses a cursor the page could have altered', () => {
    for (const bad of ['not json', null, '{"fromSec":"1","toSec":2,"search":"x"}', '{"fromSec":1,"toSec":2}'])
      expect(() => decodeHistoryCursor(bad)).toThrow('This list can no longer be continued.');
  });
});
