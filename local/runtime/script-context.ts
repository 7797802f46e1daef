/**
 * Loads the built script into a fresh global scope for one execution, as Apps Script gives
 * every execution a new one. Time inside follows the runtime clock: `new Date()` and
 * `Date.now()` read clock.now(), so the script and the simulated Aircall agree on "now".
 */
import vm from 'node:vm';
import gas from 'gas-local';

/** Runs in the fresh context before the script: replaces Date by a clock-driven Date. */
const CLOCK_DATE = `(() => {
  const now = globalThis.__runtimeNow;
  delete globalThis.__runtimeNow;
  const RealDate = Date;
  function ClockDate(...args) {
    if (!new.target) return new RealDate(now()).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [now()] : args, new.target);
  }
  Object.setPrototypeOf(ClockDate, RealDate);
  Object.defineProperty(ClockDate, 'name', { value: 'Date' });
  ClockDate.prototype = RealDate.prototype;
  ClockDate.now = () => now();
  globalThis.Date = ClockDate;
})();`;

export interface ScriptContext {
  readonly globals: Record<string, unknown>;
  /** A top-level function of the script, as Apps Script finds it (not one of the services). */
  topLevelFunction(name: string): ((...args: unknown[]) => unknown) | undefined;
  evaluate(code: string): unknown;
}

export function loadScript(distDir: string, services: Record<string, unknown>, now: () => number): ScriptContext {
  const injected = new Set([...Object.keys(services), 'Date']);
  const globals: Record<string, unknown> = { ...services, __runtimeNow: now };
  const context = vm.createContext(globals);
  vm.runInContext(CLOCK_DATE, context);
  gas.require(distDir, globals);
  return {
    globals,
    topLevelFunction(name) {
      const value = globals[name];
      return typeof value === 'function' && !injected.has(name)
        ? (value as (...args: unknown[]) => unknown)
        : undefined;
    },
    evaluate: (code) => vm.runInContext(code, context),
  };
}
