/**
 * Apps Script enums are objects, not strings: `ui.alert(...) === ui.Button.YES` holds because
 * the same value object comes back, and String(value) / value.name() give the key.
 */
export class GasEnumValue<K extends string = string> {
  constructor(private readonly key: K) {}

  name(): K {
    return this.key;
  }

  toString(): K {
    return this.key;
  }

  toJSON(): K {
    return this.key;
  }
}

export type GasEnum<K extends string> = { readonly [P in K]: GasEnumValue<P> };

export function gasEnum<K extends string>(...keys: K[]): GasEnum<K> {
  return Object.freeze(Object.fromEntries(keys.map((key) => [key, new GasEnumValue(key)]))) as GasEnum<K>;
}

export function isEnumValue<K extends string>(enumeration: GasEnum<K>, value: unknown): value is GasEnumValue<K> {
  return value instanceof GasEnumValue && (enumeration as Record<string, unknown>)[value.name()] === value;
}
