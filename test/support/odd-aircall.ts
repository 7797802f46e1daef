/** Starts test/support/odd-aircall.mjs in front of a simulator: Aircall answers with odd records. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface OddRule {
  /** Requests whose path starts with this. */
  path: string;
  /** The answer's array (or object) holding the records: "teams", "calls", "user"… */
  key: string;
  /** A field of each record, dotted for nested ones: "name", "user.name". */
  field: string;
  value?: unknown;
  /** The field becomes `text` repeated `times` times. */
  text?: string;
  times?: number;
  remove?: boolean;
  /** Only the record at this position. */
  index?: number;
}

export interface OddAircall {
  url: string;
  setRules(rules: OddRule[]): Promise<void>;
  stop(): Promise<void>;
}

const SCRIPT = fileURLToPath(new URL('./odd-aircall.mjs', import.meta.url));

export async function startOddAircall(target: string): Promise<OddAircall> {
  const child: ChildProcess = spawn(process.execPath, [SCRIPT], {
    env: { ...process.env, ODD_AIRCALL_TARGET: target },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`odd-aircall exited (code ${code})`)));
    createInterface({ input: child.stdout! }).once('line', (line) =>
      resolve((JSON.parse(line) as { port: number }).port),
    );
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    async setRules(rules) {
      const post = () => fetch(`${url}/__odd/rules`, { method: 'POST', body: JSON.stringify(rules) });
      // An idle kept-alive socket the proxy just closed fails once: a second try opens a new one.
      const response = await post().catch(post);
      if (!response.ok) throw new Error(`odd-aircall rules: ${response.status}`);
    },
    async stop() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill();
      await exited;
    },
  };
}
