/** `npm start -- --once --dump FILE`, run as a person (or a script) would, in a child process. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Simulator, startSimulator } from '../../local/aircall-sim/index';
import type { WorkbookDump } from '../../local/preview/dump';
import { STATUS_STYLES } from '../../src/sheet/styles';

const STATUS_BACKGROUNDS = Object.values(STATUS_STYLES).map((style) => style.background);
const dir = mkdtempSync(join(tmpdir(), 'aircall-start-'));

function start(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'local/start.ts', ...args],
      { env: { ...process.env, AIRCALL_API_ID: '', AIRCALL_API_TOKEN: '', ...env }, timeout: 50_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Agent cells, found by the note the board writes on each: "Aircall user <id>". */
function agentCells(dump: WorkbookDump) {
  const board = dump.sheets.find((s) => s.name === 'Activity Tracker')!;
  return board.notes.flatMap((cells, r) =>
    cells.flatMap((note, c) =>
      /^Aircall user \d+/.test(note)
        ? [{ text: String(board.values[r][c]), background: board.backgrounds[r][c], weight: board.fontWeights[r][c] }]
        : [],
    ),
  );
}

describe('npm start --once --dump', () => {
  it('sets up, configures, maps and refreshes against the simulator, then writes every tab', async () => {
    const file = join(dir, 'small.json');
    const run = await start(['--preset', 'small', '--once', '--dump', file]);
    expect(run.stderr).not.toMatch(/problem|failed|Error/);
    expect(run.code).toBe(0);
    for (const step of ['Starting the simulated Aircall (small)', 'Setup…', 'Mapping users to numbers…', 'Refresh…'])
      expect(run.stdout).toContain(step);
    expect(run.stdout).toMatch(/Done: 20 users mapped/);

    const dump = JSON.parse(readFileSync(file, 'utf8')) as WorkbookDump;
    expect(dump.sheets.map((s) => s.name)).toContain('Activity Tracker');
    const agents = agentCells(dump);
    expect(agents.length).toBeGreaterThanOrEqual(20);
    for (const agent of agents) {
      expect(agent.text.trim()).not.toBe('');
      expect(STATUS_BACKGROUNDS).toContain(agent.background);
    }
    expect(dump.counters['UrlFetchApp.request']).toBeGreaterThan(0);
    expect(dump.counters['SpreadsheetApp.Range.setValues']).toBeGreaterThan(0);
  });

  describe('with --aircall-url', () => {
    let sim: Simulator;
    beforeAll(async () => {
      sim = await startSimulator({ preset: 'small', seed: 3, apiId: 'outside-id', apiToken: 'outside-token' });
    });
    afterAll(() => sim?.stop());

    it('sends the add-on’s requests to that server with the key from the environment', async () => {
      const file = join(dir, 'outside.json');
      const run = await start(['--aircall-url', sim.url, '--once', '--dump', file], {
        AIRCALL_API_ID: 'outside-id',
        AIRCALL_API_TOKEN: 'outside-token',
      });
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
      const shown = agentCells(JSON.parse(readFileSync(file, 'utf8'))).map((a) => a.text);
      const truth = await sim.truth({ calls: false });
      const missing = truth.users.filter((user) => !shown.some((text) => text.startsWith(user.name)));
      expect(missing.map((user) => user.name)).toEqual([]);
      expect((await sim.requests()).length).toBeGreaterThan(0);
    });

    it('exits non-zero and says what went wrong when the key is refused', async () => {
      const run = await start(['--aircall-url', sim.url, '--once', '--dump', join(dir, 'refused.json')], {
        AIRCALL_API_ID: 'outside-id',
        AIRCALL_API_TOKEN: 'wrong-token',
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/Finished with \d problem\(s\):/);
      expect(run.stderr).toMatch(/The board could not be refreshed/);
    });
  });

  it('exits non-zero with a plain message when the Aircall server cannot be reached', async () => {
    const run = await start(['--aircall-url', 'http://127.0.0.1:1', '--once', '--dump', join(dir, 'x.json')], {
      AIRCALL_API_ID: 'id',
      AIRCALL_API_TOKEN: 'token',
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      'Could not start the wallboard: Cannot reach the Aircall API at http://127.0.0.1:1 (connect ECONNREFUSED 127.0.0.1:1).',
    );
  });

  it('explains a wrong flag and shows the usage', async () => {
    const run = await start(['--preset', 'huge']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--preset must be small, medium or large, not "huge".');
    expect(run.stderr).toContain('Usage: npm start');
  });
});
