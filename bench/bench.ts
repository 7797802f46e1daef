/** The whole benchmark as a function, so the CLI (run.ts) and the keep-it-working test share it. */
import { cpus, release, totalmem, type } from 'node:os';
import type { Preset } from '../local/aircall-sim/index';
import { type AggregationResult, benchAggregation } from './aggregation';
import { snapshotDist } from './dist-snapshot';
import { benchPreset, type PresetResult } from './preset';
import { checkTargets, type TargetCheck } from './targets';

export interface BenchOptions {
  presets: Preset[];
  /** Aircall's company-wide limit per minute; the current docs say 120 (older sources 60). */
  rateLimit?: number;
  seed?: number;
  /** Default STEADY_REFRESHES. */
  steadyRefreshes?: number;
  /** Default LIVE_MODE_MINUTES. */
  liveMinutes?: number;
  aggregationRuns?: number;
  /** The built add-on to run; default a private copy of dist/ taken now. */
  distDir?: string;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
}

export interface BenchResult {
  date: string;
  machine: Machine;
  seed: number;
  rateLimit: number;
  presets: PresetResult[];
  aggregation: AggregationResult;
  targets: TargetCheck[];
}

export const DOCUMENTED_RATE_LIMIT = 120;
/**
 * Half an hour of every-minute refreshes: the board writer rewrites the whole board every 30th
 * (src/gas/board-sheet.ts), and a day of refreshes pays for those too.
 */
export const STEADY_REFRESHES = 30;
/** Long enough for the Live mode ticks to cycle through the availability pages read in rotation. */
export const LIVE_MODE_MINUTES = 3;
export const PRESETS: readonly Preset[] = ['small', 'medium', 'large'];

export function describeMachine(): Machine {
  const processors = cpus();
  return {
    cpu: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    os: `${type()} ${release()}`,
    node: process.version,
  };
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const seed = options.seed ?? 1;
  const rateLimit = options.rateLimit ?? DOCUMENTED_RATE_LIMIT;
  const presets: PresetResult[] = [];
  const snapshot = options.distDir === undefined ? await snapshotDist() : null;
  const distDir = options.distDir ?? snapshot?.dir ?? 'dist';
  try {
    // One simulator at a time: presets never compete for CPU.
    for (const preset of options.presets) {
      presets.push(
        await benchPreset(preset, {
          seed,
          rateLimit,
          steadyRefreshes: options.steadyRefreshes ?? STEADY_REFRESHES,
          liveMinutes: options.liveMinutes ?? LIVE_MODE_MINUTES,
          distDir,
        }),
      );
    }
  } finally {
    snapshot?.dispose();
  }
  const aggregation = benchAggregation(options.aggregationRuns);
  return {
    date: new Date().toISOString(),
    machine: describeMachine(),
    seed,
    rateLimit,
    presets,
    aggregation,
    targets: checkTargets(presets, aggregation),
  };
}
