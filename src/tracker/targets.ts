/**
 * Line targets: per Aircall number (or for all lines) and per metric, a yellow and a red threshold.
 * The Lines panel colours each line green, yellow or red by its worst metric, and says which
 * metric is off target in the cell's note.
 */
import { compareNames } from './names';
import type { LineStats } from './totals';

export type TargetLevel = 'green' | 'yellow' | 'red';
export type TargetUnit = 'calls' | 'seconds' | 'percent' | 'agents';

/** "higher": more is worse (waits); "lower": less is worse (SLA, agents available). */
export const TARGET_METRICS = {
  waiting: { label: 'Calls waiting', unit: 'calls', worse: 'higher' },
  longestWaitSec: { label: 'Longest wait', unit: 'seconds', worse: 'higher' },
  averageWaitSec: { label: 'Average wait', unit: 'seconds', worse: 'higher' },
  missed: { label: 'Missed calls', unit: 'calls', worse: 'higher' },
  abandonRatePct: { label: 'Abandon rate', unit: 'percent', worse: 'higher' },
  slaPct: { label: 'SLA', unit: 'percent', worse: 'lower' },
  availableAgents: { label: 'Agents available', unit: 'agents', worse: 'lower' },
} as const satisfies Record<string, { label: string; unit: TargetUnit; worse: 'higher' | 'lower' }>;

export type TargetMetric = keyof typeof TARGET_METRICS;
export const METRIC_NAMES = Object.keys(TARGET_METRICS) as TargetMetric[];

/**
 * For a "higher is worse" metric, yellow from `yellow` on and red from `red` on (red > yellow).
 * For a "lower is worse" metric, yellow below `yellow` and red below `red` (red < yellow).
 */
export interface Threshold {
  yellow: number;
  red: number;
}

export type MetricTargets = Partial<Record<TargetMetric, Threshold>>;
/** Keyed by number id as a string, or ALL_LINES for the default every line inherits metric by metric. */
export type LineTargets = Record<string, MetricTargets>;

export const ALL_LINES = 'all';
/** Settings live in one document property (9 kB): a cap keeps them well inside it. */
export const MAX_TARGETED_LINES = 40;
const MAX_THRESHOLD = 86_400;
const LINE_KEY = /^\d{1,15}$/;

function thresholdNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value === 'string' && /^\d{1,6}$/.test(value.trim())) return Number(value.trim());
  return null;
}

function describeLine(key: string): string {
  return key === ALL_LINES ? 'All lines' : `line ${key}`;
}

function validateThreshold(metric: TargetMetric, raw: unknown, where: string): Threshold | string {
  const { label, unit, worse } = TARGET_METRICS[metric];
  const fields = (raw ?? {}) as Record<string, unknown>;
  const yellow = thresholdNumber(fields.yellow);
  const red = thresholdNumber(fields.red);
  const max = unit === 'percent' ? 100 : MAX_THRESHOLD;
  if (yellow === null || red === null || yellow > max || red > max) {
    return `${label} (${where}): yellow and red must be whole numbers of ${unit} from 0 to ${max}.`;
  }
  if (worse === 'higher' ? red <= yellow : red >= yellow) {
    return `${label} (${where}): red must be ${worse === 'higher' ? 'above' : 'below'} yellow.`;
  }
  return { yellow, red };
}

/** undefined keeps the current targets; null or {} removes them all. Returns the first problem found. */
export function validateLineTargets(
  value: unknown,
  current: LineTargets,
): { ok: true; targets: LineTargets } | { ok: false; error: string } {
  if (value === undefined) return { ok: true, targets: current };
  if (value === null) return { ok: true, targets: {} };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, error: 'Line targets must map lines to metric thresholds.' };
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_TARGETED_LINES + 1) {
    return { ok: false, error: `Targets can be set for at most ${MAX_TARGETED_LINES} lines plus All lines.` };
  }
  const targets: LineTargets = {};
  for (const [key, metrics] of entries) {
    if (key !== ALL_LINES && !LINE_KEY.test(key)) return { ok: false, error: `Unknown line "${key}" in line targets.` };
    if (typeof metrics !== 'object' || metrics === null) {
      return { ok: false, error: `Targets of ${describeLine(key)} must map metrics to thresholds.` };
    }
    const line: MetricTargets = {};
    for (const [metric, raw] of Object.entries(metrics)) {
      if (!(metric in TARGET_METRICS)) return { ok: false, error: `Unknown metric "${metric}" in line targets.` };
      const threshold = validateThreshold(metric as TargetMetric, raw, describeLine(key));
      if (typeof threshold === 'string') return { ok: false, error: threshold };
      line[metric as TargetMetric] = threshold;
    }
    if (Object.keys(line).length > 0) targets[key] = line;
  }
  return { ok: true, targets };
}

/**
 * What every line is held to until the supervisor sets other thresholds: a caller waiting over 20 s
 * (the default SLA) is late, over a minute is an alarm; under 80 % of calls answered within the SLA
 * is a warning, under 60 % an alarm; abandon rates from 10 % and 20 %.
 */
