/**
 * Parent-side handle on the local Google Chat webhook receiver (server.ts, in a child process).
 * The add-on is given `webhookUrl` — a real-looking https://chat.googleapis.com/… URL — and the
 * local runtime routes chat.googleapis.com to `url` (RuntimeOptions.chatUrl).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ChatMessage, ChatWebhookOptions } from './types.js';

export type { ChatMessage, ChatWebhookOptions } from './types.js';

export interface ChatWebhook {
  /** http://127.0.0.1:PORT: where the runtime sends https://chat.googleapis.com/… */
  url: string;
  /** The incoming webhook URL to paste in Configure › Alerts. */
  webhookUrl: string;
  messages(): Promise<ChatMessage[]>;
  clear(): Promise<void>;
  /** The next `count` posts are answered with `status` (a failing Chat). */
  fail(status: number, count: number): Promise<void>;
  stop(): Promise<void>;
}

const SERVER_PATH = fileURLToPath(new URL('./server.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEFAULTS: ChatWebhookOptions = { space: 'AAAAlocalSpace', key: 'local-chat-key', token: 'local-chat-token-4f9c' };

function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const failed = (code: number | null) => reject(new Error(`chat-webhook exited (code ${code}) before it was ready`));
    child.once('exit', failed);
    child.once('error', reject);
    lines.once('line', (line) => {
      child.off('exit', failed);
      lines.close();
      resolve((JSON.parse(line) as { port: number }).port);
    });
  });
}

export async function startChatWebhook(options: Partial<ChatWebhookOptions> = {}): Promise<ChatWebhook> {
  const settings = { ...DEFAULTS, ...options };
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_PATH], {
    cwd: REPO_ROOT,
    env: { ...process.env, CHAT_WEBHOOK_OPTIONS: JSON.stringify(settings) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await waitForPort(child);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${url}/__chat/${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`chat-webhook ${method} ${path}: ${response.status}`);
    return (await response.json()) as T;
  }
  return {
    url,
    webhookUrl: `https://chat.googleapis.com/v1/spaces/${settings.space}/messages?key=${settings.key}&token=${settings.token}`,
    messages: () => control('GET', 'messages'),
    clear: async () => {
      await control('DELETE', 'messages');
    },
    fail: async (status, count) => {
      await control('POST', 'fail', { status, count });
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.stdin?.end();
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
