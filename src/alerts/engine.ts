/**
 * The no-spam state machine. For each rule and line (or team): one message when it starts firing,
 * one when it clears. A start is held back by quiet hours and days, by the rule's cooldown on that
 * line, and by the daily cap; held back, it is logged once as suppressed and announced later if it
 * is still firing once nothing holds it back. A clear is sent only for a start that was announced;
 * one that happens in quiet hours is sent when they end, unless the rule fires again meanwhile.
 * Messages a channel failed to deliver wait in an outbox and go with a later refresh's messages,
 * until RETRY_WINDOW_MS after they happened; a failing channel is tried again after 1, 2, 4, 8, then
 * every 16 minutes, so a Chat space that is down all day costs a few dozen UrlFetch calls, not 1,440.
 */
import type { Observation } from './evaluate';
import { ALERT_KINDS, type AlertSettings, describeRule, ruleId } from './rules';

export type Channel = 'email' | 'chat';

export interface AlertEvent {
  key: string;
  transition: 'fired' | 'cleared';
  /** describeRule(rule), e.g. "Longest wait above 60 s". */
  rule: string;
  scope: 'line' | 'team';
  name: string;
  value: number;
  /** The value's unit in messages: "s", "%", "waiting", "available". */
  unit: string;
  atMs: number;
}

export interface Pending {
  event: AlertEvent;
  /** Deliveries tried and failed so far. */
  attempts: number;
}

interface KeyState {
  firing: boolean;
  announced: boolean;
  /** When a start was last announced: the cooldown runs from here. */
  lastFiredMs: number | null;
  /** Why a start waits to be announced; logged each time it changes. */
  heldBy?: string;
  /** An announced start that cleared during quiet hours: its clear goes out once they end. */
  heldClear?: AlertEvent;
}

export interface AlertState {
  keys: Record<string, KeyState>;
  /** The local day the count is for ("2026-12-02"). */
  day: string;
  startedToday: number;
  outbox: Partial<Record<Channel, Pending[]>>;
  /** Per failing channel: failures in a row, and when to try again. */
  backoff?: Partial<Record<Channel, { failures: number; nextMs: number }>>;
}

/** The moment in the spreadsheet's time zone. */
export interface LocalTime {
  day: string;
  /** ISO: 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
}

export interface LogEntry {
  atMs: number;
  event: AlertEvent;
  /** The channel, or "none" for what never reached one (suppressed). */
  channel: Channel | 'none';
  outcome: string;
}

export const EMPTY_STATE: AlertState = { keys: {}, day: '', startedToday: 0, outbox: {} };
/** How long a failed message is retried: past this, news of a queue is stale. */
export const RETRY_WINDOW_MS = 30 * 60_000;
/** Keeps the stored state small whatever happens to a channel. */
const MAX_PENDING = 50;
const MAX_BACKOFF_MIN = 16;

export function isQuiet(settings: Pick<AlertSettings, 'quietHours' | 'quietDays'>, local: LocalTime): boolean {
  if (settings.quietDays.includes(local.weekday)) return true;
  const quiet = settings.quietHours;
  if (!quiet) return false;
  return quiet.fromHour < quiet.toHour
    ? local.hour >= quiet.fromHour && local.hour < quiet.toHour
    : local.hour >= quiet.fromHour || local.hour < quiet.toHour;
}

export interface StepContext {
  nowMs: number;
  local: LocalTime;
  settings: AlertSettings;
  /** The channels set up now (an email list, a Chat webhook). */
  channels: readonly Channel[];
}

export interface StepResult {
  state: AlertState;
  /** Per channel, what to deliver now: earlier failures first, then this refresh's news. */
  outgoing: Partial<Record<Channel, Pending[]>>;
  log: LogEntry[];
}

function eventOf(observation: Observation, transition: AlertEvent['transition'], atMs: number): AlertEvent {
  const { rule } = observation;
  return {
    key: observation.key,
    transition,
    rule: describeRule(rule),
    scope: observation.scope,
    name: observation.name,
    value: observation.value,
    unit: ALERT_KINDS[rule.kind].valueUnit,
    atMs,
  };
}

/** Why a start cannot be announced now, or null when it can. */
function holdBack(ctx: StepContext, state: AlertState, previous: KeyState | undefined): string | null {
  if (ctx.channels.length === 0) return 'not sent: no email or Chat webhook set';
  if (isQuiet(ctx.settings, ctx.local)) return 'suppressed: quiet hours';
  const last = previous?.lastFiredMs;
  if (last != null && ctx.nowMs - last < ctx.settings.cooldownMin * 60_000) return 'suppressed: cooldown';
  if (state.startedToday >= ctx.settings.dailyCap) return 'suppressed: daily cap reached';
  return null;
}

