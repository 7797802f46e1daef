/**
 * What the History, Today, Daily and Heat map tabs add to a refresh: Spreadsheet calls and cells
 * on those tabs, counted per tab by wrapping the fake Sheet and Range (in this process only), at
 * the first refresh (tabs and charts created), in steady state (a minute apart, the median), and
 * at the first refresh of a new day (the Daily roll-up, which also lists the finished day's calls).
 */
import { type Preset, type Simulator, startSimulator } from '../local/aircall-sim/index';
import { createRuntime, type Runtime, simulatorClock } from '../local/runtime/index';
import { FakeRange, FakeSheet, FakeSpreadsheet } from '../local/runtime/spreadsheet/index';
import { DEFAULT_FORM } from '../test/support/wallboard';

export const HISTORY_TABS = ['History', 'Today', 'Daily', 'Heat map'] as const;

export interface HistoryCost {
  /** Spreadsheet calls on the history tabs, and in the whole refresh. */
  historyCalls: number;
  refreshCalls: number;
  /** Cells the history tabs received (one per value of every matrix setter). */
  historyCells: number;
  aircallRequests: number;
}

export interface HistoryBench {
  preset: Preset;
  first: HistoryCost;
  /** Median of the steady refreshes. */
  steady: HistoryCost;
  dayRollover: HistoryCost;
}

const MINUTE_MS = 60_000;
const CONTINUE_MAPPING = 'continueMappingFromTrigger';

/** Calls and cells per tab, counted while `recording`. */
class TabMeter {
  recording = false;
  calls = 0;
  cells = 0;
  depth = 0;
  private installed = false;

  install(): void {
    if (this.installed) return;
    this.installed = true;
    const meter = this;
    const wrap = (proto: Record<string, unknown>, tabOf: (self: unknown, args: unknown[]) => string | undefined) => {
      for (const name of Object.getOwnPropertyNames(proto)) {
        const method = Object.getOwnPropertyDescriptor(proto, name)?.value;
        if (name === 'constructor' || typeof method !== 'function') continue;
        proto[name] = function (this: unknown, ...args: unknown[]) {
          const tab = tabOf(this, args);
          // Only the script's own calls: a fake calling its own methods is not another service call.
          if (meter.recording && meter.depth === 0 && tab && (HISTORY_TABS as readonly string[]).includes(tab)) {
            meter.calls++;
            if (name.startsWith('set') && Array.isArray(args[0]))
              for (const row of args[0]) meter.cells += Array.isArray(row) ? row.length : 0;
          }
          meter.depth++;
          try {
            return method.apply(this, args);
          } finally {
            meter.depth--;
          }
        };
      }
    };
    const ownTab = (self: unknown) => (self as { sheetModel?: { name: string } }).sheetModel?.name;
    wrap(FakeRange.prototype as unknown as Record<string, unknown>, ownTab);
    wrap(FakeSheet.prototype as unknown as Record<string, unknown>, ownTab);
    const byArgument = FakeSpreadsheet.prototype as unknown as Record<string, unknown>;
    for (const name of ['getSheetByName', 'insertSheet']) {
      const method = byArgument[name] as (...args: unknown[]) => unknown;
      byArgument[name] = function (this: unknown, ...args: unknown[]) {
        if (meter.recording && meter.depth === 0 && (HISTORY_TABS as readonly string[]).includes(String(args[0])))
          meter.calls++;
        meter.depth++;
        try {
          return method.apply(this, args);
        } finally {
          meter.depth--;
        }
      };
    }
  }
}

const meter = new TabMeter();

function measureRefresh(runtime: Runtime): HistoryCost {
  runtime.resetCounters();
  meter.calls = 0;
  meter.cells = 0;
  meter.recording = true;
  try {
    runtime.run('refreshFromTrigger', [{}], { kind: 'trigger' });
  } finally {
    meter.recording = false;
  }
  return {
    historyCalls: meter.calls,
    refreshCalls: runtime.counters.total('SpreadsheetApp'),
    historyCells: meter.cells,
    // Every request sent, those inside a fetchAll included (the runtime tallies each one).
    aircallRequests: runtime.counters.byMethod.get('UrlFetchApp.request') ?? 0,
  };
}

const median = (costs: HistoryCost[]): HistoryCost =>
  [...costs].sort((a, b) => a.historyCalls - b.historyCalls || a.refreshCalls - b.refreshCalls)[
    Math.floor(costs.length / 2)
  ];

async function mapAll(runtime: Runtime, sim: Simulator): Promise<void> {
  runtime.run('mapUsersToNumbers');
  for (let next = runtime.triggers.find((t) => t.handler === CONTINUE_MAPPING); next; ) {
    await sim.advance(Math.max(0, next.nextAtMs - (await sim.nowMs())));
    runtime.fireDueTriggers();
    next = runtime.triggers.find((t) => t.handler === CONTINUE_MAPPING);
  }
}

export async function benchHistory(
  preset: Preset,
  options: { seed: number; rateLimit: number; distDir: string },
): Promise<HistoryBench> {
  meter.install();
  const sim = await startSimulator({ preset, seed: options.seed, rateLimit: options.rateLimit });
  const runtime = createRuntime({ distDir: options.distDir, aircallUrl: sim.url, clock: simulatorClock(sim.url) });
  try {
    runtime.run('setupFromMenu');
    runtime.callFromClient('saveSettings', [{ ...DEFAULT_FORM, apiId: sim.apiId, apiToken: sim.apiToken }]);
    await mapAll(runtime, sim);
    const first = measureRefresh(runtime);
    const steady: HistoryCost[] = [];
    for (let i = 0; i < 5; i++) {
      await sim.advance(MINUTE_MS);
      steady.push(measureRefresh(runtime));
    }
    // The spreadsheet is in Europe/Paris: five minutes past its next midnight (UTC+1 in winter).
    const nowMs = await sim.nowMs();
    const nextMidnight = (Math.floor((nowMs + 3_600_000) / 86_400_000) + 1) * 86_400_000 - 3_600_000;
    await sim.advance(nextMidnight + 5 * MINUTE_MS - nowMs);
    const dayRollover = measureRefresh(runtime);
    return { preset, first, steady: median(steady), dayRollover };
  } finally {
    runtime.dispose();
    await sim.stop();
  }
}

export function historyMarkdown(results: HistoryBench[]): string {
  const cell = (c: HistoryCost) =>
    `${c.historyCalls} of ${c.refreshCalls} | ${c.historyCells.toLocaleString('en-US')} | ${c.aircallRequests}`;
  const lines = [
    '',
    '## What History adds to a refresh',
    '',
    'Spreadsheet calls on the History, Today, Daily and Heat map tabs out of the whole refresh, cells those tabs',
    "received, and the refresh's Aircall requests (after midnight each refresh lists a part of the finished day for Daily, about a thousand calls).",
    "Plus one document-property read and write per refresh (the History's state).",
    '',
    '| Preset | Refresh | History calls of refresh | History cells | Aircall requests |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const r of results) {
    lines.push(`| ${r.preset} | first (tabs and charts created) | ${cell(r.first)} |`);
    lines.push(`| ${r.preset} | steady (median of 5) | ${cell(r.steady)} |`);
    lines.push(
      `| ${r.preset} | after midnight (lists a part of the finished day for Daily) | ${cell(r.dayRollover)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
