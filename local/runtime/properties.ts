/**
 * PropertiesService (docs/apps-script-notes.md#propertiesservice): values are strings, getProperties() is a copy, 9 KB per
 * value and 500 KB per store (keys + values, UTF-8 bytes), both refused with the one storage
 * quota message observed in production.
 */
import { gasError, MESSAGES } from './errors.js';
import type { Implements } from './gas-types.js';

const MAX_VALUE_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** Checks a would-be store content and returns it. */
function withinQuota(store: Map<string, string>): Map<string, string> {
  let total = 0;
  for (const [key, value] of store) {
    if (bytes(value) > MAX_VALUE_BYTES) throw gasError(MESSAGES.propertiesQuota);
    total += bytes(key) + bytes(value);
  }
  if (total > MAX_STORE_BYTES) throw gasError(MESSAGES.propertiesQuota);
  return store;
}

type GasProperties = GoogleAppsScript.Properties.Properties;

export class Properties
  implements
    Implements<
      GasProperties,
      | 'getProperty'
      | 'getProperties'
      | 'getKeys'
      | 'setProperty'
      | 'setProperties'
      | 'deleteProperty'
      | 'deleteAllProperties'
    >
{
  static readonly gasName = 'Properties';

  /** The map is the persistent store, shared by every execution. */
  constructor(private readonly store: Map<string, string>) {}

  getProperty(key: string): string | null {
    return this.store.get(String(key)) ?? null;
  }

  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store);
  }

  getKeys(): string[] {
    return [...this.store.keys()];
  }

  setProperty(key: string, value: string): Properties {
    return this.replaceWith(new Map(this.store).set(String(key), String(value)));
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): Properties {
    const next = new Map(deleteAllOthers ? [] : this.store);
    for (const [key, value] of Object.entries(properties)) next.set(key, String(value));
    return this.replaceWith(next);
  }

  deleteProperty(key: string): Properties {
    this.store.delete(String(key));
    return this;
  }

  deleteAllProperties(): Properties {
    this.store.clear();
    return this;
  }

  private replaceWith(next: Map<string, string>): Properties {
    withinQuota(next);
    this.store.clear();
    for (const [key, value] of next) this.store.set(key, value);
    return this;
  }
}

export class PropertyStores {
  readonly script = new Map<string, string>();
  readonly document = new Map<string, string>();
  private readonly users = new Map<string, Map<string, string>>();

  user(email: string): Map<string, string> {
    let store = this.users.get(email);
    if (!store) {
      store = new Map();
      this.users.set(email, store);
    }
    return store;
  }
}

type GasPropertiesService = GoogleAppsScript.Properties.PropertiesService;

export class PropertiesService
  implements Implements<GasPropertiesService, 'getScriptProperties' | 'getUserProperties' | 'getDocumentProperties'>
{
  static readonly gasName = 'PropertiesService';

  constructor(
    private readonly stores: PropertyStores,
    private readonly user: string,
  ) {}

  getScriptProperties(): Properties {
    return new Properties(this.stores.script);
  }

  getUserProperties(): Properties {
    return new Properties(this.stores.user(this.user));
  }

  getDocumentProperties(): Properties {
    return new Properties(this.stores.document);
  }
}
