/**
 * Counts every Apps Script service call per method, e.g. "SpreadsheetApp.Range.setValues",
 * and charges a modeled latency for it. Fakes stay plain classes: a class opts in by declaring
 * `static readonly gasName = 'Range'`; objects returned by an instrumented method are wrapped
 * in turn, so `SpreadsheetApp.getActiveSpreadsheet().getSheetByName('x').getRange(1, 1)` counts
 * four calls under the service that produced them.
 */
export interface Meter {
  /** Called once per service method call, before the fake runs, with the call's arguments. */
  count(qualifiedName: string, args: readonly unknown[]): void;
}

export class CallCounters implements Meter {
  readonly byMethod = new Map<string, number>();

  count(qualifiedName: string): void {
    this.byMethod.set(qualifiedName, (this.byMethod.get(qualifiedName) ?? 0) + 1);
  }

  /** Total calls whose qualified name starts with the service prefix, e.g. "SpreadsheetApp". */
  total(servicePrefix = ''): number {
    let sum = 0;
    for (const [name, n] of this.byMethod) if (name.startsWith(servicePrefix)) sum += n;
    return sum;
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.byMethod].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.byMethod.clear();
  }
}

const WRAPPED = Symbol('instrumented');

function gasNameOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const ctor = (value as { constructor?: { gasName?: unknown } }).constructor;
  return typeof ctor?.gasName === 'string' ? ctor.gasName : undefined;
}

/**
 * Wraps a fake service object. `service` is the global it hangs from ("SpreadsheetApp");
 * `className` defaults to the object's gasName, or the service name for the root object.
 */
export function instrument<T extends object>(target: T, service: string, meter: Meter, className?: string): T {
  if ((target as Record<symbol, unknown>)[WRAPPED]) return target;
  const name = className ?? gasNameOf(target) ?? service;
  const wrapResult = (result: unknown): unknown => {
    if (Array.isArray(result)) return result.map(wrapResult);
    const resultName = gasNameOf(result);
    return resultName ? instrument(result as object, service, meter, resultName) : result;
  };
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (prop === WRAPPED) return true;
      const value = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function' || typeof prop === 'symbol' || prop === 'constructor') return value;
      return (...args: unknown[]) => {
        meter.count(name === service ? `${service}.${prop}` : `${service}.${name}.${prop}`, args);
        return wrapResult(value.apply(obj, args));
      };
    },
  });
}

/** The raw fake behind an instrumented proxy is never needed by product code; tests read models. */
export const isInstrumented = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[WRAPPED] === true;