export const DEFAULT_TARGETS: MetricTargets = {
  longestWaitSec: { yellow: 20, red: 60 },
  slaPct: { yellow: 80, red: 60 },
  abandonRatePct: { yellow: 10, red: 20 },
};

/** The thresholds that apply to a line: its own, metric by metric, else those of All lines, else the defaults. */
export function targetsFor(targets: LineTargets, lineId: number): MetricTargets {
  return { ...DEFAULT_TARGETS, ...targets[ALL_LINES], ...targets[String(lineId)] };
}

export function levelOf(metric: TargetMetric, value: number, threshold: Threshold): TargetLevel {
  if (TARGET_METRICS[metric].worse === 'higher') {
    return value >= threshold.red ? 'red' : value >= threshold.yellow ? 'yellow' : 'green';
  }
  return value < threshold.red ? 'red' : value < threshold.yellow ? 'yellow' : 'green';
}

/** The line's figure for a metric, in the metric's unit; null when there is nothing to measure. */
export function metricValue(line: LineStats, metric: TargetMetric): number | null {
  switch (metric) {
    case 'waiting':
      return line.waiting;
    case 'longestWaitSec':
      return line.waiting > 0 ? line.longestWaitSec : 0;
    case 'averageWaitSec':
      return line.waiting > 0 ? line.averageWaitSec : 0;
    case 'missed':
      return line.missed;
    case 'abandonRatePct':
      return line.abandoned === null ? null : Math.round(line.abandoned * 100);
    case 'slaPct':
      return line.withinSla === null ? null : Math.round(line.withinSla * 100);
    case 'availableAgents':
      return line.agents ? line.agents.available : null;
  }
}

export interface TargetCheck {
  metric: TargetMetric;
  value: number;
  threshold: Threshold;
  level: TargetLevel;
}

export interface LinePanelRow {
  line: LineStats;
  /** The worst level among the line's checks; null when no target applies. */
  level: TargetLevel | null;
  checks: TargetCheck[];
}

const SEVERITY: Record<TargetLevel, number> = { green: 0, yellow: 1, red: 2 };

function checkLine(line: LineStats, targets: LineTargets): LinePanelRow {
  const checks: TargetCheck[] = [];
  const applying = targetsFor(targets, line.lineId);
  for (const metric of METRIC_NAMES) {
    const threshold = applying[metric];
    const value = metricValue(line, metric);
    if (threshold && value !== null)
      checks.push({ metric, value, threshold, level: levelOf(metric, value, threshold) });
  }
  const level = checks.reduce<TargetLevel | null>(
    (worst, check) => (worst === null || SEVERITY[check.level] > SEVERITY[worst] ? check.level : worst),
    null,
  );
  return { line, level, checks };
}

/**
 * The rows of the Lines panel. With a lines filter, exactly the chosen lines (even quiet ones);
 * without, every line with calls in the period, someone waiting, or a target of its own.
 */
export function linePanel(
  lines: readonly LineStats[],
  settings: { lineTargets: LineTargets; lineFilter: string[] | null },
): LinePanelRow[] {
  const chosen = settings.lineFilter ? new Set(settings.lineFilter) : null;
  return lines
    .filter((line) =>
      chosen
        ? chosen.has(String(line.lineId))
        : line.waiting > 0 || line.answered + line.missed > 0 || String(line.lineId) in settings.lineTargets,
    )
    .map((line) => checkLine(line, settings.lineTargets));
}

/** Red before yellow before lines merely with someone waiting; then the longest wait; then name order. */
function bySeverity(a: LinePanelRow, b: LinePanelRow): number {
  const rank = (row: LinePanelRow) => (row.level ? SEVERITY[row.level] : 0);
  return (
    rank(b) - rank(a) ||
    (b.line.longestWaitSec ?? -1) - (a.line.longestWaitSec ?? -1) ||
    compareNames(a.line.name, b.line.name) ||
    a.line.lineId - b.line.lineId
  );
}

/** The lines in trouble — off target, or with a caller waiting — the most severe first. */
export function linesInTrouble(panel: readonly LinePanelRow[]): LinePanelRow[] {
  return panel.filter((row) => (row.level !== null && row.level !== 'green') || row.line.waiting > 0).sort(bySeverity);
}

/** SLA and abandon shares over all lines, for the totals strip (each line's share is an exact count ratio). */
export function overallShares(lines: readonly Pick<LineStats, 'answered' | 'missed' | 'withinSla' | 'abandoned'>[]): {
  withinSla: number | null;
  abandoned: number | null;
} {
  let resolved = 0;
  let within = 0;
  let abandoned = 0;
  let slaOn = false;
  for (const line of lines) {
    const count = line.answered + line.missed;
    resolved += count;
    if (line.withinSla !== null) {
      slaOn = true;
      within += Math.round(line.withinSla * count);
    }
    if (line.abandoned !== null) abandoned += Math.round(line.abandoned * count);
  }
  if (resolved === 0) return { withinSla: null, abandoned: null };
  return { withinSla: slaOn ? within / resolved : null, abandoned: abandoned / resolved };
}
