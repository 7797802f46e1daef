/**
 * Scripted mode: builds the roster exactly as the scenario gives it and schedules its events (format documented on
 * the Scenario type in types.ts). No randomness, so metrics can be computed by hand.
 */
import type { Agent, CallCenter, Roster } from './model.js';
import type { Scenario, ScenarioEvent } from './types.js';

const EPOCH = '2020-01-01T00:00:00.000Z';

export function scenarioRoster(scenario: Scenario): Roster {
  const agents: Agent[] = scenario.agents.map((spec) => {
    const availability = spec.availability ?? 'available';
    return {
      id: spec.id,
      name: spec.name,
      email: `agent.${spec.id}@callcenter.example`,
      createdAt: EPOCH,
      timeZone: 'Etc/UTC',
      language: 'en-US',
      wrapUpTime: spec.wrapUpTime ?? 0,
      availabilityStatus: availability === 'do_not_disturb' ? 'unavailable' : (spec.availabilityStatus ?? 'available'),
      connected: availability !== 'offline',
      callId: null,
      wrapUntilMs: 0,
      freeSinceMs: 0,
      forced: availability === 'in_call' || availability === 'after_call_work' ? availability : null,
      teamIds: scenario.teams.filter((team) => team.userIds.includes(spec.id)).map((team) => team.id),
      numberIds: scenario.numbers.filter((line) => line.userIds.includes(spec.id)).map((line) => line.id),
    };
  });
  return {
    agents,
    teams: scenario.teams.map((team) => ({ ...team, createdAt: EPOCH })),
    lines: scenario.numbers.map((line) => ({
      ...line,
      country: 'FR',
      timeZone: 'Europe/Paris',
      createdAt: EPOCH,
      availabilityStatus: 'open',
      isIvr: false,
    })),
    tags: (scenario.tags ?? []).map((tag) => ({ ...tag, color: '#0033CC', description: null })),
  };
}

export function scheduleScenario(center: CallCenter, events: ScenarioEvent[]): void {
  for (const event of events) center.events.schedule(event.atMs, () => applyEvent(center, event));
}

function applyEvent(center: CallCenter, event: ScenarioEvent): void {
  if (event.type === 'status') {
    const agent = requireAgent(center, event.userId);
    agent.forced = null;
    agent.connected = event.availability !== 'offline';
    if (event.availability === 'do_not_disturb') agent.availabilityStatus = 'unavailable';
    else if (event.availability === 'available') {
      agent.wrapUntilMs = 0;
      if (agent.availabilityStatus === 'unavailable') agent.availabilityStatus = 'available';
    } else if (event.availability === 'in_call' || event.availability === 'after_call_work') {
      agent.forced = event.availability;
    }
    return;
  }
  if (event.type === 'arrive') {
    const direction = event.direction ?? 'inbound';
    const agent = direction === 'outbound' ? requireAgent(center, event.userId) : null;
    const call = center.startCall(
      event.callId,
      direction,
      event.numberId,
      event.rawDigits ?? '+33 6 00 00 00 00',
      agent,
    );
    for (const tagId of event.tagIds ?? []) center.tag(call, tagId);
    return;
  }
  const call = center.call(event.callId);
  if (!call) throw new Error(`scenario: call ${event.callId} has not arrived`);
  if (event.type === 'answer') center.answer(call, requireAgent(center, event.userId ?? call.userId));
  else if (event.type === 'miss') center.miss(call, event.reason, event.voicemail ?? false);
  else center.end(call, event.recording ?? false);
}

function requireAgent(center: CallCenter, id: number | null | undefined): Agent {
  const agent = id == null ? undefined : center.agent(id);
  if (!agent) throw new Error(`scenario: unknown agent ${id}`);
  return agent;
}
