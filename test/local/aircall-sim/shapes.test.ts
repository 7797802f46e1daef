/** Contract: what the simulator answers has every key of the documented sample payloads, with the same JSON types. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { handleApi } from '../../../local/aircall-sim/api.js';
import { Simulation } from '../../../local/aircall-sim/simulation.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/aircall/${name}.json`, import.meta.url), 'utf8'));

function kind(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** Keys Aircall leaves out of some objects: `teams` is given on inbound calls only. */
const omitted = (object: Record<string, unknown>, key: string) => key === 'teams' && object.direction === 'outbound';

/** Null on either side is allowed (nullable fields); arrays compare the sample's first item with every item. */
function expectSameShape(sample: unknown, actual: unknown, at: string): void {
  if (sample === null || actual === null) return;
  expect({ at, kind: kind(actual) }).toEqual({ at, kind: kind(sample) });
  if (Array.isArray(sample) && Array.isArray(actual)) {
    if (sample.length === 0) return;
    for (const [i, item] of actual.entries()) expectSameShape(sample[0], item, `${at}[${i}]`);
  } else if (kind(sample) === 'object') {
    const object = actual as Record<string, unknown>;
    for (const [key, value] of Object.entries(sample as Record<string, unknown>)) {
      if (omitted(object, key) && !(key in object)) continue;
      expect({ at, keys: Object.keys(object) }).toEqual({ at, keys: expect.arrayContaining([key]) });
      expectSameShape(value, object[key], `${at}.${key}`);
    }
  }
}

const sim = new Simulation({ preset: 'small' });
const answer = (path: string, userV1Served = false) => {
  const url = new URL(path, 'http://sim');
  return handleApi(
    sim.center,
    { method: 'GET', path: url.pathname, params: url.searchParams, contentType: '', body: '' },
    { recordCap: 10_000, userV1Served },
  ).body;
};

describe.each([
  ['users', '/v2/users', false],
  ['user-v2', '/v2/users/1001', false],
  ['user-numbers', '/v2/users/1001/numbers', false],
  ['teams', '/v1/teams', false],
  ['user', '/v1/users/1001', true],
  ['numbers', '/v1/numbers', false],
  ['availabilities', '/v1/users/availabilities', false],
  ['calls', '/v1/calls?order=desc&per_page=50', false],
])('the %s sample payload', (name, path, userV1Served) => {
  it(`matches ${path}${userV1Served ? ' (User V1 served)' : ''}`, () => {
    const sample = fixture(name as string);
    const actual = answer(path as string, userV1Served as boolean);
    expect(Object.keys(actual as object).sort()).toEqual(Object.keys(sample).sort());
    expectSameShape(sample, actual, name);
  });
});

it('calls carry teams when inbound and omit the field when outbound', () => {
  const { calls } = answer('/v1/calls?order=desc&per_page=50') as { calls: Record<string, unknown>[] };
  const inbound = calls.filter((call) => call.direction === 'inbound');
  const outbound = calls.filter((call) => call.direction === 'outbound');
  expect(inbound.length).toBeGreaterThan(0);
  expect(outbound.length).toBeGreaterThan(0);
  for (const call of inbound) expect(Array.isArray(call.teams)).toBe(true);
  for (const call of outbound) expect('teams' in call).toBe(false);
});

it('a User V2 carries no numbers', () => {
  expect(fixture('user-v2').user.numbers).toBeUndefined();
  expect((answer('/v2/users/1001') as { user: Record<string, unknown> }).user.numbers).toBeUndefined();
});

it('the shape check notices a missing key and a changed type', () => {
  const sample = fixture('calls');
  const call = { ...sample.calls[0] };
  delete call.raw_digits;
  expect(() => expectSameShape(sample, { ...sample, calls: [call] }, 'calls')).toThrow(/raw_digits/);
  expect(() => expectSameShape(sample, { ...sample, calls: [{ ...sample.calls[0], duration: '0' }] }, 'c')).toThrow();
});
