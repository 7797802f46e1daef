/**
 * Modeled Apps Script latency. Locally every service call is nearly free; on Google's servers
 * each one is a round trip to a backend, and a write's cost grows with its cells. The runtime
 * charges these figures to its clock (see charged-clock.ts), so the 6-minute limit, the
 * product's own Date.now() deadlines and the simulated Aircall all see them.
 *
 * Two profiles bracket the published measurements: OPTIMISTIC_LATENCY takes the fast end,
 * PESSIMISTIC_LATENCY (= APPS_SCRIPT_LATENCY, the default for budgets) the slow end.
 */
export interface LatencyProfile {
  name: 'optimistic' | 'pessimistic' | string;
  /** Per call ("SpreadsheetApp.Range.getValues"), per class ("UrlFetchApp.HTTPResponse") or per service ("SpreadsheetApp"); the most specific wins. */
  perCallMs: Record<string, number>;
  defaultMs: number;
  /** Each cell written by a 2-D setter (setValues, setBackgrounds, setNotes…), charged when the writes are flushed. */
  perCellWriteMs: number;
  /** One UrlFetch request's round trip. */
  urlFetchMs: number;
  /** fetchAll runs its requests in parallel, but not for free: each request after the first adds this share of a round trip. */
  fetchAllExtraShare: number;
}

/**
 * Spreadsheet writes, per cell:
 * - tanaike, "Benchmark: Reading and Writing Spreadsheet using Google Apps Script" (2018),
 *   https://tanaikech.github.io/2018/10/12/benchmark-reading-and-writing-spreadsheet-using-google-apps-script/ :
 *   setValues of 25k cells ≈ 1.2 s, 100k ≈ 5.6 s, 400k ≈ 23.8 s — 48–60 µs a cell;
 * - a 4,000-cell write flushed: 610 ms, ≈ 150 µs a cell (Stack Overflow answer "What is faster: ScriptDb or
 *   SpreadsheetApp?", mirrored at https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp ),
 *   and 500k cells ≈ 40 s, 80 µs (tanaike 2019, https://tanaikech.github.io/topics/benchmark ).
 * A setter call itself is buffered: "a single write of a 4000-cell spreadsheet took less than 50ms"
 * until flushed (same answer); reads and flush() commit the buffer
 * (https://googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html).
 *
 * UrlFetch: three sequential fetches 1.769 s, the same three in one fetchAll 0.929 s — one round
 * trip ≈ 0.59 s and fetchAll(3) ≈ 1.6 × one fetch, i.e. each extra request ≈ 0.3 of a round trip
 * (https://www.pre-practice.net/2020/03/urlfetchappfetchallfetch.html); Google's proxy adds to the
 * origin's own time (https://tanaikech.github.io/2018/04/19/benchmark-fetchall-method-in-urlfetch-service-for-google-apps-script/).
 *
 * Cache and Properties, 100 sequential samples (https://ziritione.org/post/apps_script_performance):
 * Properties getProperty min 20 / avg 30–34 ms, setProperty min 43 / avg 62–64 ms; Cache get 3 ms,
 * put min 73 / avg 93 ms. A second set (https://qiita.com/mitonattou919/items/a0fdd1a9e4559ee4a512):
 * Cache get 20 ms, put 56 ms, remove 88 ms, getScriptCache 2–3 ms, whatever the value's size.
 */
const STORES_OPTIMISTIC: Record<string, number> = {
  'CacheService.Cache.get': 3,
  'CacheService.Cache.getAll': 3,
  'CacheService.Cache.put': 56,
  'CacheService.Cache.putAll': 56,
  'CacheService.Cache.remove': 55,
  'CacheService.Cache.removeAll': 55,
  CacheService: 2,
  'PropertiesService.Properties.getProperty': 20,
  'PropertiesService.Properties.getProperties': 20,
  'PropertiesService.Properties.getKeys': 20,
  'PropertiesService.Properties': 43,
  PropertiesService: 2,
};

const STORES_PESSIMISTIC: Record<string, number> = {
  'CacheService.Cache.get': 20,
  'CacheService.Cache.getAll': 20,
  'CacheService.Cache.put': 93,
  'CacheService.Cache.putAll': 93,
  'CacheService.Cache.remove': 90,
  'CacheService.Cache.removeAll': 90,
  CacheService: 3,
  'PropertiesService.Properties.getProperty': 34,
  'PropertiesService.Properties.getProperties': 34,
  'PropertiesService.Properties.getKeys': 34,
  'PropertiesService.Properties': 64,
  PropertiesService: 3,
};

