import { expect } from '@jest/globals';

type Matchers = ReturnType<typeof expect>;
/** Each matcher of `expect(value)`, retried until it passes or the time runs out. */
export type Eventually = {
  [K in keyof Matchers]: Matchers[K] extends (...args: infer A) => unknown ? (...args: A) => Promise<void> : never;
};

/**
 * Reads a value again and again until the matcher passes (a page or a server catching up), failing
 * with the matcher's own message once `timeoutMs` has passed. Generous by default for a busy CI machine.
 */
export function eventually<T>(read: () => T | Promise<T>, timeoutMs = 10_000): Eventually {
  return new Proxy({} as Eventually, {
    get:
      (_target, matcher: string) =>
      async (...args: unknown[]): Promise<void> => {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const value = await read();
          try {
            (expect(value) as unknown as Record<string, (...a: unknown[]) => void>)[matcher](...args);
            return;
          } catch (error) {
            if (Date.now() >= deadline) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
      },
  });
}
