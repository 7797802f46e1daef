/**
 * LockService (docs/apps-script-notes.md#lockservice). Executions here never overlap, so contention comes from
 * LockRegistry.holdByOther(): "another execution" holding the lock. Waiting for it spends the
 * requested time on the runtime clock and then fails, like a real lock that is never released.
 */
import type { Clock } from './clock.js';
import { gasError, MESSAGES } from './errors.js';
import type { Implements } from './gas-types.js';

export type LockScope = 'script' | 'user' | 'document';

const OTHER_EXECUTION = -1;

/** Who holds which lock; persists across executions. */
export class LockRegistry {
  private readonly holders = new Map<string, number>();

  static key(scope: LockScope, user: string): string {
    return scope === 'user' ? `user:${user}` : scope;
  }

  holder(key: string): number | undefined {
    return this.holders.get(key);
  }

  acquire(key: string, executionId: number): boolean {
    const holder = this.holders.get(key);
    if (holder !== undefined && holder !== executionId) return false;
    this.holders.set(key, executionId);
    return true;
  }

  release(key: string, executionId: number): void {
    if (this.holders.get(key) === executionId) this.holders.delete(key);
  }

  /** At the end of an execution, or when Ui.alert/prompt suspends it (locks don't survive that). */
  releaseAll(executionId: number): void {
    for (const [key, holder] of this.holders) if (holder === executionId) this.holders.delete(key);
  }

  holdByOther(key: string, held: boolean): void {
    if (held) this.holders.set(key, OTHER_EXECUTION);
    else if (this.holders.get(key) === OTHER_EXECUTION) this.holders.delete(key);
  }
}

type GasLock = GoogleAppsScript.Lock.Lock;

export class Lock implements Implements<GasLock, 'tryLock' | 'waitLock' | 'hasLock' | 'releaseLock'> {
  static readonly gasName = 'Lock';

  constructor(
    private readonly registry: LockRegistry,
    private readonly key: string,
    private readonly executionId: number,
    private readonly clock: Clock,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    if (this.registry.acquire(this.key, this.executionId)) return true;
    this.clock.sleep(Math.max(0, Number(timeoutInMillis) || 0));
    return this.registry.acquire(this.key, this.executionId);
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw gasError(MESSAGES.lockTimeout);
  }

  hasLock(): boolean {
    return this.registry.holder(this.key) === this.executionId;
  }

  releaseLock(): void {
    this.registry.release(this.key, this.executionId);
  }
}

type GasLockService = GoogleAppsScript.Lock.LockService;

export class LockService implements Implements<GasLockService, 'getScriptLock' | 'getUserLock' | 'getDocumentLock'> {
  static readonly gasName = 'LockService';

  constructor(
    private readonly registry: LockRegistry,
    private readonly executionId: number,
    private readonly user: string,
    private readonly clock: Clock,
  ) {}

  getScriptLock(): Lock {
    return this.lock('script');
  }

  getUserLock(): Lock {
    return this.lock('user');
  }

  /** Bound to the spreadsheet, so the document lock exists (it is null only for standalone scripts). */
  getDocumentLock(): Lock {
    return this.lock('document');
  }

  private lock(scope: LockScope): Lock {
    return new Lock(this.registry, LockRegistry.key(scope, this.user), this.executionId, this.clock);
  }
}
