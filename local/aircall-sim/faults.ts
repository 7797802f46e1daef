/** Injected failures: each fault matches requests by path prefix and wears off after `count` matches. */
import type { Fault } from './types.js';

interface ActiveFault {
  fault: Fault;
  remaining: number;
}

type RequestFault = Exclude<Fault, { kind: 'revoke-key' }>;

export class Faults {
  private active: ActiveFault[] = [];
  /** Requests still answered before the key is revoked; null when no revocation is pending. */
  private revokeAfter: number | null = null;

  set(faults: Fault[]): void {
    const revoke = faults.find((fault) => fault.kind === 'revoke-key');
    this.revokeAfter = revoke ? revoke.after : null;
    this.active = faults
      .filter((fault) => fault.kind !== 'revoke-key')
      .map((fault) => ({ fault, remaining: ('count' in fault ? fault.count : undefined) ?? Number.POSITIVE_INFINITY }));
  }

  /** Counts one API request; true when it is the first one the revoked key must refuse. */
  revokesNow(): boolean {
    if (this.revokeAfter === null) return false;
    if (this.revokeAfter > 0) {
      this.revokeAfter--;
      return false;
    }
    this.revokeAfter = null;
    return true;
  }

  /** The first fault that applies to `method` `path`, consuming one of its uses. */
  take(path: string, method: string): RequestFault | null {
    const hit = this.active.find(
      (entry): entry is ActiveFault & { fault: RequestFault } =>
        entry.remaining > 0 &&
        entry.fault.kind !== 'revoke-key' &&
        path.startsWith(entry.fault.path ?? '') &&
        (!('method' in entry.fault) ||
          !entry.fault.method ||
          entry.fault.method.toUpperCase() === method.toUpperCase()),
    );
    if (!hit) return null;
    hit.remaining--;
    return hit.fault;
  }
}
