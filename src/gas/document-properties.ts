/**
 * The spreadsheet's DocumentProperties, read once per unit of work. A refresh reads its settings,
 * the shared key, the directory's durable copy, the alert rules and History's state: five reads of
 * ~34 ms each, every minute (https://ziritione.org/post/apps_script_performance), where one
 * getProperties serves them all. Writes go straight through and update the copy, so the work reads
 * back what it wrote.
 *
 * Only for work that runs under the refresh lock: the state it reads there is written by lock
 * holders only, and a setting another editor saves meanwhile is read at the next refresh, as if it had
 * been saved a moment later.
 */
type Properties = GoogleAppsScript.Properties.Properties;

/** Reads answered from one getProperties, taken at the first read; writes sent at once and kept. */
export class PropertiesSnapshot implements Properties {
  private values: Record<string, string> | null = null;

  constructor(private readonly properties: Properties) {}

  private read(): Record<string, string> {
    this.values ??= this.properties.getProperties();
    return this.values;
  }

  getProperty(key: string): string | null {
    return this.read()[key] ?? null;
  }

  getProperties(): Record<string, string> {
    return { ...this.read() };
  }

  getKeys(): string[] {
    return Object.keys(this.read());
  }

  setProperty(key: string, value: string): Properties {
    this.properties.setProperty(key, value);
    if (this.values) this.values[key] = String(value);
    return this;
  }

  setProperties(properties: Record<string, string>, deleteAllOthers = false): Properties {
    this.properties.setProperties(properties, deleteAllOthers);
    if (deleteAllOthers) this.values = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, String(v)]));
    else if (this.values) for (const [key, value] of Object.entries(properties)) this.values[key] = String(value);
    return this;
  }

  deleteProperty(key: string): Properties {
    this.properties.deleteProperty(key);
    if (this.values) delete this.values[key];
    return this;
  }

  deleteAllProperties(): Properties {
    this.properties.deleteAllProperties();
    this.values = {};
    return this;
  }
}

let snapshot: PropertiesSnapshot | null = null;

/** The document's properties: inside withDocumentPropertiesRead, its one-read snapshot. */
export function documentProperties(): Properties {
  return snapshot ?? PropertiesService.getDocumentProperties();
}

/** Runs `work` with its DocumentProperties reads served from one getProperties call. */
export function withDocumentPropertiesRead<T>(work: () => T): T {
  if (snapshot) return work();
  snapshot = new PropertiesSnapshot(PropertiesService.getDocumentProperties());
  try {
    return work();
  } finally {
    snapshot = null;
  }
}
