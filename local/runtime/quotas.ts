/**
 * Daily quotas per account kind (developers.google.com/apps-script/guides/services/quotas):
 * URL Fetch calls 20,000 / 100,000, Properties read/write 50,000 / 500,000, triggers total
 * runtime 90 min / 6 h, for a consumer (gmail.com) and a Google Workspace account. Counters
 * start again at each simulated day (UTC midnight on the runtime clock). Once a quota is spent,
 * the call fails with the platform's own text (docs/apps-script-notes.md, quota messages).
 */
import type { Clock } from './clock.js';
import { gasError, MESSAGES } from './errors.js';

export type AccountKind = 'consumer' | 'workspace';

export interface DailyLimits {
  urlFetchCalls: number;
  propertiesReadWrites: number;
  triggerRuntimeMs: number;
}

export const DAILY_LIMITS: Record<AccountKind, DailyLimits> = {
  consumer: { urlFetchCalls: 20_000, propertiesReadWrites: 50_000, triggerRuntimeMs: 90 * 60_000 },
  workspace: { urlFetchCalls: 100_000, propertiesReadWrites: 500_000, triggerRuntimeMs: 6 * 3_600_000 },
};

export interface DailyUsage {
  /** UTC day (epoch ms of its midnight) the counters belong to. */
  dayMs: number;
  urlFetchCalls: number;
  propertiesReadWrites: number;
  triggerRuntimeMs: number;
}

const DAY_MS = 86_400_000;

const PROPERTY_READS = new Set(['getProperty', 'getProperties', 'getKeys']);
const PROPERTY_WRITES = new Set(['setProperty', 'setProperties', 'deleteProperty', 'deleteAllProperties']);

export class DailyQuotas {
  readonly limits: DailyLimits;
  private current: DailyUsage = { dayMs: -1, urlFetchCalls: 0, propertiesReadWrites: 0, triggerRuntimeMs: 0 };

  constructor(
    readonly account: AccountKind,
    private readonly clock: Clock,
  ) {
    this.limits = DAILY_LIMITS[account];
  }

  /** Today's counters (a copy). */
  get usage(): DailyUsage {
    return { ...this.today() };
  }

  /** Before a fetch or fetchAll sends anything: each request counts. */
  spendUrlFetch(requests: number): void {
    const today = this.today();
    if (today.urlFetchCalls + requests > this.limits.urlFetchCalls) throw gasError(MESSAGES.urlFetchDaily);
    today.urlFetchCalls += requests;
  }

  /** Before a Properties method runs: reads and writes share one daily count. */
  spendProperties(qualifiedName: string): void {
    const method = qualifiedName.slice(qualifiedName.lastIndexOf('.') + 1);
    const write = PROPERTY_WRITES.has(method);
    if (!write && !PROPERTY_READS.has(method)) return;
    const today = this.today();
    if (today.propertiesReadWrites >= this.limits.propertiesReadWrites)
      throw gasError(write ? MESSAGES.propertiesWritesDaily : MESSAGES.propertiesReadsDaily);
    today.propertiesReadWrites += 1;
  }

  /** Use by executions this runtime did not run: earlier today, or the user's other scripts. */
  record(usage: Partial<Omit<DailyUsage, 'dayMs'>>): void {
    const today = this.today();
    today.urlFetchCalls += usage.urlFetchCalls ?? 0;
    today.propertiesReadWrites += usage.propertiesReadWrites ?? 0;
    today.triggerRuntimeMs += usage.triggerRuntimeMs ?? 0;
  }

  /** A trigger execution may not start once the day's trigger runtime is spent. */
  checkTriggerStart(): void {
    if (this.today().triggerRuntimeMs >= this.limits.triggerRuntimeMs) throw gasError(MESSAGES.triggerRuntimeDaily);
  }

  addTriggerRuntime(ms: number): void {
    this.today().triggerRuntimeMs += Math.max(0, ms);
  }

  private today(): DailyUsage {
    const dayMs = Math.floor(this.clock.now() / DAY_MS) * DAY_MS;
    if (this.current.dayMs !== dayMs)
      this.current = { dayMs, urlFetchCalls: 0, propertiesReadWrites: 0, triggerRuntimeMs: 0 };
    return this.current;
  }
}
