/**
 * Real UrlFetchApp round trips from the context that loaded dist/Code.js to the simulated Aircall,
 * failing exactly as Apps Script fails (docs/apps-script-notes.md#urlfetchapp).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Simulator, startSimulator } from '../../local/aircall-sim/index';
import { createRuntime, type Runtime, simulatorClock } from '../../local/runtime/index';

describe('UrlFetchApp against the simulated Aircall', () => {
  let sim: Simulator;
  let runtime: Runtime;
  const auth = () => `'Basic ' + Utilities.base64Encode('${sim.apiId}:${sim.apiToken}')`;
  const fetchUsers = (extra = '') =>
    `UrlFetchApp.fetch('https://api.aircall.io/v1/users?per_page=1', { headers: { Authorization: ${auth()} }${extra} })`;

  beforeAll(async () => {
    // The runtime's UrlFetchApp is what is under test: the simulator answers as Aircall did before 2026-10.
    sim = await startSimulator({ preset: 'small', rateLimit: 3, userV1: 'served', rateHeaders: 'always' });
    runtime = createRuntime({ aircallUrl: sim.url, clock: simulatorClock(sim.url) });
  });
  afterAll(async () => {
    runtime?.dispose();
    await sim?.stop();
  });

  it('reads a page with its rate-limit headers', () => {
    const answer = runtime.runSnippet<{ code: number; users: number; limit: string }>(
      `(() => { const r = ${fetchUsers()}; return { code: r.getResponseCode(), users: JSON.parse(r.getContentText()).users.length, limit: r.getHeaders()['X-AircallApi-Limit'] }; })()`,
    );
    expect(answer).toEqual({ code: 200, users: 1, limit: '3' });
  });

  it('a 429 throws Apps Script’s own text: the origin only, then the body', () => {
    runtime.runSnippet(`${fetchUsers()}; ${fetchUsers()}`); // the 2nd and 3rd of 3 a minute
    expect(() => runtime.runSnippet(fetchUsers())).toThrow(
      'Request failed for https://api.aircall.io returned code 429. Truncated server response: {"error":"Too Many Requests","troubleshoot":"The API rate limit is 3 requests per minute per company; wait for X-AircallApi-Reset"} (use muteHttpExceptions option to examine full response)',
    );
    const muted = runtime.runSnippet<number>(`${fetchUsers(', muteHttpExceptions: true')}.getResponseCode()`);
    expect(muted).toBe(429);
  });

  it('a 403 throws "Request failed … returned code 403" with Aircall’s body', async () => {
    await sim.advance(60_000);
    await sim.revokeKey();
    let message = '';
    try {
      runtime.runSnippet(fetchUsers());
    } catch (error) {
      message = String(error);
    }
    await sim.restoreKey();
    expect(message).toBe(
      'Exception: Request failed for https://api.aircall.io returned code 403. Truncated server response: {"message":"Forbidden"} (use muteHttpExceptions option to examine full response)',
    );
  });

  it('refuses a URL outside the manifest’s urlFetchWhitelist', () => {
    expect(() => runtime.runSnippet(`UrlFetchApp.fetch('https://example.com/x?y=1')`)).toThrow(
      'Request to https://example.com/x? failed because the URL has not been whitelisted in the script manifest.',
    );
  });
});
