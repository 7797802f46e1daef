/** Injected failures: each fault matches requests by path prefix and wears off after `count` matches. */
import type { Fault } from './types.js';

interface ActiveFault {
  fault: Fault;
  remaining: number;
}

export class Faults {
  private active: ActiveFault[] = [];

  set(faults: Fault[]): void {
    this.active = faults.map((fault) => ({ fault, remaining: fault.count ?? Number.POSITIVE_INFINITY }));
  }

  /** The first fault that applies to `path`, consuming one of its uses. */
  take(path: string): Fault | null {
    const hit = this.active.find((entry) => entry.remaining > 0 && path.startsWith(entry.fault.path ?? ''));
    if (!hit) return null;
    hit.remaining--;
    return hit.fault;
  }
}