/** One refresh: observations in, the next state, what to send per channel, and what to log. */
export function stepAlerts(previous: AlertState, observations: readonly Observation[], ctx: StepContext): StepResult {
  const state: AlertState = {
    keys: {},
    day: ctx.local.day,
    startedToday: previous.day === ctx.local.day ? previous.startedToday : 0,
    outbox: {},
    backoff: previous.backoff ?? {},
  };
  const log: LogEntry[] = [];
  const news: AlertEvent[] = [];
  const ruleIds = new Set(ctx.settings.rules.map(ruleId));
  // Keys of rules still set are carried over (a line missing from one refresh keeps its state).
  for (const [key, value] of Object.entries(previous.keys)) {
    if (ruleIds.has(key.slice(0, key.indexOf('|')))) state.keys[key] = value;
  }
  const quiet = isQuiet(ctx.settings, ctx.local);
  for (const observation of observations) {
    const before = state.keys[observation.key];
    if (observation.firing) {
      if (before?.firing && before.announced) continue;
      if (before?.heldClear) {
        // Firing again before its clear went out: for those told, it never stopped.
        state.keys[observation.key] = { firing: true, announced: true, lastFiredMs: before.lastFiredMs };
        continue;
      }
      const reason = holdBack(ctx, state, before);
      if (reason === null) {
        news.push(eventOf(observation, 'fired', ctx.nowMs));
        state.startedToday++;
        state.keys[observation.key] = { firing: true, announced: true, lastFiredMs: ctx.nowMs };
      } else {
        // Logged once per reason; later refreshes try again silently.
        if (!before?.firing || before.heldBy !== reason)
          log.push({
            atMs: ctx.nowMs,
            event: eventOf(observation, 'fired', ctx.nowMs),
            channel: 'none',
            outcome: reason,
          });
        state.keys[observation.key] = {
          firing: true,
          announced: false,
          lastFiredMs: before?.lastFiredMs ?? null,
          heldBy: reason,
        };
      }
    } else if (before?.firing) {
      const event = before.announced ? eventOf(observation, 'cleared', ctx.nowMs) : null;
      if (event && quiet) log.push({ atMs: ctx.nowMs, event, channel: 'none', outcome: 'held: quiet hours' });
      else if (event) news.push(event);
      state.keys[observation.key] = {
        firing: false,
        announced: false,
        lastFiredMs: before.lastFiredMs,
        ...(event && quiet ? { heldClear: event } : {}),
      };
    }
  }
  // Clears held by quiet hours go out once they are over, with the time each happened.
  if (!quiet) {
    for (const value of Object.values(state.keys)) {
      if (!value.heldClear) continue;
      if (!value.firing) news.push(value.heldClear);
      delete value.heldClear;
    }
  }
  // What neither fires nor holds a cooldown is forgotten.
  for (const [key, value] of Object.entries(state.keys)) {
    const cooling = value.lastFiredMs !== null && ctx.nowMs - value.lastFiredMs < ctx.settings.cooldownMin * 60_000;
    if (!value.firing && !cooling && !value.heldClear) delete state.keys[key];
  }
  const outgoing: StepResult['outgoing'] = {};
  for (const channel of ctx.channels) {
    const queued: Pending[] = [];
    for (const pending of previous.outbox[channel] ?? []) {
      if (ctx.nowMs - pending.event.atMs < RETRY_WINDOW_MS) queued.push(pending);
      else
        log.push({
          atMs: ctx.nowMs,
          event: pending.event,
          channel,
          outcome: `dropped after ${pending.attempts} failed attempt${pending.attempts === 1 ? '' : 's'}`,
        });
    }
    queued.push(...news.map((event) => ({ event, attempts: 0 })));
    if (queued.length === 0) continue;
    const waitUntil = state.backoff?.[channel]?.nextMs ?? 0;
    if (ctx.nowMs < waitUntil) state.outbox[channel] = queued;
    else outgoing[channel] = queued;
  }
  return { state, outgoing, log };
}

export type Delivery = { ok: true } | { ok: false; reason: string };

/** Records how a channel's delivery went: sent, or kept in the outbox for the next refresh. */
export function settleDelivery(
  state: AlertState,
  channel: Channel,
  sent: readonly Pending[],
  delivery: Delivery,
  nowMs: number,
): { state: AlertState; log: LogEntry[] } {
  const backoff = { ...state.backoff };
  if (delivery.ok) {
    delete backoff[channel];
    const log = sent.map(({ event, attempts }) => ({
      atMs: nowMs,
      event,
      channel,
      outcome: attempts === 0 ? 'sent' : `sent on retry ${attempts}`,
    }));
    return { state: { ...state, backoff }, log };
  }
  const failures = (backoff[channel]?.failures ?? 0) + 1;
  const delayMin = Math.min(2 ** (failures - 1), MAX_BACKOFF_MIN);
  backoff[channel] = { failures, nextMs: nowMs + delayMin * 60_000 };
  const kept = sent.map(({ event, attempts }) => ({ event, attempts: attempts + 1 })).slice(-MAX_PENDING);
  const log = sent.map(({ event }) => ({
    atMs: nowMs,
    event,
    channel,
    outcome: `failed: ${delivery.reason}; retry in ${delayMin} min`,
  }));
  return { state: { ...state, outbox: { ...state.outbox, [channel]: kept }, backoff }, log };
}
