/**
 * A Google Chat space's incoming webhook, locally: POST /v1/spaces/SPACE/messages?key=…&token=…
 * with {"text": …} records the message and answers like Chat (the created message as JSON). It
 * runs in its own process because the local Apps Script runtime blocks its caller on synchronous
 * HTTP. Control endpoints under /__chat/: GET messages, DELETE messages, POST fail {status, count}.
 * Prints {"port": N} on stdout once listening; stops when stdin closes.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatMessage, ChatWebhookOptions } from './types.js';

const options = JSON.parse(process.env.CHAT_WEBHOOK_OPTIONS ?? '{}') as ChatWebhookOptions;
const messages: ChatMessage[] = [];
/** Answers the next `count` webhook posts with `status` (a failing Chat). */
let failure: { status: number; count: number } | null = null;
const MAX_BODY_BYTES = 32_000;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8' });
  response.end(JSON.stringify(body));
}

/** Chat's error shape: {"error": {"code", "message", "status"}}. */
const chatError = (response: ServerResponse, code: number, status: string, message: string) =>
  json(response, code, { error: { code, message, status } });

async function webhook(request: IncomingMessage, response: ServerResponse, url: URL, space: string): Promise<void> {
  const body = await readBody(request);
  if (
    url.searchParams.get('key') !== options.key ||
    url.searchParams.get('token') !== options.token ||
    space !== options.space
  ) {
    chatError(response, 401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.');
    return;
  }
  if (failure && failure.count > 0) {
    failure.count--;
    const { status } = failure;
    if (failure.count === 0) failure = null;
    chatError(response, status, 'INTERNAL', 'Internal error encountered.');
    return;
  }
  let text: unknown;
  try {
    text = (JSON.parse(body) as { text?: unknown }).text;
  } catch {
    chatError(response, 400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.');
    return;
  }
  if (typeof text !== 'string' || text === '') {
    chatError(response, 400, 'INVALID_ARGUMENT', 'Message cannot be empty.');
    return;
  }
  const name = `spaces/${space}/messages/local${messages.length + 1}`;
  messages.push({ name, text, receivedAtMs: Date.now() });
  json(response, 200, { name, text, space: { name: `spaces/${space}` }, createTime: new Date().toISOString() });
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const route = `${request.method} ${url.pathname}`;
  const post = /^\/v1\/spaces\/([^/]+)\/messages$/.exec(url.pathname);
  if (request.method === 'POST' && post) {
    webhook(request, response, url, post[1]).catch(() =>
      chatError(response, 500, 'INTERNAL', 'Internal error encountered.'),
    );
    return;
  }
  if (route === 'GET /__chat/messages') json(response, 200, messages);
  else if (route === 'DELETE /__chat/messages') {
    messages.length = 0;
    json(response, 200, { ok: true });
  } else if (route === 'POST /__chat/fail') {
    readBody(request).then(
      (body) => {
        const { status = 500, count = 1 } = JSON.parse(body || '{}') as { status?: number; count?: number };
        failure = count > 0 ? { status, count } : null;
        json(response, 200, { ok: true });
      },
      () => json(response, 400, { ok: false }),
    );
  } else chatError(response, 404, 'NOT_FOUND', 'Requested entity was not found.');
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.resume();
