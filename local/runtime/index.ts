/**
 * The local Apps Script runtime: runs the built dist/Code.js one execution at a time, each in a
 * fresh global scope, against in-memory services whose state (spreadsheet, caches, properties,
 * locks, triggers, UI) persists across executions like a real bound script's document.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AuthMode } from './auth.js';
import { CacheService, CacheStores } from './cache.js';
import { ChargedClock } from './charged-clock.js';
import { serializeArguments, serializeResult } from './client-call.js';
import { type Clock, realClock } from './clock.js';
import { gasError, MESSAGES } from './errors.js';
import { Execution, type ExecutionRecord, type InvocationKind } from './execution.js';
import { HtmlService } from './html.js';
import { CallCounters, instrument } from './instrument.js';
import type { LatencyProfile } from './latency.js';
import { LockRegistry, type LockScope, LockService } from './lock.js';
import { createConsole, Logger } from './logger.js';
import { MAIL_QUOTA, MailApp, MailLog } from './mail.js';
import type { OverlapOptions } from './overlap.js';
import { PropertiesService, PropertyStores } from './properties.js';
import { type AccountKind, DailyQuotas, type DailyUsage } from './quotas.js';
import { loadScript, type ScriptContext } from './script-context.js';
import { Session, User } from './session.js';
import { createSpreadsheetApp, SpreadsheetModel } from './spreadsheet/index.js';
import { AuthMode as AuthModeEnum, clockEvent, ScriptApp, type TriggerInfo, TriggerStore } from './triggers.js';
import { type DialogAnswer, Ui, UiLog } from './ui.js';
import { UrlFetchApp } from './url-fetch.js';
import { Utilities } from './utilities.js';

export { type Clock, manualClock, realClock, simulatorClock } from './clock.js';
export type { ExecutionRecord, InvocationKind } from './execution.js';
export { CallCounters } from './instrument.js';
export { APPS_SCRIPT_LATENCY, type LatencyProfile, OPTIMISTIC_LATENCY, PESSIMISTIC_LATENCY } from './latency.js';
export { MAIL_QUOTA, MailLog, type SentMail } from './mail.js';
export type { CallPoint, OverlapOptions, ServiceCall } from './overlap.js';
export { type AccountKind, DAILY_LIMITS, type DailyUsage } from './quotas.js';
export type { TriggerInfo } from './triggers.js';
export { UiLog } from './ui.js';

export interface RuntimeOptions {
  /** Reads Code.js, *.html and appsscript.json from here; default 'dist'. */
  distDir?: string;
  /** https://api.aircall.io/<path> is fetched from `${aircallUrl}/<path>`. */
  aircallUrl?: string;
  /** https://chat.googleapis.com/<path> is fetched from `${chatUrl}/<path>` (local/chat-webhook). */
  chatUrl?: string;
  /** MailApp recipients a day; default MAIL_QUOTA.consumer. */
  mailQuota?: number;
  clock?: Clock;
  spreadsheet?: SpreadsheetModel;
  /** Session active/effective user; default 'supervisor@example.com'. */
  user?: string;
  /**
   * Modeled service time (latency.ts), charged to the clock. Without one, service calls take no
   * time (sleeps and hung requests still do): for tests that do not measure cost.
   */
  latencyProfile?: LatencyProfile;
  /** Also price every call under this profile, without moving the clock: `shadowModeledMs`. */
  shadowLatencyProfile?: LatencyProfile;
  /**
   * Daily quotas, and on a consumer account the active user's email is blank for anyone but the
   * script's owner (`user`); default 'workspace'.
   */
  account?: AccountKind;
  /** Default 360,000 (6 min), measured on the clock. Simple triggers get 30 s at most. */
  executionLimitMs?: number;
  /** Add-on rules: time-driven triggers at most hourly. */
  isAddOn?: boolean;
  /**
   * Real time a local HTTP request may take before it counts as hung; the clock is charged
   * Apps Script's 60 s for it either way.
   */
  fetchTimeoutMs?: number;
}

/** `at`/`interleave`/`killAt`: overlapping and killed executions, see overlap.ts. */
export interface RunContext extends OverlapOptions {
  kind?: InvocationKind;
  authMode?: AuthMode;
  user?: string;
}

