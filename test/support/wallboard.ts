/**
 * The product as a supervisor runs it: the built dist/Code.js in the local Apps Script runtime,
 * talking to the simulated Aircall in its own process, on the simulator's clock.
 */
import { type Simulator, type SimulatorOptions, startSimulator } from '../../local/aircall-sim/index';
import { createRuntime, type Runtime, type RuntimeOptions, simulatorClock } from '../../local/runtime/index';
import type { SheetSnapshot } from '../../local/runtime/spreadsheet/index';
import type { SaveSettingsRequest } from '../../src/sidebar-contract';
import { firstTimeForm } from '../../src/tracker/settings';

export interface Wallboard {
  sim: Simulator;
  runtime: Runtime;
  board(): SheetSnapshot;
  close(): Promise<void>;
}

/** How long a test may give the large preset to start: 1,000 agents' day of history is about 370,000 calls. */
export const LARGE_PRESET_START_MS = 180_000;

/** The Configure form as a first-time user leaves it: the defaults, no team filter touched. */
export const DEFAULT_FORM: SaveSettingsRequest = firstTimeForm();

export async function openWallboard(
  options: SimulatorOptions & {
    configure?: boolean;
    form?: Partial<SaveSettingsRequest>;
    runtime?: RuntimeOptions;
  } = {},
): Promise<Wallboard> {
  const { configure = true, form, runtime: runtimeOptions, ...simOptions } = options;
  const sim = await startSimulator(simOptions);
  const runtime = createRuntime({ aircallUrl: sim.url, clock: simulatorClock(sim.url), ...runtimeOptions });
  runtime.run('setupFromMenu');
  if (configure) {
    const result = runtime.callFromClient('saveSettings', [
      { ...DEFAULT_FORM, ...form, apiId: sim.apiId, apiToken: sim.apiToken },
    ]);
    if (!(result as { ok: boolean }).ok) throw new Error(`Configure failed: ${JSON.stringify(result)}`);
  }
  return {
    sim,
    runtime,
    board: () => runtime.spreadsheet.snapshot('Activity Tracker'),
    async close() {
      runtime.dispose();
      await sim.stop();
    },
  };
}

/** Cells of a snapshot as {row, column} (1-based) where the predicate holds on the value. */
export function findCells(sheet: SheetSnapshot, predicate: (value: string, row: number, column: number) => boolean) {
  const found: { row: number; column: number }[] = [];
  for (const [r, cells] of sheet.displayValues.entries()) {
    for (const [c, value] of cells.entries())
      if (predicate(value, r + 1, c + 1)) found.push({ row: r + 1, column: c + 1 });
  }
  return found;
}

/** Agent name cells, found through the note the board writes on each ("Aircall user <id>" first). */
export function agentCells(sheet: SheetSnapshot): Map<number, { row: number; column: number }[]> {
  const byUser = new Map<number, { row: number; column: number }[]>();
  for (const [r, cells] of sheet.notes.entries()) {
    for (const [c, note] of cells.entries()) {
      const match = /^Aircall user (\d+)$/.exec(note.split('\n')[0] ?? '');
      if (!match) continue;
      const id = Number(match[1]);
      byUser.set(id, [...(byUser.get(id) ?? []), { row: r + 1, column: c + 1 }]);
    }
  }
  return byUser;
}

/** Spreadsheet service calls in the counters, e.g. after one refresh. */
export function spreadsheetCalls(runtime: Runtime): number {
  return runtime.counters.total('SpreadsheetApp');
}

export function aircallRequests(runtime: Runtime): number {
  return runtime.counters.byMethod.get('UrlFetchApp.request') ?? 0;
}
