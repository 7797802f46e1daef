import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { HttpRequest } from '../../src/aircall/http';
import { basicAuthorization, cacheRateBudgetStore, urlFetchTransport } from '../../src/gas/url-fetch-transport';

type Params = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions & { url?: string };

/** A tiny UrlFetchApp: URLs containing "unreachable" fail at the network level, as the real one throws. */
class FakeUrlFetchApp {
  fetchAllCalls = 0;
  fetchCalls: Params[] = [];
  seen: Params[] = [];

  fetchAll(requests: Params[]) {
    this.fetchAllCalls++;
    this.seen.push(...requests);
    return requests.map((r) => this.respond(r.url!, r));
  }

  fetch(url: string, params: Params) {
    this.fetchCalls.push(params);
    return this.respond(url, params);
  }

  private respond(url: string, params: Params) {
    if (url.includes('unreachable')) throw Object.assign(new Error(`DNS error: ${url}`), { name: 'Exception' });
    return {
      getResponseCode: () => (url.endsWith('/missing') ? 404 : 200),
      getHeaders: () => ({ 'x-aircallapi-remaining': '59' }),
      getContentText: () => JSON.stringify({ url, method: params.method, mute: params.muteHttpExceptions }),
    };
  }
}

const sleeps: number[] = [];
const globals = globalThis as Record<string, unknown>;
let urlFetch: FakeUrlFetchApp;

beforeEach(() => {
  urlFetch = new FakeUrlFetchApp();
  sleeps.length = 0;
  globals.UrlFetchApp = urlFetch;
  globals.Utilities = {
    Charset: { UTF_8: 'UTF_8' },
    sleep: (ms: number) => sleeps.push(ms),
    base64Encode: (text: string) => Buffer.from(text, 'utf8').toString('base64'),
  };
});

afterEach(() => {
  delete globals.UrlFetchApp;
  delete globals.Utilities;
});

const get = (url: string): HttpRequest => ({ url, method: 'get', headers: { Authorization: 'Basic x' } });

describe('urlFetchTransport', () => {
  it('sends a batch through one fetchAll with muted HTTP exceptions, responses in order', () => {
    const responses = urlFetchTransport().fetchAll([
      get('https://api.aircall.io/v1/ping'),
      get('https://api.aircall.io/missing'),
    ]);
    expect(urlFetch.fetchAllCalls).toBe(1);
    expect(responses.map((r) => r.status)).toEqual([200, 404]);
    expect(JSON.parse(responses[0].body)).toEqual({ url: 'https://api.aircall.io/v1/ping', method: 'get', mute: true });
    expect(responses[0].headers['x-aircallapi-remaining']).toBe('59');
  });

  it('when one request fails at the network level, the others still succeed and it becomes status 0', () => {
    const responses = urlFetchTransport().fetchAll([
      get('https://api.aircall.io/v1/ping'),
      get('https://unreachable.example/v1/ping'),
      {
        ...get('https://api.aircall.io/v1/users/1'),
        method: 'put',
        payload: '{"a":1}',
        contentType: 'application/json',
      },
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 0, 200]);
    expect(responses[1].body).toBe('DNS error: https://unreachable.example/v1/ping');
    expect(urlFetch.fetchCalls.map((p) => [p.method, p.payload ?? null, p.contentType ?? null])).toEqual([
      ['get', null, null],
      ['get', null, null],
      ['put', '{"a":1}', 'application/json'],
    ]);
  });

  it('sleeps with Utilities.sleep', () => {
    urlFetchTransport().sleep(1_500);
    expect(sleeps).toEqual([1_500]);
  });
});

describe('basicAuthorization', () => {
  it('base64-encodes "id:token"', () => {
    expect(basicAuthorization('id', 'tok€n')).toBe(`Basic ${Buffer.from('id:tok€n').toString('base64')}`);
  });
});

describe('cacheRateBudgetStore', () => {
  it('round-trips the budget and ignores an unreadable entry', () => {
    const values = new Map<string, string>();
    const cache = {
      get: (key: string) => values.get(key) ?? null,
      put: (key: string, value: string) => void values.set(key, value),
    } as unknown as GoogleAppsScript.Cache.Cache;
    const store = cacheRateBudgetStore(cache);
    expect(store.load()).toBeNull();
    const state = { limit: 120, remaining: 7, resetAtMs: 1_700_000_060_000, updatedAtMs: 1_700_000_000_000 };
    store.save(state);
    expect(store.load()).toEqual(state);
    for (const key of values.keys()) values.set(key, '{not json');
    expect(store.load()).toBeNull();
  });
});
