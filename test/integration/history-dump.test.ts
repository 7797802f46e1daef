/** `npm start -- --once --refreshes N --dump FILE`: History, Today and Daily tabs and the Today charts in the dump. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { WorkbookDump } from '../../local/preview/dump';
import { parseStartOptions, UsageError } from '../../local/preview/options';

function start(args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'local/start.ts', ...args],
      { env: { ...process.env, AIRCALL_API_ID: '', AIRCALL_API_TOKEN: '' }, timeout: 90_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm start --once --refreshes N --dump', () => {
  it('reads --refreshes only with --once', () => {
    expect(parseStartOptions(['--once', '--dump', 'x.json', '--refreshes', '4']).refreshes).toBe(4);
    expect(parseStartOptions([]).refreshes).toBe(1);
    expect(() => parseStartOptions(['--refreshes', '3'])).toThrow(UsageError);
    expect(() => parseStartOptions(['--once', '--dump', 'x', '--refreshes', '0'])).toThrow(/--refreshes 0/);
  });

  it('runs N refreshes a simulated minute apart and dumps History, Today, Daily and the charts', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'aircall-history-')), 'dump.json');
    const run = await start(['--preset', 'small', '--once', '--refreshes', '4', '--dump', file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const dump = JSON.parse(readFileSync(file, 'utf8')) as WorkbookDump;
    const tab = (name: string) => dump.sheets.find((s) => s.name === name)!;
    expect(dump.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['History', 'Today', 'Daily']));

    const [header, ...rows] = tab('History').values;
    expect(header.slice(0, 5)).toEqual(['Time', 'Available', 'On a call', 'Waiting', 'Abandon %']);
    const times = rows.map((row) => Date.parse(String(row[0])));
    expect(times.map((t) => t - times[0])).toEqual([0, 60_000, 120_000, 180_000]);

    expect(tab('Daily').values[0][0]).toBe('Date');
    expect(tab('Today').charts.map((c) => [c.type, c.ranges[0], c.options.title])).toEqual([
      ['LINE', 'Today!A2:A26', 'Callers waiting (avg) and longest wait (s), by hour'],
      ['COLUMN', 'Today!A2:A26', 'Answered vs missed calls per hour'],
      ['LINE', 'Today!A2:A26', 'SLA % per hour'],
      ['AREA', 'Today!A2:A26', 'Agents staffed vs callers waiting (avg per hour)'],
    ]);
    // Four snapshots went into the Today table, all in the current hour or the one before.
    const snapshots = tab('Today')
      .values.slice(2, 26)
      .reduce((sum, row) => sum + Number(row[7]), 0);
    expect(snapshots).toBe(4);
  }, 120_000);
});
