/** The whole benchmark as a function, so the CLI (run.ts) and the keep-it-working test share it. */
import { cpus, release, totalmem, type } from 'node:os';
import type { Preset } from '../local/aircall-sim/index';
import { type AggregationResult, benchAggregation } from './aggregation';
import { benchPreset, type PresetResult } from './preset';
import { checkTargets, type TargetCheck } from './targets';

export interface BenchOptions {
  presets: Preset[];
  /** Aircall's company-wide limit per minute; the current docs say 120 (older sources 60). */
  rateLimit?: number;
  seed?: number;
  steadyRefreshes?: number;
  aggregationRuns?: number;
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
  // One simulator at a time: presets never compete for CPU.
  for (const preset of options.presets) {
    presets.push(await benchPreset(preset, { seed, rateLimit, steadyRefreshes: options.steadyRefreshes ?? 3 }));
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