export interface Runtime {
  run<T = unknown>(name: string, args?: unknown[], ctx?: RunContext): T;
  /**
   * Runs an expression in one execution, in the same global scope as dist/Code.js — as a second
   * .gs file of the project would — for tests of how the platform itself behaves.
   */
  runSnippet<T = unknown>(source: string, ctx?: RunContext): T;
  callFromClient<T = unknown>(name: string, args?: unknown[], user?: string, overlap?: OverlapOptions): T;
  /**
   * A user selects cells (or a tab, keeping its selection): the active range changes and, when the
   * script has one, the onSelectionChange(e) simple trigger runs. Returns whether it ran.
   */
  select(sheetName: string, a1: string, user?: string): boolean;
  readonly spreadsheet: SpreadsheetModel;
  readonly ui: UiLog;
  /** Every email MailApp sent, and its daily quota. */
  readonly mail: MailLog;
  readonly counters: CallCounters;
  readonly triggers: TriggerInfo[];
  fireDueTriggers(): string[];
  readonly logs: string[];
  /** Modeled service time charged to the clock since the last resetCounters(), hung requests included. */
  readonly modeledMs: number;
  /** The same calls priced under `shadowLatencyProfile` (the bench's optimistic bound). */
  readonly shadowModeledMs: number;
  /** Time slept since the last resetCounters(): Utilities.sleep, lock waits. */
  readonly sleptMs: number;
  /** Today's use of the daily quotas. */
  readonly quotaUsage: DailyUsage;
  /** Counts use of today's quotas by executions not run here (earlier today, the user's other scripts). */
  spendQuota(usage: Partial<Omit<DailyUsage, 'dayMs'>>): void;
  resetCounters(): void;
  readonly executions: ExecutionRecord[];
  holdLock(kind: LockScope, held: boolean): void;
  answerNextDialog(response: DialogAnswer): void;
  /** Empties every cache, as the platform may at any time. */
  evictCaches(): void;
  /** Every value in every cache (script, document, users'). */
  cacheValues(): string[];
  dispose(): void;
}

const DEFAULT_USER = 'supervisor@example.com';
const SIX_MINUTES_MS = 360_000;
const SIMPLE_TRIGGER_LIMIT_MS = 30_000;
const FETCH_TIMEOUT_MS = 60_000;
/** Apps Script's default for a new project. */
const DEFAULT_TIME_ZONE = 'America/New_York';
const SCRIPT_ID = '1LocalAircallActivityTrackerScriptId';

interface Manifest {
  timeZone?: string;
  urlFetchWhitelist?: string[];
  addOns?: unknown;
}

function readManifest(distDir: string): Manifest {
  const path = join(distDir, 'appsscript.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Manifest) : {};
}

/** Errors thrown by the script come from its own realm, so no instanceof. */
const messageOf = (error: unknown) =>
  typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);

