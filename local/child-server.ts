/**
 * A local stand-in server (the simulated Aircall, the Chat webhook receiver) in a child process of its
 * own: the runtime's synchronous UrlFetchApp blocks this thread, so a server on it could never answer.
 * The child prints {"port":N} on its first stdout line once it listens; tests drive it over HTTP.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The repository root, where `--import tsx` resolves. */
const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface ChildServer {
  url: string;
  port: number;
  /** A JSON request to the server's control endpoints (`${url}/${controlPrefix}/${path}`). */
  control<T>(method: string, path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

function waitForPort(child: ChildProcess, name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const failed = (code: number | null) => reject(new Error(`${name} exited (code ${code}) before it was ready`));
    child.once('exit', failed);
    child.once('error', reject);
    lines.once('line', (line) => {
      child.off('exit', failed);
      lines.close();
      resolve((JSON.parse(line) as { port: number }).port);
    });
  });
}

/** Starts `serverPath` with its options as JSON in the environment variable `optionsEnv`. */
export async function startChildServer(spec: {
  name: string;
  serverPath: string;
  optionsEnv: string;
  options: unknown;
  controlPrefix: string;
}): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', spec.serverPath], {
    cwd: REPO_ROOT,
    env: { ...process.env, [spec.optionsEnv]: JSON.stringify(spec.options) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await waitForPort(child, spec.name);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    port,
    async control<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${url}/${spec.controlPrefix}/${path}`, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${spec.name} ${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.stdin?.end();
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
