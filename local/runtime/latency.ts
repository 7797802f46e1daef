/**
 * Modeled Apps Script latency. Locally every service call is nearly free; on Google's servers
 * each one is a round trip to a backend. The benchmark sums these figures over the calls a run
 * makes to estimate its Apps Script wall time. They are deliberately conservative estimates:
 * Google publishes no per-call figures, only the advice that service calls are "far slower"
 * than in-script JavaScript (developers.google.com/apps-script/guides/support/best-practices).
 */
export interface LatencyProfile {
  /** Per call ("SpreadsheetApp.Range.getValues"), per class ("UrlFetchApp.HTTPResponse") or per service ("SpreadsheetApp"); the most specific wins. */
  perCallMs: Record<string, number>;
  defaultMs: number;
  /** One UrlFetch round trip; a fetchAll costs one round trip since its requests run concurrently. */
  urlFetchMs: number;
}

export const APPS_SCRIPT_LATENCY: LatencyProfile = {
  perCallMs: {
    // Reads flush pending writes and go to the Sheets backend: community timings of single
    // getValues/setValues calls on small ranges are in the 50–150 ms range (tanaike's
    // spreadsheet read/write benchmarks, Stack Overflow timing threads); we take 100 ms.
    'SpreadsheetApp.Range.getValues': 100,
    'SpreadsheetApp.Range.getDisplayValues': 100,
    'SpreadsheetApp.Range.setValues': 100,
    'SpreadsheetApp.flush': 100,
    // Other spreadsheet calls (getters of sheet/range handles, buffered format setters): ~50 ms.
    SpreadsheetApp: 50,
    // CacheService is memcache-backed; reported get/put timings are ~10–30 ms, we take 25 ms.
    CacheService: 25,
    // PropertiesService is a datastore read/write; reported ~30–50 ms, we take 40 ms.
    PropertiesService: 40,
    // Lock acquisition is a backend round trip (~50 ms reported when uncontended).
    LockService: 50,
    // Trigger listing/creation is slow in practice (hundreds of ms reported); we take 200 ms.
    ScriptApp: 200,
    // Reading a response already received is local.
    'UrlFetchApp.HTTPResponse': 0,
    // In-process helpers (formatting, encoding, session info, HTML templating) are cheap.
    Utilities: 1,
    Session: 5,
    HtmlService: 5,
  },
  // Anything else: a small backend hop.
  defaultMs: 10,
  // UrlFetch to a REST API: Google's proxy adds to the origin's own latency; observed round
  // trips are typically 150–300 ms (tanaike's fetch/fetchAll benchmark, 2018); we take 250 ms.
  urlFetchMs: 250,
};

/** Latency charged for one counted call. */
export function latencyOf(profile: LatencyProfile, qualifiedName: string): number {
  if (qualifiedName === 'UrlFetchApp.fetch' || qualifiedName === 'UrlFetchApp.fetchAll') return profile.urlFetchMs;
  const parts = qualifiedName.split('.');
  for (let length = parts.length; length > 0; length--) {
    const ms = profile.perCallMs[parts.slice(0, length).join('.')];
    if (ms !== undefined) return ms;
  }
  return profile.defaultMs;
}
