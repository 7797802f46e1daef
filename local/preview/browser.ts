/**
 * Starts `local/start.ts` in a child process and opens its page in Debian's headless chromium
 * (never a downloaded browser): for `npm run screenshot` and the browser tests.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const START = fileURLToPath(new URL('../start.ts', import.meta.url));
const URL_LINE = /^Wallboard on (http:\/\/\S+)$/;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface RunningPreview {
  url: string;
  /** Everything it printed so far (stdout and stderr). */
  output: string[];
  stop(): Promise<void>;
}

/** Resolves once the page is served; rejects with its output if it exits first. */
export function startPreviewProcess(args: string[]): Promise<RunningPreview> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', START, ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`npm start exited (code ${code}):\n${output.join('\n')}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      const url = URL_LINE.exec(line)?.[1];
      if (url) resolve({ url, output, stop });
    });
  });
}