/**
 * Figures without a published measurement, kept from the first model: a read that flushes
 * (getValues…) is a backend round trip, 50–150 ms in community timings; handles and buffered
 * setters a small hop; LockService ~50 ms uncontended; ScriptApp trigger calls hundreds of ms.
 */
const OTHERS_OPTIMISTIC: Record<string, number> = {
  'SpreadsheetApp.Range.getValues': 50,
  'SpreadsheetApp.Range.getDisplayValues': 50,
  'SpreadsheetApp.flush': 50,
  SpreadsheetApp: 10,
  LockService: 30,
  ScriptApp: 100,
  'UrlFetchApp.HTTPResponse': 0,
  Utilities: 1,
  Session: 2,
  HtmlService: 5,
};

const OTHERS_PESSIMISTIC: Record<string, number> = {
  'SpreadsheetApp.Range.getValues': 100,
  'SpreadsheetApp.Range.getDisplayValues': 100,
  'SpreadsheetApp.flush': 100,
  SpreadsheetApp: 50,
  LockService: 50,
  ScriptApp: 200,
  'UrlFetchApp.HTTPResponse': 0,
  Utilities: 1,
  Session: 5,
  HtmlService: 5,
};

export const OPTIMISTIC_LATENCY: LatencyProfile = {
  name: 'optimistic',
  perCallMs: { ...OTHERS_OPTIMISTIC, ...STORES_OPTIMISTIC },
  defaultMs: 5,
  perCellWriteMs: 0.055,
  // A fast REST origin behind Google's proxy (the 0.59 s measured above was a slower origin).
  urlFetchMs: 250,
  fetchAllExtraShare: 0.3,
};

export const PESSIMISTIC_LATENCY: LatencyProfile = {
  name: 'pessimistic',
  perCallMs: { ...OTHERS_PESSIMISTIC, ...STORES_PESSIMISTIC },
  defaultMs: 10,
  perCellWriteMs: 0.15,
  urlFetchMs: 590,
  fetchAllExtraShare: 0.3,
};

/** The profile for budgets: when a figure is uncertain, charge the slow end. */
export const APPS_SCRIPT_LATENCY = PESSIMISTIC_LATENCY;

/** Latency charged for one counted call (UrlFetch requests are charged per batch: fetchBatchMs). */
export function latencyOf(profile: LatencyProfile, qualifiedName: string): number {
  if (qualifiedName === 'UrlFetchApp.fetch' || qualifiedName === 'UrlFetchApp.fetchAll') return 0;
  const parts = qualifiedName.split('.');
  for (let length = parts.length; length > 0; length--) {
    const ms = profile.perCallMs[parts.slice(0, length).join('.')];
    if (ms !== undefined) return ms;
  }
  return profile.defaultMs;
}

/** One fetch, or one fetchAll of `requests`: parallel, each extra request a share of a round trip. */
export function fetchBatchMs(profile: LatencyProfile, requests: number): number {
  if (requests <= 0) return 0;
  return profile.urlFetchMs * (1 + profile.fetchAllExtraShare * (requests - 1));
}

/** Range setters taking one value per cell: their cost is per cell. */
const MATRIX_SETTER = /^SpreadsheetApp\.Range\.set[A-Za-z]+s$/;

/** Cells a call writes through a 2-D setter (0 for any other call). */
export function cellsWritten(qualifiedName: string, args: readonly unknown[]): number {
  if (!MATRIX_SETTER.test(qualifiedName)) return 0;
  const matrix = args[0];
  if (!Array.isArray(matrix)) return 0;
  let cells = 0;
  for (const row of matrix) cells += Array.isArray(row) ? row.length : 0;
  return cells;
}

/** Calls that commit buffered writes before they answer: flush() and reads of the sheet's content. */
const FLUSHING =
  /^SpreadsheetApp\.(flush|Range\.get(Values?|DisplayValues?|Formulas?|Backgrounds?|Notes?|FontColors?|RichTextValues?|MergedRanges)|Sheet\.(getLastRow|getLastColumn|getDataRange))$/;

export const flushesWrites = (qualifiedName: string): boolean => FLUSHING.test(qualifiedName);
