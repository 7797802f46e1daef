/**
 * The company's Aircall rate limit, as Aircall stated it in the headers of a 429. Aircall sends
 * those headers only once the limit is reached (docs/aircall-notes.md), so it is learned rarely and
 * kept with a durable copy in document properties: a cache eviction must not send the next cold
 * refresh back to the assumed 60 a minute.
 */
import type { LearnedLimitStore } from '../aircall/rate-budget';
import { loadKept, storeKept } from './directory';

const LEARNED_LIMIT = 'aircall-rate-limit';

interface KeptLimit {
  perMinute: number;
  learnedAtMs: number;
}

const isKeptLimit = (value: unknown): value is KeptLimit => {
  const kept = value as Partial<KeptLimit> | null;
  return !!kept && Number.isInteger(kept.perMinute) && (kept.perMinute as number) > 0;
};

export function learnedLimitStore(): LearnedLimitStore {
  return {
    load: () => loadKept(LEARNED_LIMIT, isKeptLimit)?.perMinute ?? null,
    save(perMinute) {
      storeKept(LEARNED_LIMIT, { perMinute, learnedAtMs: Date.now() } satisfies KeptLimit);
    },
  };
}