export function createRuntime(options: RuntimeOptions = {}): Runtime {
  const distDir = resolve(options.distDir ?? 'dist');
  const manifest = readManifest(distDir);
  const clock = new ChargedClock(options.clock ?? realClock());
  const defaultUser = options.user ?? DEFAULT_USER;
  const timeZone = manifest.timeZone ?? DEFAULT_TIME_ZONE;
  const spreadsheet = options.spreadsheet ?? new SpreadsheetModel();
  const ui = new UiLog();
  const mail = new MailLog(clock, options.mailQuota ?? MAIL_QUOTA.consumer);
  const counters = new CallCounters();
  const caches = new CacheStores(clock);
  const properties = new PropertyStores();
  const locks = new LockRegistry();
  const triggerStore = new TriggerStore({ clock, isAddOn: options.isAddOn ?? false });
  const logs: string[] = [];
  const executions: ExecutionRecord[] = [];
  const quotas = new DailyQuotas(options.account ?? 'workspace', clock);
  let shadowModeledMs = 0;
  const shadow = options.shadowLatencyProfile && {
    latency: options.shadowLatencyProfile,
    charge: (ms: number) => {
      shadowModeledMs += Math.max(0, ms);
    },
  };

  function servicesFor(execution: Execution, evaluate: (code: string) => unknown): Record<string, unknown> {
    const { user } = execution;
    const meter = execution;
    const uiFor = () => {
      if (execution.kind === 'trigger' || execution.kind === 'webapp') throw gasError(MESSAGES.uiFromContext);
      return new Ui({
        log: ui,
        onSuspend: () => locks.releaseAll(execution.id),
        addonTitle: 'Aircall Activity Tracker',
      });
    };
    const spreadsheetApp = createSpreadsheetApp(spreadsheet, {
      getUi: uiFor,
      onToast: (message, title, timeoutSeconds) =>
        ui.toasts.push({ message, title, timeoutSeconds, atMs: clock.now() }),
    });
    const sink = (line: string) => logs.push(line);
    return {
      SpreadsheetApp: instrument(spreadsheetApp, 'SpreadsheetApp', meter),
      CacheService: instrument(new CacheService(caches, user), 'CacheService', meter),
      PropertiesService: instrument(new PropertiesService(properties, user), 'PropertiesService', meter),
      LockService: instrument(new LockService(locks, execution.id, user, clock), 'LockService', meter),
      ScriptApp: instrument(new ScriptApp(triggerStore, user, SCRIPT_ID), 'ScriptApp', meter),
      HtmlService: instrument(new HtmlService(distDir, evaluate), 'HtmlService', meter),
      UrlFetchApp: instrument(
        new UrlFetchApp({
          allowlist: manifest.urlFetchWhitelist,
          aircallUrl: options.aircallUrl,
          chatUrl: options.chatUrl,
          timeoutMs: options.fetchTimeoutMs ?? FETCH_TIMEOUT_MS,
          beforeSend: (requests) => execution.beforeFetch(requests),
          afterSend: (requests, timedOut) => execution.afterFetch(requests, timedOut),
        }),
        'UrlFetchApp',
        meter,
      ),
      MailApp: instrument(new MailApp(mail, user), 'MailApp', meter),
      Utilities: instrument(new Utilities(clock), 'Utilities', meter),
      Session: instrument(
        new Session(user, timeZone, quotas.account === 'consumer' && user !== defaultUser),
        'Session',
        meter,
      ),
      Logger: new Logger(sink),
      console: createConsole(sink),
    };
  }

  function execute(name: string, args: unknown[], ctx: RunContext, fromClient: boolean): unknown {
    return executeWith(name, ctx, (script) => {
      const fn = script.topLevelFunction(name);
      if (!fn || (fromClient && name.endsWith('_'))) throw gasError(MESSAGES.functionNotFound(name));
      return fn(...args);
    });
  }

  /** One execution of the project: a fresh context with dist/Code.js loaded, then `body` in it. */
  function executeWith(
    name: string,
    ctx: RunContext,
    body: (script: ScriptContext, execution: Execution) => unknown,
  ): unknown {
    const kind = ctx.kind ?? 'menu';
    const limit = options.executionLimitMs ?? SIX_MINUTES_MS;
    const execution = new Execution(
      name,
      kind,
      ctx.authMode ?? (kind === 'simple-trigger' ? 'LIMITED' : 'FULL'),
      ctx.user ?? defaultUser,
      {
        clock,
        limitMs: kind === 'simple-trigger' ? Math.min(limit, SIMPLE_TRIGGER_LIMIT_MS) : limit,
        latency: options.latencyProfile,
        shadow,
        counters,
        quotas,
        overlap: ctx,
      },
    );
    const record: ExecutionRecord = { name, kind, startMs: execution.startMs, counters: {}, calls: execution.calls };
    executions.push(record);
    try {
      if (kind === 'trigger') quotas.checkTriggerStart();
      let evaluate: (code: string) => unknown = () => undefined;
      const script = loadScript(
        distDir,
        servicesFor(execution, (code) => evaluate(code)),
        () => clock.now(),
      );
      evaluate = script.evaluate;
      const result = body(script, execution);
      execution.finish();
      // A run killed at its time limit fails even if the script caught the error.
      if (execution.killed) throw gasError(MESSAGES.executionTime);
      if (execution.interleaveError !== undefined) throw execution.interleaveError;
      return result;
    } catch (error) {
      record.error = execution.killed ? MESSAGES.executionTime : messageOf(error);
      throw execution.killed ? gasError(MESSAGES.executionTime) : error;
    } finally {
      clock.settle();
      locks.releaseAll(execution.id);
      record.endMs = clock.now();
      if (kind === 'trigger') quotas.addTriggerRuntime(record.endMs - record.startMs);
      record.counters = execution.counters.toJSON();
    }
  }

  /** Apps Script finds simple triggers statically, by their top-level function declarations. */
  const codePath = join(distDir, 'Code.js');
  const hasSelectionTrigger =
    existsSync(codePath) && /(^|\n)\s*function\s+onSelectionChange\s*\(/.test(readFileSync(codePath, 'utf8'));

  /**
   * onSelectionChange(e): a simple trigger (LIMITED, 30 s) whose event carries the range, the
   * document and the user (developers.google.com/apps-script/guides/triggers/events#change_selection).
   */
  function fireSelectionChange(user: string): void {
    executeWith('onSelectionChange', { kind: 'simple-trigger', user }, (script, execution) => {
      const raw = createSpreadsheetApp(spreadsheet, {
        getUi: () => {
          throw gasError(MESSAGES.uiFromContext);
        },
        onToast: () => undefined,
      });
      const event = {
        authMode: AuthModeEnum.LIMITED,
        range: instrument(raw.getActiveRange(), 'SpreadsheetApp', execution),
        source: instrument(raw.getActiveSpreadsheet(), 'SpreadsheetApp', execution),
        user: new User(quotas.account === 'consumer' && user !== defaultUser ? '' : user),
        triggerUid: '',
      };
      return script.topLevelFunction('onSelectionChange')?.(event);
    });
  }

  return {
    select(sheetName, a1, user = defaultUser) {
      spreadsheet.setActive(sheetName, a1);
      if (!hasSelectionTrigger) return false;
      try {
        fireSelectionChange(user);
      } catch {
        // A failing simple trigger only shows in the executions log, as on the platform.
      }
      return true;
    },
    run: <T>(name: string, args: unknown[] = [], ctx: RunContext = {}) => execute(name, args, ctx, false) as T,
    runSnippet: <T>(source: string, ctx: RunContext = {}) =>
      executeWith('(snippet)', ctx, (script) => script.evaluate(source)) as T,
    callFromClient<T>(name: string, args: unknown[] = [], user?: string, overlap: OverlapOptions = {}): T {
      const copied = serializeArguments(args);
      try {
        return serializeResult(execute(name, copied, { ...overlap, kind: 'sidebar', user }, true)) as T;
      } catch (error) {
        // The failure handler gets a client-side Error carrying the server's message.
        throw new Error(messageOf(error));
      }
    },
    spreadsheet,
    ui,
    mail,
    counters,
    get triggers() {
      return triggerStore.triggers;
    },
    fireDueTriggers() {
      const fired: string[] = [];
      for (const trigger of triggerStore.takeDue()) {
        fired.push(trigger.handler);
        try {
          execute(trigger.handler, [clockEvent(trigger, clock.now())], { kind: 'trigger', user: trigger.user }, false);
        } catch {
          // A failed trigger run is only recorded (Apps Script emails the owner); the others still fire.
        }
      }
      return fired;
    },
    logs,
    get modeledMs() {
      return clock.modeledMs;
    },
    get shadowModeledMs() {
      return shadowModeledMs;
    },
    get sleptMs() {
      return clock.sleptMs;
    },
    get quotaUsage() {
      return quotas.usage;
    },
    spendQuota: (usage) => quotas.record(usage),
    resetCounters() {
      counters.reset();
      clock.resetTallies();
      shadowModeledMs = 0;
    },
    executions,
    holdLock(kind, held) {
      locks.holdByOther(LockRegistry.key(kind, defaultUser), held);
    },
    answerNextDialog: (response) => ui.answerNext(response),
    evictCaches: () => caches.evictAll(),
    cacheValues: () => caches.values(),
    dispose() {
      // The synchronous HTTP worker is shared process-wide and unref'd (see sync-http.ts); nothing to stop.
    },
  };
}
