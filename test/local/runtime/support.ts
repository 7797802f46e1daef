/** Helpers for the runtime tests: tiny script folders and a loopback server in a child process. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DEFAULT_MANIFEST = { timeZone: 'Europe/Paris', urlFetchWhitelist: ['https://api.aircall.io/'] };

/** A dist-like folder holding Code.js, appsscript.json and any HTML files. */
export function scriptDir(
  code: string,
  files: Record<string, string> = {},
  manifest: object = DEFAULT_MANIFEST,
): string {
  const dir = mkdtempSync(join(tmpdir(), 'gas-runtime-'));
  writeFileSync(join(dir, 'Code.js'), code);
  writeFileSync(join(dir, 'appsscript.json'), JSON.stringify(manifest));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

export interface EchoServer {
  url: string;
  stop(): void;
}

export async function startEchoServer(): Promise<EchoServer> {
  const child: ChildProcess = spawn(process.execPath, ['test/fixtures/echo-server.mjs'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout?.once('data', (data: Buffer) => resolve(data.toString().trim()));
    child.once('error', reject);
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}
