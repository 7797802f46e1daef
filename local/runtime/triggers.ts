/**
 * ScriptApp installable time-driven triggers (docs/apps-script-notes.md#time-driven-triggers): everyMinutes only 1/5/10/15/30,
 * 20 triggers per user per script, add-ons at most hourly. The runtime fires them by clock.
 */
import type { Clock } from './clock.js';
import { type GasEnumValue, gasEnum } from './enums.js';
import { gasError, MESSAGES } from './errors.js';
import type { Implements } from './gas-types.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const ALLOWED_MINUTES = [1, 5, 10, 15, 30];
/** everyHours has no documented value set; these are the values the trigger editor offers [unc]. */
const ALLOWED_HOURS = [1, 2, 4, 6, 8, 12];
const MAX_TRIGGERS_PER_USER = 20;

export const AuthMode = gasEnum('NONE', 'LIMITED', 'FULL', 'CUSTOM_FUNCTION');
export const EventType = gasEnum('CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED');
export const TriggerSource = gasEnum('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR');

export interface TriggerInfo {
  id: string;
  handler: string;
  everyMinutes?: number;
  everyHours?: number;
  /** One-shot triggers (after/at). */
  atMs?: number;
  nextAtMs: number;
  user: string;
}

export interface TriggerSettings {
  clock: Clock;
  isAddOn: boolean;
}

/** The script's installed triggers; persists across executions. */
export class TriggerStore {
  readonly triggers: TriggerInfo[] = [];
  private nextId = 1;

  constructor(readonly settings: TriggerSettings) {}

  install(trigger: Omit<TriggerInfo, 'id'>): TriggerInfo {
    if (this.ofUser(trigger.user).length >= MAX_TRIGGERS_PER_USER) throw gasError(MESSAGES.tooManyTriggers);
    const installed = { ...trigger, id: String(4_000_000_000 + this.nextId++) };
    this.triggers.push(installed);
    return installed;
  }

  ofUser(user: string): TriggerInfo[] {
    return this.triggers.filter((trigger) => trigger.user === user);
  }

  remove(id: string): void {
    const index = this.triggers.findIndex((trigger) => trigger.id === id);
    if (index >= 0) this.triggers.splice(index, 1);
  }

  /** Triggers due now, rescheduled (recurring) or removed (one-shot) as they are taken. */
  takeDue(): TriggerInfo[] {
    const now = this.settings.clock.now();
    const due = this.triggers.filter((trigger) => trigger.nextAtMs <= now);
    for (const trigger of due) {
      const periodMs = periodOf(trigger);
      if (periodMs === undefined) this.remove(trigger.id);
      else {
        // Missed runs are not replayed: the next run is the first slot after now.
        while (trigger.nextAtMs <= now) trigger.nextAtMs += periodMs;
      }
    }
    return due;
  }
}

type Schedule = Pick<TriggerInfo, 'everyMinutes' | 'everyHours' | 'atMs'>;

function periodOf(schedule: Schedule): number | undefined {
  if (schedule.everyMinutes) return schedule.everyMinutes * MINUTE_MS;
  if (schedule.everyHours) return schedule.everyHours * HOUR_MS;
  return undefined;
}

type GasTrigger = GoogleAppsScript.Script.Trigger;

export class Trigger
  implements Implements<GasTrigger, 'getHandlerFunction' | 'getUniqueId' | 'getEventType' | 'getTriggerSource'>
{
  static readonly gasName = 'Trigger';

  constructor(readonly info: TriggerInfo) {}

  getHandlerFunction(): string {
    return this.info.handler;
  }

  getUniqueId(): string {
    return this.info.id;
  }

  getEventType(): GasEnumValue {
    return EventType.CLOCK;
  }

  getTriggerSource(): GasEnumValue {
    return TriggerSource.CLOCK;
  }

  getTriggerSourceId(): string | null {
    return null;
  }
}

