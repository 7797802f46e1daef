import { expect } from '@jest/globals';

type Matchers = ReturnType<typeof expect>;
type Retried<M> = {
  [K in keyof M]: M[K] extends (...args: infer A) => unknown ? (...args: A) => Promise<void> : never;
};
/** Each matcher of `expect(value)` (and of `.not`), retried until it passes or the time runs out. */
export type Eventually = Omit<Retried<Matchers>, 'not'> & { not: Omit<Retried<Matchers>, 'not'> };

type MatcherTable = Record<string, (...args: unknown[]) => void>;

function retrying<T>(read: () => T | Promise<T>, timeoutMs: number, negated: boolean): Eventually {
  return new Proxy({} as Eventually, {
    get(_target, matcher: string) {
      if (matcher === 'not') return retrying(read, timeoutMs, true);
      return async (...args: unknown[]): Promise<void> => {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const value = await read();
          try {
            const matchers = expect(value) as unknown as MatcherTable & { not: MatcherTable };
            (negated ? matchers.not : matchers)[matcher](...args);
            return;
          } catch (error) {
            if (Date.now() >= deadline) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
      };
    },
  });
}

/**
 * Reads a value again and again until the matcher passes (a page or a server catching up), failing
 * with the matcher's own message once `timeoutMs` has passed. Generous by default for a busy CI machine.
 */
export function eventually<T>(read: () => T | Promise<T>, timeoutMs = 10_000): Eventually {
  return retrying(read, timeoutMs, false);
}
