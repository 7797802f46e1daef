import { describe, expect, it } from '@jest/globals';
import { manualClock } from '../../../local/runtime/clock';
import { createRuntime } from '../../../local/runtime/index';
import { scriptDir } from './support';

const SCRIPT = `
function encode(text) { return [Utilities.base64Encode(text), Utilities.base64EncodeWebSafe('??>')]; }
function decode(b64) { return Utilities.base64Decode(b64); }
function roundTrip(text) { return Utilities.newBlob(Utilities.base64Decode(Utilities.base64Encode(text))).getDataAsString(); }
function paris() { return Utilities.formatDate(new Date(), 'Europe/Paris', 'HH:mm:ss'); }
function badDate() { return Utilities.formatDate('2026-01-01', 'UTC', 'yyyy'); }
function format() { return Utilities.formatString('%s has %d calls (%.1f%%) %05d', 'Ana', 12, 37.54, 42); }
function nap(ms) { Utilities.sleep(ms); return Date.now(); }
function digest() { return Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc').slice(0, 4); }
function zone() { return Session.getScriptTimeZone(); }
`;

describe('Utilities', () => {
  const clock = manualClock(Date.UTC(2026, 6, 14, 20, 5, 9));
  const runtime = createRuntime({ distDir: scriptDir(SCRIPT), clock });

  it('base64-encodes UTF-8 and decodes to signed bytes', () => {
    expect(runtime.run('encode', ['café'])).toEqual(['Y2Fmw6k=', 'Pz8-']);
    expect(runtime.run('decode', ['w6k='])).toEqual([-61, -87]);
    expect(runtime.run('roundTrip', ['été'])).toBe('été');
  });

  it('formats the runtime clock in the script time zone', () => {
    expect(runtime.run('zone')).toBe('Europe/Paris');
    expect(runtime.run('paris')).toBe('22:05:09');
  });

  it('refuses a string where formatDate wants a Date, with the signature message', () => {
    expect(() => runtime.run('badDate')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });

  it('formats strings the Java way', () => {
    expect(runtime.run('format')).toBe('Ana has 12 calls (37.5%) 00042');
  });

  it('sleeps on the runtime clock, at most 5 minutes', () => {
    const before = clock.now();
    expect(runtime.run('nap', [1_500])).toBe(before + 1_500);
    expect(() => runtime.run('nap', [300_001])).toThrow('Argument too large: milliseconds');
  });

  it('computes digests as signed bytes', () => {
    // MD5("abc") = 90 01 50 98 …
    expect(runtime.run('digest')).toEqual([-112, 1, 80, -104]);
  });
});
