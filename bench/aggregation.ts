/**
 * The pure part of a refresh at the 10,000-call cap: buildBoard (domain) + renderBoard (layout)
 * on 1,000 agents, in CPU time on this machine. No service calls, so no modeled latency.
 */
import { renderBoard } from '../src/sheet/layout';
import { type BoardInput, buildBoard } from '../src/tracker/board';
import { answeredInbound, boardInput, line, live, missed, outbound, waiting } from '../test/fixtures/board-input';
import { cpuMsSince } from './probes';

export interface AggregationResult {
  calls: number;
  agents: number;
  /** Median CPU ms of one buildBoard + renderBoard. */
  cpuMs: number;
  runs: number;
}

const AGENTS = 1_000;
const TEAMS = 60;
const LINES = 80;
const CALLS = 10_000;
const STATUSES = ['available', 'in_call', 'after_call_work', 'do_not_disturb', 'offline'];

/** A large call center's busiest activity period: every kind of call the board counts, spread over 15 min. */
export function largeBoardInput(): BoardInput {
  const agentId = (i: number) => 1 + (i % AGENTS);
  const lineId = (i: number) => 1 + (i % LINES);
  const calls = Array.from({ length: CALLS }, (_, i) => {
    const agent = agentId(i * 7);
    const onLine = lineId(i * 3);
    switch (i % 10) {
      case 0:
        return missed(onLine);
      case 1:
        return waiting(onLine, i % 40);
      case 2:
        return live(agent, onLine, i % 600);
      case 3:
      case 4:
        return outbound(agent, onLine);
      default:
        return answeredInbound(agent, onLine, i % 30, 60 + (i % 800));
    }
  });
  const users = Array.from({ length: AGENTS }, (_, i) => ({ id: i + 1, name: `Agent ${i + 1}` }));
  return boardInput({
    settings: { slaSec: 20 },
    users,
    // Agents belong to one team, every tenth one to a second: 950 in teams, the last 50 in none.
    teams: Array.from({ length: TEAMS }, (_, t) => ({
      id: 1000 + t,
      name: `Team ${t + 1}`,
      userIds: users
        .filter((u) => u.id <= 950 && (u.id % TEAMS === t || (u.id % 10 === 0 && (u.id / 10) % TEAMS === t)))
        .map((u) => u.id),
    })),
    numbers: Array.from({ length: LINES }, (_, i) => line(i + 1)),
    userNumbers: Object.fromEntries(users.map((u) => [u.id, [lineId(u.id), lineId(u.id + 40)]])),
    availabilities: users.map((u) => ({ id: u.id, availability: STATUSES[u.id % STATUSES.length] })),
    calls,
  });
}

const HEADER = { title: 'Aircall Activity Tracker', refreshedAtText: '09:00:00', activityPeriodMin: 15, stale: null };

export function benchAggregation(runs = 7): AggregationResult {
  const input = largeBoardInput();
  renderBoard(buildBoard(input), HEADER); // warm-up: JIT, so the median is the steady cost
  const samples = Array.from({ length: runs }, () => {
    const start = process.cpuUsage();
    renderBoard(buildBoard(input), HEADER);
    return cpuMsSince(start);
  }).sort((a, b) => a - b);
  return { calls: input.calls.length, agents: input.users.length, cpuMs: samples[Math.floor(runs / 2)], runs };
}
