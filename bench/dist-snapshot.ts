/**
 * The bench runs its own copy of dist/. The local runtime loads dist/Code.js afresh for every
 * execution, and `node build.mjs` deletes dist/ before writing it again: a build run meanwhile
 * (another terminal, a test run) made a whole operation of the bench fail with "Script function
 * not found" halfway through, or mix two builds in one measurement.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const ATTEMPTS = 20;
const RETRY_MS = 500;

export interface DistSnapshot {
  dir: string;
  dispose(): void;
}

/** A build is complete once the manifest, copied last, is there and Code.js ends with its entry points. */
function complete(dir: string): boolean {
  const code = join(dir, 'Code.js');
  if (!existsSync(join(dir, 'appsscript.json')) || !existsSync(code)) return false;
  return /\nfunction \w+\(\.\.\.args\) \{[^\n]*\}\n$/.test(readFileSync(code, 'utf8'));
}

/** Copies dist/ once a complete build is there, and checks the copy matches what dist/ still holds. */
export async function snapshotDist(): Promise<DistSnapshot> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    if (complete(DIST)) {
      const dir = mkdtempSync(join(tmpdir(), 'bench-dist-'));
      cpSync(DIST, dir, { recursive: true });
      const same =
        complete(dir) &&
        existsSync(join(DIST, 'Code.js')) &&
        readFileSync(join(dir, 'Code.js'), 'utf8') === readFileSync(join(DIST, 'Code.js'), 'utf8');
      if (same) return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
      rmSync(dir, { recursive: true, force: true });
    }
    await sleep(RETRY_MS);
  }
  throw new Error('dist/ is missing or incomplete: run `node build.mjs` (npm run bench does) and try again');
}
