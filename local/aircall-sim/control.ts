/**
 * The /__sim/ control endpoints (no auth, loopback only) used by index.ts and by the local Apps Script runtime's
 * manual clock, which calls GET /__sim/clock and POST /__sim/advance synchronously: keep those two exact.
 */
import type { ApiResponse } from './api.js';
import { NOT_FOUND } from './api.js';
import { numberWithUsers, toCall, toTag, toTeam, toUser } from './shapes.js';
import type { Simulation } from './simulation.js';
import type { Fault, GroundTruth } from './types.js';

export const CONTROL_PREFIX = '/__sim/';

const ok = (body: unknown = { ok: true }): ApiResponse => ({ status: 200, body });

export function handleControl(sim: Simulation, method: string, path: string, params: URLSearchParams, body: string) {
  const input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
  const route = `${method} ${path.slice(CONTROL_PREFIX.length)}`;
  switch (route) {
    case 'GET clock':
      return ok({ nowMs: sim.sync() });
    case 'POST advance':
      sim.clock.advance(Number(input.ms));
      return ok({ nowMs: sim.sync() });
    case 'POST faults':
      sim.faults.set((input.faults ?? []) as Fault[]);
      return ok();
    case 'DELETE faults':
      sim.faults.set([]);
      return ok();
    case 'POST key':
      sim.keyRevoked = input.revoked === true;
      return ok();
    case 'POST rate-limit':
      sim.limiter.perMinute = Number(input.perMinute);
      return ok();
    case 'GET truth':
      return ok(groundTruth(sim, params.get('calls') === 'false' ? null : Number(params.get('since') ?? 0)));
    case 'GET requests':
      return ok(sim.requests);
    case 'DELETE requests':
      sim.requests = [];
      return ok();
    default:
      return NOT_FOUND;
  }
}

/** `callsSinceMs`: the calls started since then (null: none). */
function groundTruth(sim: Simulation, callsSinceMs: number | null): GroundTruth {
  const nowMs = sim.sync();
  const { center } = sim;
  return {
    nowMs,
    users: center.agents.map(toUser),
    teams: center.teams.map((team) => toTeam(center, team)),
    numbers: center.lines.map((line) => numberWithUsers(center, line)),
    userNumbers: Object.fromEntries(center.agents.map((agent) => [String(agent.id), [...agent.numberIds]])),
    availabilities: center.agents.map((agent) => ({ id: agent.id, availability: center.availabilityOf(agent) })),
    tags: center.tags.map(toTag),
    calls:
      callsSinceMs === null
        ? []
        : center.calls.filter((call) => call.startedMs >= callsSinceMs).map((call) => toCall(center, call)),
  };
}
