/**
 * Boots the wallboard as a supervisor would on a fresh sheet: the built dist/Code.js in the local
 * Apps Script runtime, talking to the simulated Aircall (or a given Aircall server), then Setup,
 * Configure, Map Users to Numbers and a first Refresh, each reported in the terminal.
 */
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import { firstTimeForm } from '../../src/tracker/settings';
import { type Simulator, startSimulator } from '../aircall-sim/index.js';
import { type ChatWebhook, startChatWebhook } from '../chat-webhook/index.js';
import { type Clock, createRuntime, type Runtime, realClock, simulatorClock } from '../runtime/index.js';
import { SpreadsheetModel } from '../runtime/spreadsheet/index.js';
import { configureDemoAlerts } from './alerts.js';
import type { StartOptions } from './options.js';
import { type Say, UiReport } from './ui-report.js';

export interface LocalWallboard {
  runtime: Runtime;
  /** Null when --aircall-url routes requests elsewhere. */
  sim: Simulator | null;
  /** The local Google Chat space the alerts post to. */
  chat: ChatWebhook;
  /** What went wrong while booting (alerts, failed runs, refused settings), in plain words. */
  problems: string[];
  report: UiReport;
  stop(): Promise<void>;
}

/** The Configure form as a first-time user leaves it. */
const CONFIGURE_FORM = firstTimeForm();
const CONTINUE_MAPPING = 'continueMappingFromTrigger';
/** The mapping's own toasts say when it gave up or paused (src/gas/mapping.ts). */
const MAPPING_FAILED = /^Mapping (paused|stopped)\b/;
const SPREADSHEET_NAME = 'Aircall Activity Tracker';
const REACH_TIMEOUT_MS = 10_000;

/** Fails in seconds, in plain words, instead of after the add-on's own retries. Any HTTP answer will do. */
function checkReachable(url: string): Promise<void> {
  const get = url.startsWith('https:') ? httpsGet : httpGet;
  return new Promise((resolve, reject) => {
    const request = get(`${url}/v1/ping`, { timeout: REACH_TIMEOUT_MS }, (response) => {
      response.resume();
      resolve();
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${REACH_TIMEOUT_MS / 1000} s`)));
    request.on('error', (error) => reject(new Error(`Cannot reach the Aircall API at ${url} (${error.message}).`)));
  });
}

async function connect(options: StartOptions, say: Say): Promise<{ sim: Simulator | null; url: string; clock: Clock }> {
  if (options.aircallUrl) {
    say(`Using the Aircall API at ${options.aircallUrl}`);
    await checkReachable(options.aircallUrl);
    return { sim: null, url: options.aircallUrl, clock: realClock() };
  }
  say(`Starting the simulated Aircall (${options.preset})…`);
  const sim = await startSimulator({
    preset: options.preset,
    // --once is a snapshot: time stands still except to wait out rate limits; the page follows the clock.
    clock: options.once ? { mode: 'manual' } : { mode: 'realtime', speed: options.speed, startMs: Date.now() },
  });
  const truth = await sim.truth({ calls: false });
  say(
    `Simulated Aircall ready: ${truth.users.length} agents, ${truth.teams.length} teams, ${truth.numbers.length} lines`,
  );
  say(`Its API: ${sim.url} with API ID "${sim.apiId}" and API token "${sim.apiToken}" (for --aircall-url experiments)`);
  // Both sides read the simulator's time, so the runtime and the call center always agree.
  return { sim, url: sim.url, clock: simulatorClock(sim.url) };
}

export async function bootWallboard(options: StartOptions, say: Say): Promise<LocalWallboard> {
  const { sim, url, clock } = await connect(options, say);
  const chat = await startChatWebhook();
  say(`Local Google Chat webhook receiver on ${chat.url}`);
  const runtime = createRuntime({
    aircallUrl: url,
    chatUrl: chat.url,
    clock,
    spreadsheet: new SpreadsheetModel({ name: SPREADSHEET_NAME }),
  });
  const report = new UiReport(runtime, say);
  const problems: string[] = [];
  const wallboard: LocalWallboard = {
    runtime,
    sim,
    chat,
    problems,
    report,
    async stop() {
      runtime.dispose();
      await sim?.stop();
      await chat.stop();
    },
  };

  /** Runs one menu item like a click; returns the toasts it showed. */
  const step = (label: string, fn: string): string[] => {
    const before = runtime.ui.toasts.length;
    say(`${label}…`);
    try {
      runtime.run(fn);
    } catch {
      // Recorded in runtime.executions; the report prints it.
    }
    problems.push(...report.flush());
    return runtime.ui.toasts.slice(before).map((t) => t.message);
  };

  try {
    runtime.run('onOpen', [], { kind: 'simple-trigger' });
    step('Setup', 'setupFromMenu');
    say('Configure…');
    const refused = configure(runtime, options, sim);
    if (refused) {
      say(`  ${refused}`);
      problems.push(refused);
    }
    const alertsRefused = configureDemoAlerts(runtime, chat);
    if (alertsRefused) problems.push(alertsRefused);
    let mappingFailure = step('Mapping users to numbers', 'mapUsersToNumbers').find((m) => MAPPING_FAILED.test(m));
    if (!mappingFailure && options.once) mappingFailure = await finishMapping(wallboard);
    if (mappingFailure) problems.push(mappingFailure);
    step('Refresh', 'refreshFromMenu');
    if (!options.once) step('Starting auto-refresh', 'startAutoRefreshFromMenu');
  } catch (error) {
    await wallboard.stop();
    throw error;
  }
  return wallboard;
}

/** Configure goes through the sidebar's own server call; returns what went wrong, if anything. */
function configure(runtime: Runtime, options: StartOptions, sim: Simulator | null): string | null {
  const key = options.key ?? (sim ? { apiId: sim.apiId, apiToken: sim.apiToken } : null);
  try {
    const result = runtime.callFromClient<{ ok: boolean; errors?: Record<string, string> }>('saveSettings', [
      { ...CONFIGURE_FORM, ...key },
    ]);
    return result.ok ? null : `Configure refused the settings: ${Object.values(result.errors ?? {}).join(' ')}`;
  } catch (error) {
    return `Configure failed: ${(error as Error).message}`;
  }
}

/**
 * Large accounts map over several executions, each scheduling the next a minute later. --once waits
 * for them (pushing the simulator's clock, which costs no real time) and returns the failure if one
 * stops them; the page lets them run on its trigger timer like any other trigger.
 */
async function finishMapping({ runtime, sim, report, problems }: LocalWallboard): Promise<string | undefined> {
  const pending = () => runtime.triggers.find((t) => t.handler === CONTINUE_MAPPING);
  for (let next = pending(); next; next = pending()) {
    if (sim) await sim.advance(Math.max(0, next.nextAtMs - (await sim.nowMs())));
    else await sleep(Math.max(0, next.nextAtMs - Date.now()));
    const before = runtime.ui.toasts.length;
    runtime.fireDueTriggers();
    problems.push(...report.flush());
    const failure = runtime.ui.toasts.slice(before).find((t) => MAPPING_FAILED.test(t.message));
    if (failure) return failure.message;
  }
  return undefined;
}
