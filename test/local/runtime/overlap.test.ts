/**
 * Overlapping and killed executions (local/runtime/overlap.ts). Apps Script runs executions of
 * several users, triggers and sidebars at once and kills one at its time limit between service
 * calls, keeping what it wrote (developers.google.com/apps-script/guides/services/quotas, "Script
 * runtime"; docs/apps-script-notes.md#execution-time).
 */
import { describe, expect, it } from '@jest/globals';
import { createRuntime, type ServiceCall } from '../../../local/runtime/index';
import { scriptDir } from './support';

const SCRIPT = `
function increment() {
  var props = PropertiesService.getScriptProperties();
  var n = Number(props.getProperty('n') || 0);
  props.setProperty('n', String(n + 1));
  return n + 1;
}
function count() { return PropertiesService.getScriptProperties().getProperty('n'); }
function writeRows() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sheet.getRange(1, 1).setValue('a');
  sheet.getRange(2, 1).setValue('b');
  sheet.getRange(3, 1).setValue('c');
  return 'done';
}
function writeRowsCatching() { try { return writeRows(); } catch (e) { return 'caught'; } }
`;

const column = (runtime: ReturnType<typeof createRuntime>) => {
  const rows = runtime.spreadsheet.snapshot(runtime.spreadsheet.sheetNames()[0]).displayValues;
  return [0, 1, 2].map((r) => rows[r]?.[0] ?? '');
};

describe('overlapping executions', () => {
  it('records every service call of a run in order, as interleave and kill points', () => {
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT) });
    runtime.run('increment');
    expect(runtime.executions.at(-1)?.calls).toEqual([
      'PropertiesService.getScriptProperties',
      'PropertiesService.Properties.getProperty',
      'PropertiesService.Properties.setProperty',
    ]);
  });

  it('a second execution started between the read and the write loses the first one’s update', () => {
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT) });
    const seen: ServiceCall[] = [];
    const result = runtime.run('increment', [], {
      kind: 'trigger',
      at: (call) => call.method === 'setProperty',
      interleave: (call) => {
        seen.push(call);
        expect(runtime.callFromClient('increment', [], 'lead@example.com')).toBe(1);
      },
    });
    expect(result).toBe(1);
    expect(runtime.run('count')).toBe('1'); // two increments, one lost
    expect(seen).toEqual([
      {
        index: 2,
        service: 'PropertiesService',
        method: 'setProperty',
        name: 'PropertiesService.Properties.setProperty',
      },
    ]);
    expect(runtime.executions.map((e) => [e.name, e.kind])).toEqual([
      ['increment', 'trigger'],
      ['increment', 'sidebar'],
      ['count', 'menu'],
    ]);
  });

  it('interleaves at a call index, once, and the same increments done one after the other add up', () => {
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT) });
    let interleaves = 0;
    runtime.run('increment', [], {
      at: { call: 0 },
      interleave: () => {
        interleaves += 1;
        runtime.run('increment', [], { user: 'other@example.com' });
      },
    });
    expect(interleaves).toBe(1);
    expect(runtime.run('count')).toBe('2');
  });

  it('rethrows what the interleaved code threw once the paused execution is over', () => {
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT) });
    expect(() => runtime.run('increment', [], { at: { call: 1 }, interleave: () => runtime.run('missing') })).toThrow(
      'Script function not found: missing',
    );
    expect(runtime.run('count')).toBe('1'); // the paused execution still finished
  });
});

describe('killed executions', () => {
  it('kills at a chosen call with the time-limit message, keeping what was written before it', () => {
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT) });
    let secondWrite = 0;
    expect(() =>
      runtime.run('writeRows', [], {
        killAt: (call) => call.method === 'setValue' && ++secondWrite === 2,
      }),
    ).toThrow('Exceeded maximum execution time');
    expect(column(runtime)).toEqual(['a', '', '']);
    expect(runtime.executions.at(-1)?.error).toBe('Exceeded maximum execution time');
  });

  it('a script that catches the kill still fails and writes nothing more', () => {
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT) });
    expect(() => runtime.run('writeRowsCatching', [], { killAt: { call: 4 } })).toThrow(
      'Exceeded maximum execution time',
    );
    expect(column(runtime)).toEqual(['a', '', '']);
  });

  it('every recorded call is a kill point: each later point leaves at least as much written', () => {
    const reference = createRuntime({ distDir: scriptDir(SCRIPT) });
    reference.run('writeRows');
    const calls = reference.executions[0].calls;
    const written = calls.map((_, index) => {
      const runtime = createRuntime({ distDir: scriptDir(SCRIPT) });
      expect(() => runtime.run('writeRows', [], { killAt: { call: index } })).toThrow(
        'Exceeded maximum execution time',
      );
      expect(runtime.executions[0].calls).toHaveLength(index + 1);
      return column(runtime).filter(Boolean).length;
    });
    expect(calls).toHaveLength(8);
    expect(written).toEqual([0, 0, 0, 0, 1, 1, 2, 2]);
  });

  it('a sidebar call can be killed too, and its failure handler gets the message', () => {
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT) });
    expect(() => runtime.callFromClient('increment', [], undefined, { killAt: { call: 2 } })).toThrow(
      'Exceeded maximum execution time',
    );
    expect(runtime.run('count')).toBeNull();
  });
});
