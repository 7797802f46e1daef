/**
 * A hung request costs Apps Script's whole fetch timeout (60 s): the transport never replays a hung
 * batch request by request, stops a replay at its first hang, and remembers the hang so quick
 * executions skip Aircall for a moment.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { HttpRequest } from '../../src/aircall/http';
import { urlFetchTransport } from '../../src/gas/url-fetch-transport';

const globals = globalThis as Record<string, unknown>;
let nowMs = 1_700_000_000_000;
let cache: Map<string, string>;
let fetched: string[];

/** URLs containing "hang" take 60 s and throw ("later-hang" from its second request on); "refused" throw at once. */
function respond(url: string) {
  fetched.push(url);
  const hangs = url.includes('later-hang') ? fetched.filter((u) => u === url).length > 1 : url.includes('hang');
  if (hangs) {
    nowMs += 60_000;
    throw new Error(`Timeout: ${url}`);
  }
  if (url.includes('refused')) throw new Error(`Address unavailable: ${url}`);
  return { getResponseCode: () => 200, getHeaders: () => ({}), getContentText: () => '{}' };
}

beforeEach(() => {
  fetched = [];
  cache = new Map();
  jest.spyOn(Date, 'now').mockImplementation(() => nowMs);
  globals.UrlFetchApp = {
    fetchAll(requests: { url: string }[]) {
      const answers = requests.map((r) => {
        try {
          return respond(r.url);
        } catch (error) {
          return error as Error;
        }
      });
      const failed = answers.find((a) => a instanceof Error);
      if (failed) throw failed;
      return answers;
    },
    fetch: (url: string) => respond(url),
  };
  const documentCache = {
    get: (key: string) => cache.get(key) ?? null,
    put: (key: string, value: string) => void cache.set(key, value),
  };
  globals.CacheService = { getDocumentCache: () => documentCache, getScriptCache: () => documentCache };
});

afterEach(() => {
  jest.restoreAllMocks();
  delete globals.UrlFetchApp;
  delete globals.CacheService;
});

const get = (url: string): HttpRequest => ({ url, method: 'get', headers: {} });

describe('a hung request', () => {
  it('is not replayed one by one: the batch fails once, in one timeout', () => {
    const started = nowMs;
    const answers = urlFetchTransport().fetchAll([get('https://a/1'), get('https://a/hang'), get('https://a/3')]);
    expect(answers.map((a) => a.status)).toEqual([0, 0, 0]);
    expect(nowMs - started).toBe(60_000);
    expect(fetched.filter((url) => url.endsWith('/hang'))).toHaveLength(1);
    expect(Number(cache.get('aircall.hungAtMs'))).toBe(nowMs);
  });

  it('after a quick failure, the batch is replayed, up to the first request that hangs', () => {
    const answers = urlFetchTransport().fetchAll([
      get('https://a/refused'),
      get('https://a/2'),
      get('https://a/later-hang'),
      get('https://a/4'),
    ]);
    expect(answers.map((a) => a.status)).toEqual([0, 200, 0, 0]);
    expect(fetched.filter((url) => url.endsWith('/4'))).toHaveLength(1); // in the batch only, not replayed
    expect(cache.has('aircall.hungAtMs')).toBe(true);
  });
});
