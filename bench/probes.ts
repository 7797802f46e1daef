/**
 * What the runtime's call counters do not measure: cells written, CPU time and peak heap.
 * The local runtime runs each execution synchronously, so nothing can sample on a timer; the
 * heap is sampled on the clock instead, which every Apps Script service call reads (the
 * 6-minute check), and cells are counted where the fake Range writes them.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Clock } from '../local/runtime/index';
import { FakeRange } from '../local/runtime/spreadsheet/index';

/** Range setters that take one value per cell, as the board writer uses them. */
const MATRIX_SETTERS = [
  'setValues',
  'setRichTextValues',
  'setBackgrounds',
  'setFontColors',
  'setFontWeights',
  'setFontStyles',
  'setFontSizes',
  'setHorizontalAlignments',
  'setVerticalAlignments',
  'setWraps',
  'setNumberFormats',
  'setNotes',
] as const;

let cellsWritten = 0;
let cellCountingInstalled = false;

/**
 * Cells written = the sum, over every 2-D setter call, of the cells in its matrix: a 50×10 board
 * written with setValues and five format setters counts 3,000. The runtime exposes only call
 * counts, so the bench wraps the fake Range's setters once, in this process only.
 */
export function cellCounter(): { reset(): void; read(): number } {
  if (!cellCountingInstalled) {
    cellCountingInstalled = true;
    const proto = FakeRange.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const name of MATRIX_SETTERS) {
      const setter = proto[name];
      proto[name] = function (this: unknown, ...args: unknown[]) {
        const matrix = args[0];
        if (Array.isArray(matrix)) for (const row of matrix) cellsWritten += Array.isArray(row) ? row.length : 0;
        return setter.apply(this, args);
      };
    }
  }
  return {
    reset: () => {
      cellsWritten = 0;
    },
    read: () => cellsWritten,
  };
}

/** A full GC before each measured run, so the high-water mark is the run's and not old garbage. */
function garbageCollector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Peak V8 heap in use, sampled at every clock read of the runtime (see ClockProbe). */
export class HeapHighWater {
  private peakBytes = 0;
  private readonly collect = garbageCollector();

  sample(): void {
    const used = process.memoryUsage().heapUsed;
    if (used > this.peakBytes) this.peakBytes = used;
  }

  restart(): void {
    this.collect();
    this.peakBytes = 0;
    this.sample();
  }

  get peakMb(): number {
    return this.peakBytes / 1024 / 1024;
  }
}

/** The runtime's clock, watched: every read samples the heap. */
export class ClockProbe implements Clock {
  constructor(
    private readonly inner: Clock,
    private readonly heap: HeapHighWater,
  ) {}

  now(): number {
    this.heap.sample();
    return this.inner.now();
  }

  sleep(ms: number): void {
    this.inner.sleep(ms);
  }
}

/** User + system CPU of this process (the script, the runtime's fakes, its HTTP worker) in ms. */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}
