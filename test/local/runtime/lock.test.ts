import { describe, expect, it } from '@jest/globals';
import { manualClock } from '../../../local/runtime/clock';
import { createRuntime } from '../../../local/runtime/index';
import { scriptDir } from './support';

const SCRIPT = `
function tryDocument(ms) { var lock = LockService.getDocumentLock(); var got = lock.tryLock(ms); return [got, lock.hasLock()]; }
function waitScript(ms) { LockService.getScriptLock().waitLock(ms); return 'locked'; }
function release() { var lock = LockService.getScriptLock(); lock.waitLock(0); lock.releaseLock(); return lock.hasLock(); }
function lockThenAlert() {
  var lock = LockService.getScriptLock(); lock.waitLock(0);
  SpreadsheetApp.getUi().alert('Sure?');
  return lock.hasLock();
}
`;

describe('LockService', () => {
  it('acquires a free lock and releases it when the execution ends', () => {
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT) });
    expect(runtime.run('tryDocument', [0])).toEqual([true, true]);
    expect(runtime.run('tryDocument', [0])).toEqual([true, true]);
    expect(runtime.run('release')).toBe(false);
  });

  it('fails tryLock after waiting the timeout while another execution holds the lock', () => {
    const clock = manualClock();
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT), clock });
    runtime.holdLock('document', true);
    const before = clock.now();
    expect(runtime.run('tryDocument', [10_000])).toEqual([false, false]);
    expect(clock.now() - before).toBe(10_000);
    runtime.holdLock('document', false);
    expect(runtime.run('tryDocument', [0])).toEqual([true, true]);
  });

  it('throws the lock timeout text from waitLock', () => {
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT), clock: manualClock() });
    runtime.holdLock('script', true);
    expect(() => runtime.run('waitScript', [30_000])).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    expect(runtime.run('tryDocument', [0])).toEqual([true, true]);
  });

  it('loses its locks while an alert suspends the script', () => {
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT) });
    expect(runtime.run('lockThenAlert')).toBe(false);
  });
});
