import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createRuntime, type Runtime } from '../../../local/runtime/index';
import { type EchoServer, scriptDir, startEchoServer } from './support';

const SCRIPT = `
function fetch(url, params) {
  var r = UrlFetchApp.fetch(url, params);
  return { code: r.getResponseCode(), text: r.getContentText(), headers: r.getHeaders(), all: r.getAllHeaders() };
}
function fetchAll(requests) {
  return UrlFetchApp.fetchAll(requests).map(function (r) { return r.getContentText(); });
}
function bytes(url) { return UrlFetchApp.fetch(url).getContent(); }
`;

const AIRCALL = 'https://api.aircall.io/';

describe('UrlFetchApp', () => {
  let server: EchoServer;
  let runtime: Runtime;
  beforeAll(async () => {
    server = await startEchoServer();
    runtime = createRuntime({ distDir: scriptDir(SCRIPT), aircallUrl: server.url, fetchTimeoutMs: 1_000 });
  });
  afterAll(() => {
    runtime.dispose();
    server.stop();
  });

  it('routes api.aircall.io to the simulator and sends method, headers and a form payload', () => {
    const result = runtime.run<{ code: number; text: string }>('fetch', [
      `${AIRCALL}echo?page=2`,
      { method: 'post', headers: { Authorization: 'Basic abc' }, payload: { a: 1, b: 'x y' } },
    ]);
    expect(result.code).toBe(200);
    const echoed = JSON.parse(result.text);
    expect(echoed).toMatchObject({ method: 'POST', path: '/echo?page=2', body: 'a=1&b=x%20y' });
    expect(echoed.headers).toMatchObject({
      authorization: 'Basic abc',
      'content-type': 'application/x-www-form-urlencoded',
    });
  });

  it('throws the Apps Script text for a 429, with the origin of the script URL and the body', () => {
    expect(() => runtime.run('fetch', [`${AIRCALL}status/429?x=1`])).toThrow(
      'Request failed for https://api.aircall.io returned code 429. Truncated server response: {"error":"Too many requests","troubleshoot":"slow down"} (use muteHttpExceptions option to examine full response)',
    );
  });

  it('truncates a long error body to 147 characters', () => {
    const body = 'x'.repeat(200);
    expect(() => runtime.run('fetch', [`${AIRCALL}status/403?body=${body}`])).toThrow(
      `Request failed for https://api.aircall.io returned code 403. Truncated server response: ${'x'.repeat(147)}... (use muteHttpExceptions option to examine full response)`,
    );
  });

  it('returns the response for any status with muteHttpExceptions', () => {
    const result = runtime.run<{ code: number; text: string }>('fetch', [
      `${AIRCALL}status/403?body=Forbidden`,
      { muteHttpExceptions: true },
    ]);
    expect(result).toMatchObject({ code: 403, text: 'Forbidden' });
  });

  it("keeps the server's header casing and gathers repeated headers in getAllHeaders", () => {
    const result = runtime.run<{ headers: Record<string, string>; all: Record<string, unknown> }>('fetch', [
      `${AIRCALL}headers`,
    ]);
    expect(result.headers['X-RateLimit-Remaining']).toBe('59');
    expect(result.all['Set-Cookie']).toEqual(['a=1', 'b=2']);
  });

  it('follows redirects by default', () => {
    const result = runtime.run<{ code: number; text: string }>('fetch', [`${AIRCALL}redirect`]);
    expect(JSON.parse(result.text).path).toBe('/echo');
    expect(runtime.run('fetch', [`${AIRCALL}redirect`, { followRedirects: false }])).toMatchObject({ code: 302 });
  });

  it('returns signed bytes from getContent', () => {
    runtime.resetCounters();
    const bytes = runtime.run<number[]>('bytes', [`${AIRCALL}status/200?body=%C3%A9`]);
    expect(bytes).toEqual([-61, -87]);
  });

  it('refuses URLs outside the manifest allowlist, quoting them without the query', () => {
    expect(() => runtime.run('fetch', [`${server.url}/echo?secret=1`])).toThrow(
      `Request to ${server.url}/echo? failed because the URL has not been whitelisted in the script manifest.`,
    );
    expect(() => runtime.run('fetch', ['https://api.aircall.io.evil.example/echo'])).toThrow(
      'has not been whitelisted',
    );
  });

  it('checks the URL before anything else', () => {
    expect(() => runtime.run('fetch', [''])).toThrow('Attribute provided with no value: url');
    expect(() => runtime.run('fetch', [`${AIRCALL}echo?q=${'a'.repeat(2_100)}`])).toThrow(
      'Limit Exceeded: URLFetch URL Length.',
    );
  });

  it('throws network failures even with muteHttpExceptions, quoting the script URL', () => {
    const offline = createRuntime({
      distDir: scriptDir(SCRIPT),
      aircallUrl: 'http://127.0.0.1:9',
      fetchTimeoutMs: 1_000,
    });
    expect(() => offline.run('fetch', [`${AIRCALL}v1/calls?page=1`, { muteHttpExceptions: true }])).toThrow(
      'Address unavailable: https://api.aircall.io/v1/calls?page=1',
    );
    const unknownHost = createRuntime({ distDir: scriptDir(SCRIPT, {}, {}), fetchTimeoutMs: 2_000 });
    expect(() => unknownHost.run('fetch', ['http://no-such-host.invalid/x'])).toThrow(
      'DNS error: http://no-such-host.invalid/x',
    );
    expect(() => runtime.run('fetch', [`${AIRCALL}hang`, { muteHttpExceptions: true }])).toThrow(
      'Timeout: https://api.aircall.io/hang',
    );
  });

  it('runs fetchAll requests concurrently and answers in request order', () => {
    runtime.resetCounters();
    const delays = [300, 100, 300, 200, 300];
    const started = Date.now();
    const texts = runtime.run<string[]>('fetchAll', [delays.map((ms) => `${AIRCALL}delay/${ms}`)]);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(texts.map((text) => JSON.parse(text).delayed)).toEqual(delays);
    expect(runtime.counters.toJSON()).toMatchObject({ 'UrlFetchApp.fetchAll': 1, 'UrlFetchApp.request': 5 });
  });

  it('fails a whole fetchAll on its first unmuted error', () => {
    expect(() =>
      runtime.run('fetchAll', [
        [
          { url: `${AIRCALL}status/404?body=gone`, muteHttpExceptions: true },
          `${AIRCALL}status/429?body=slow`,
          `${AIRCALL}status/500?body=later`,
        ],
      ]),
    ).toThrow('returned code 429');
  });

  it('is refused from a simple trigger (LIMITED authorization)', () => {
    expect(() => runtime.run('fetch', [`${AIRCALL}echo`], { kind: 'simple-trigger' })).toThrow(
      'You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
    );
  });
});
