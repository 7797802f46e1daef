/** `npm run deploy`'s first step: the deployer's script id reaches an untracked .clasp.json, or a clear message. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';

const script = resolve(__dirname, '../../scripts/clasp-config.mjs');
const SCRIPT_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz_0123456789-abcdefghijklmnopq';
let dir = '';

function configure(env: Record<string, string> = {}) {
  dir = mkdtempSync(join(tmpdir(), 'clasp-'));
  return (existing?: string) => {
    if (existing !== undefined) writeFileSync(join(dir, '.clasp.json'), existing);
    const { CLASP_SCRIPT_ID: _, ...rest } = process.env;
    const result = spawnSync(process.execPath, [script], { cwd: dir, env: { ...rest, ...env }, encoding: 'utf8' });
    const file = join(dir, '.clasp.json');
    return {
      status: result.status,
      stderr: result.stderr,
      written: existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown) : null,
    };
  };
}
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('scripts/clasp-config.mjs', () => {
  it('writes .clasp.json from CLASP_SCRIPT_ID, pushing dist/', () => {
    const result = configure({ CLASP_SCRIPT_ID: ` ${SCRIPT_ID}\n` })();
    expect(result.status).toBe(0);
    expect(result.written).toEqual({ scriptId: SCRIPT_ID, rootDir: 'dist' });
  });

  it('keeps the script id of an earlier deploy', () => {
    const result = configure()(JSON.stringify({ scriptId: SCRIPT_ID, rootDir: 'elsewhere' }));
    expect(result.status).toBe(0);
    expect(result.written).toEqual({ scriptId: SCRIPT_ID, rootDir: 'dist' });
  });

  it('stops with what to run when no script id is known', () => {
    const result = configure()();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('CLASP_SCRIPT_ID=<script id> npm run deploy');
    expect(result.written).toBeNull();
  });

  it("refuses the old template's placeholder and anything that is not a script id", () => {
    const placeholder = configure()(JSON.stringify({ scriptId: 'REPLACE_WITH_YOUR_SCRIPT_ID', rootDir: 'dist' }));
    expect(placeholder.status).toBe(1);
    expect(placeholder.stderr).toContain('.clasp.json holds "REPLACE_WITH_YOUR_SCRIPT_ID"');
    rmSync(dir, { recursive: true, force: true });
    const url = configure({ CLASP_SCRIPT_ID: 'https://script.google.com/d/abc/edit' })();
    expect(url.status).toBe(1);
    expect(url.stderr).toContain('CLASP_SCRIPT_ID holds "https://script.google.com/d/abc/edit"');
    expect(url.written).toBeNull();
  });
});
