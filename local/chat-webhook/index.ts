/**
 * Parent-side handle on the local Google Chat webhook receiver (server.ts, in a child process).
 * The add-on is given `webhookUrl` — a real-looking https://chat.googleapis.com/… URL — and the
 * local runtime routes chat.googleapis.com to `url` (RuntimeOptions.chatUrl).
 */
import { fileURLToPath } from 'node:url';
import { startChildServer } from '../child-server.js';
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
const DEFAULTS: ChatWebhookOptions = { space: 'AAAAlocalSpace', key: 'local-chat-key', token: 'local-chat-token-4f9c' };

export async function startChatWebhook(options: Partial<ChatWebhookOptions> = {}): Promise<ChatWebhook> {
  const settings = { ...DEFAULTS, ...options };
  const { url, control, stop } = await startChildServer({
    name: 'chat-webhook',
    serverPath: SERVER_PATH,
    optionsEnv: 'CHAT_WEBHOOK_OPTIONS',
    options: settings,
    controlPrefix: '__chat',
  });
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
    stop,
  };
}