type GasClockTriggerBuilder = GoogleAppsScript.Script.ClockTriggerBuilder;

export class ClockTriggerBuilder
  implements Implements<GasClockTriggerBuilder, 'everyMinutes' | 'everyHours' | 'after' | 'at' | 'create'>
{
  static readonly gasName = 'ClockTriggerBuilder';
  private schedule: Schedule | undefined;

  constructor(
    private readonly store: TriggerStore,
    private readonly handler: string,
    private readonly user: string,
  ) {}

  everyMinutes(n: number): ClockTriggerBuilder {
    if (!ALLOWED_MINUTES.includes(n)) throw gasError(MESSAGES.everyMinutes);
    this.schedule = { everyMinutes: n };
    return this;
  }

  everyHours(n: number): ClockTriggerBuilder {
    if (!ALLOWED_HOURS.includes(n)) throw gasError(MESSAGES.everyHours);
    this.schedule = { everyHours: n };
    return this;
  }

  after(durationMilliseconds: number): ClockTriggerBuilder {
    this.schedule = { atMs: this.store.settings.clock.now() + Number(durationMilliseconds) };
    return this;
  }

  at(date: GoogleAppsScript.Base.Date): ClockTriggerBuilder {
    this.schedule = { atMs: date.getTime() };
    return this;
  }

  create(): Trigger {
    const schedule = this.schedule;
    if (!schedule) throw gasError(MESSAGES.triggerWithoutSchedule);
    if (this.store.settings.isAddOn && schedule.everyMinutes) throw gasError(MESSAGES.addonTriggerInterval);
    const now = this.store.settings.clock.now();
    const trigger = this.store.install({
      ...schedule,
      handler: this.handler,
      user: this.user,
      nextAtMs: schedule.atMs ?? now + (periodOf(schedule) ?? 0),
    });
    return new Trigger(trigger);
  }
}

export class TriggerBuilder {
  static readonly gasName = 'TriggerBuilder';

  constructor(
    private readonly store: TriggerStore,
    private readonly handler: string,
    private readonly user: string,
  ) {}

  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.store, this.handler, this.user);
  }
}

type GasScriptApp = GoogleAppsScript.Script.ScriptApp;

export class ScriptApp
  implements Implements<GasScriptApp, 'newTrigger' | 'getProjectTriggers' | 'deleteTrigger' | 'getScriptId'>
{
  static readonly gasName = 'ScriptApp';
  readonly AuthMode = AuthMode;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;

  constructor(
    private readonly store: TriggerStore,
    private readonly user: string,
    private readonly scriptId: string,
  ) {}

  newTrigger(functionName: string): TriggerBuilder {
    return new TriggerBuilder(this.store, String(functionName), this.user);
  }

  /** "All installable triggers associated with the current project and current user." */
  getProjectTriggers(): Trigger[] {
    return this.store.ofUser(this.user).map((info) => new Trigger(info));
  }

  getUserTriggers(_document: unknown): Trigger[] {
    return this.getProjectTriggers();
  }

  deleteTrigger(trigger: GasTrigger | Trigger): void {
    // Read the field, not the method: the script's handle is instrumented and would count a call.
    this.store.remove((trigger as Trigger).info.id);
  }

  getScriptId(): string {
    return this.scriptId;
  }
}

/** The event object a time-driven trigger's handler receives. */
export function clockEvent(trigger: TriggerInfo, nowMs: number): Record<string, unknown> {
  const at = new Date(nowMs);
  return {
    authMode: AuthMode.FULL,
    triggerUid: trigger.id,
    year: at.getUTCFullYear(),
    month: at.getUTCMonth() + 1,
    'day-of-month': at.getUTCDate(),
    'day-of-week': at.getUTCDay() === 0 ? 7 : at.getUTCDay(),
    hour: at.getUTCHours(),
    minute: at.getUTCMinutes(),
    second: at.getUTCSeconds(),
    timezone: 'UTC',
  };
}
