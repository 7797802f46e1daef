/**
 * `npm run traffic`: the simulated call center's traffic figures, per preset, over the last simulated hours of the
 * history it generates (and over the first half hour of the surge scenario): occupancy, abandonment, waits, calls/s.
 * bench/results.md records them.
 */

import { SURGE_FACTOR } from './activity.js';
import type { CallCenter } from './model.js';
import { Simulation } from './simulation.js';
import type { Preset } from './types.js';

const MINUTE = 60_000;

export interface TrafficFigures {
  preset: string;
  agents: number;
  inboundPerSec: number;
  outboundPerSec: number;
  /** Time in calls and after-call work over time logged in and not on a break. */
  occupancy: number;
  /** Inbound callers who hung up before an agent answered (queue, IVR, early hang-ups), over inbound calls. */
  abandonRate: number;
  /** Every other inbound miss: closed line, no agent logged in, agents not picking up. */
  otherMissedRate: number;
  waitP50Sec: number;
  waitP90Sec: number;
  waitP99Sec: number;
  waitMaxSec: number;
  /** Answered inbound calls handed to a colleague. */
  transferRate: number;
  /** Callers waiting at the end, and the longest of their waits so far. */
  waitingAtEnd: number;
  longestWaitingSec: number;
}

const ABANDONED = new Set(['short_abandoned', 'abandoned_in_ivr', 'abandoned_in_classic']);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** Samples every minute of [fromMs, toMs) while advancing the center; then reads the calls started in it. */
export function measure(center: CallCenter, fromMs: number, toMs: number, label: string): TrafficFigures {
  let working = 0;
  let busy = 0;
  for (let t = fromMs; t < toMs; t += MINUTE) {
    center.advanceTo(t);
    for (const agent of center.agents) {
      const state = center.availabilityOf(agent);
      if (state === 'offline' || state === 'do_not_disturb') continue;
      working++;
      if (state !== 'available' || agent.callId !== null) busy++;
    }
  }
  center.advanceTo(toMs);
  const calls = center.calls.filter((c) => c.startedMs >= fromMs && c.startedMs < toMs);
  const inbound = calls.filter((c) => c.direction === 'inbound');
  const settled = inbound.filter((c) => c.status !== 'initial');
  const waits = inbound.map((c) => ((c.answeredMs ?? c.endedMs ?? toMs) - c.startedMs) / 1000).sort((a, b) => a - b);
  const seconds = (toMs - fromMs) / 1000;
  const answered = inbound.filter((c) => c.answeredMs !== null);
  const waiting = center.calls.filter((c) => c.direction === 'inbound' && c.status === 'initial');
  return {
    preset: label,
    agents: center.agents.length,
    inboundPerSec: inbound.length / seconds,
    outboundPerSec: (calls.length - inbound.length) / seconds,
    occupancy: busy / Math.max(1, working),
    abandonRate: settled.filter((c) => ABANDONED.has(c.missedCallReason ?? '')).length / Math.max(1, settled.length),
    otherMissedRate:
      settled.filter((c) => c.missedCallReason !== null && !ABANDONED.has(c.missedCallReason)).length /
      Math.max(1, settled.length),
    waitP50Sec: percentile(waits, 0.5),
    waitP90Sec: percentile(waits, 0.9),
    waitP99Sec: percentile(waits, 0.99),
    waitMaxSec: waits.at(-1) ?? 0,
    transferRate: answered.filter((c) => c.transferredToId !== null).length / Math.max(1, answered.length),
    waitingAtEnd: waiting.length,
    longestWaitingSec: waiting.reduce((max, c) => Math.max(max, (toMs - c.startedMs) / 1000), 0),
  };
}

/** Hours of the generated history measured, ending at the simulator's start. */
export const MEASURED_HOURS = 4;

/** The last hours of a preset's history, as a simulator started that much earlier generates them. */
export function presetTraffic(preset: Preset, seed = 1): TrafficFigures {
  const end = new Simulation({ preset, seed, history: false }).clock.nowMs();
  const from = end - MEASURED_HOURS * 60 * MINUTE;
  const sim = new Simulation({ preset, seed, clock: { mode: 'manual', startMs: from } });
  return measure(sim.center, from, end, preset);
}

/** The first hour of the surge scenario at the medium preset. */
export function surgeTraffic(seed = 1): TrafficFigures {
  const sim = new Simulation({ preset: 'medium', seed, surge: true });
  const start = sim.clock.nowMs();
  return measure(sim.center, start, start + 60 * MINUTE, 'medium, surge (first hour)');
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function formatTraffic(rows: TrafficFigures[]): string {
  const header =
    '| preset | agents | inbound/s | outbound/s | occupancy | abandoned | other missed | wait p50 | p90 | p99 | max | transferred | waiting at end (longest) |';
  const rule = `|${'---|'.repeat(13)}`;
  const lines = rows.map(
    (r) =>
      `| ${r.preset} | ${r.agents} | ${r.inboundPerSec.toFixed(2)} | ${r.outboundPerSec.toFixed(2)} | ${pct(r.occupancy)} | ${pct(r.abandonRate)} | ${pct(r.otherMissedRate)} | ${Math.round(r.waitP50Sec)} s | ${Math.round(r.waitP90Sec)} s | ${Math.round(r.waitP99Sec)} s | ${Math.round(r.waitMaxSec)} s | ${pct(r.transferRate)} | ${r.waitingAtEnd} (${Math.round(r.longestWaitingSec)} s) |`,
  );
  return [header, rule, ...lines].join('\n');
}

/** The presets' traffic and the surge's, as a section of bench/results.md. */
export function trafficMarkdown(presets: readonly Preset[], seed = 1): string {
  const rows = [...presets.map((preset) => presetTraffic(preset, seed)), surgeTraffic(seed)];
  return `
## Simulated traffic

What \`npm run traffic\` prints (seed ${seed}): each preset over the last ${MEASURED_HOURS} simulated hours of its day of
history, and the first hour of the surge scenario at medium (callers arriving ${SURGE_FACTOR} times faster than usual).
Occupancy is time in calls and after-call work over time logged in and not on a break; "abandoned" counts callers who
hung up before an answer (in the queue, in the IVR, or within seconds); waits run from the call's start to its answer
or its end. How the traffic is modeled: local/aircall-sim/activity.ts.

${formatTraffic(rows)}
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const presets = (process.argv.slice(2).length ? process.argv.slice(2) : ['small', 'medium', 'large']) as Preset[];
  console.log(trafficMarkdown(presets));
}
