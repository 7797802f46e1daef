/**
 * google.script.run's transport rules (docs/apps-script-notes.md#htmlservice-and-googlescriptrun): the server gets a copy of the
 * arguments, which may only hold primitives, plain objects and arrays; undefined inside arrays
 * becomes null. A return value holding a Date reaches the client as null. The preview's pages apply
 * the same rules before a call leaves the browser (local/preview/sidebar-bridge.ts).
 */
const tag = (value: unknown) => Object.prototype.toString.call(value);

class IllegalValue extends Error {}

function copy(value: unknown, path: string, seen: Set<object>): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
      throw new IllegalValue(path);
    return value;
  }
  if (tag(value) === '[object Date]' || seen.has(value)) throw new IllegalValue(path);
  seen.add(value);
  try {
    if (Array.isArray(value))
      return value.map((item, index) => (item === undefined ? null : copy(item, String(index), seen)));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = copy(item, key, seen);
    return out;
  } finally {
    seen.delete(value);
  }
}

/** The client rejects the call before it leaves the browser. */
export function serializeArguments(args: unknown[]): unknown[] {
  return args.map((arg, index) => {
    try {
      return copy(arg, String(index), new Set());
    } catch (error) {
      if (error instanceof IllegalValue) throw new Error(`Failed due to illegal value in property: ${error.message}`);
      throw error;
    }
  });
}

/** What the success handler receives. */
export function serializeResult(result: unknown): unknown {
  if (result === undefined) return undefined;
  try {
    return copy(result, '', new Set());
  } catch (error) {
    if (error instanceof IllegalValue) return null;
    throw error;
  }
}
