/**
 * The page's HTTP server, on 127.0.0.1 only. The runtime is synchronous, so a menu click or a
 * sidebar call holds the server until its execution ends, just as Sheets waits for the script.
 *
 *   GET  /                  the page          GET  /api/version  changes when anything may have changed
 *   GET  /page.js           its script        GET  /api/state    PreviewState
 *   GET  /panel/sidebar/N   Nth sidebar       POST /api/menu     {fn}: runs a menu item
 *   GET  /panel/dialog/N    Nth dialog        POST /api/select   {sheet, a1}: a click on cells or a tab
 *                                             POST /api/rpc      {fn, args}: google.script.run
 *                                             GET  /api/outbox   emails and Chat messages the alerts sent
 *   GET  /tv?teams=&lines=  TV mode (doGet)
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { Runtime } from '../runtime/index.js';
import type { MenuEntry } from '../runtime/ui.js';
import { answerRpc, withScriptRunBridge } from './sidebar-bridge.js';
import { previewState } from './state.js';

export interface Preview {
  url: string;
  close(): Promise<void>;
}

const PAGE_DIR = new URL('./page/', import.meta.url);
const MAX_BODY_BYTES = 1_000_000;

/** The page script, bundled once at start from local/preview/page/main.ts. */
async function bundlePageScript(): Promise<string> {
  const result = await build({
    entryPoints: [new URL('main.ts', PAGE_DIR).pathname],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

function menuFunctions(entries: MenuEntry[]): string[] {
  return entries.flatMap((e) => (e.submenu ? menuFunctions(e.submenu.items) : e.functionName ? [e.functionName] : []));
}

function readJson(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) request.destroy(new Error('Request too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'));
      } catch {
        reject(new Error('Malformed JSON'));
      }
    });
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
  response.end(body);
}
const sendJson = (response: ServerResponse, body: unknown, status = 200) =>
  send(response, status, 'application/json', JSON.stringify(body));

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** `outbox`: what the alerts sent (local MailApp, local Chat webhook), for GET /api/outbox. */
export async function servePreview(
  runtime: Runtime,
  port: number,
  outbox: () => Promise<unknown> = async () => ({ mail: [], chat: [] }),
): Promise<Preview> {
  const pageHtml = readFileSync(new URL('index.html', PAGE_DIR), 'utf8');
  const pageScript = await bundlePageScript();
  /** Selections change nothing the runtime counts, so they have their own counter. */
  let selections = 0;
  const version = () => `${runtime.executions.length}.${selections}`;

  const routes: Record<string, (request: IncomingMessage, response: ServerResponse) => Promise<void> | void> = {
    'GET /': (_, response) => send(response, 200, 'text/html', pageHtml),
    'GET /favicon.ico': (_, response) => {
      response.writeHead(204).end();
    },
    'GET /page.js': (_, response) => send(response, 200, 'text/javascript', pageScript),
    'GET /api/version': (_, response) => sendJson(response, { version: version() }),
    'GET /api/state': (_, response) => sendJson(response, previewState(runtime, version())),
    'GET /api/outbox': async (_, response) => sendJson(response, await outbox()),
    'POST /api/menu': async (request, response) => {
      const { fn } = ((await readJson(request)) ?? {}) as { fn?: unknown };
      // Only what the add-on put in its menus can be run from the page.
      if (typeof fn !== 'string' || !runtime.ui.menus.some((m) => menuFunctions(m.items).includes(fn))) {
        sendJson(response, { ok: false, message: `No menu item runs "${String(fn)}"` }, 400);
        return;
      }
      try {
        runtime.run(fn, [], { kind: 'menu' });
        sendJson(response, { ok: true });
      } catch (error) {
        sendJson(response, { ok: false, message: messageOf(error) });
      }
    },
    'POST /api/select': async (request, response) => {
      const { sheet, a1 } = ((await readJson(request)) ?? {}) as { sheet?: unknown; a1?: unknown };
      try {
        // A tab click keeps that tab's own selection, as in Sheets.
        const ranges = a1 ?? runtime.spreadsheet.sheetByName(String(sheet))?.selection.join(',') ?? 'A1';
        // Fires the script's onSelectionChange(e), if it has one, as Sheets does.
        runtime.select(String(sheet), String(ranges));
        selections++;
        sendJson(response, { ok: true });
      } catch (error) {
        sendJson(response, { ok: false, message: messageOf(error) }, 400);
      }
    },
    'POST /api/rpc': async (request, response) =>
      sendJson(
        response,
        answerRpc((fn, args) => runtime.callFromClient(fn, args), await readJson(request)),
      ),
  };

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const panel = /^\/panel\/(sidebar|dialog)\/(\d+)$/.exec(path);
    if (request.method === 'GET' && panel) {
      const record = (panel[1] === 'sidebar' ? runtime.ui.sidebars : runtime.ui.dialogs)[Number(panel[2])];
      if (record) send(response, 200, 'text/html', withScriptRunBridge(record.html));
      else send(response, 404, 'text/plain', 'No such panel');
      return;
    }
    if (request.method === 'GET' && path === '/tv') {
      // TV mode: the web app's page (doGet) as Apps Script serves it, its URL parameters as e.parameter.
      const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
      const parameter = Object.fromEntries(query);
      try {
        const page = runtime.run<{ getContent(): string }>('doGet', [{ parameter, queryString: query.toString() }], {
          kind: 'webapp',
        });
        send(response, 200, 'text/html', withScriptRunBridge(page.getContent()));
      } catch (error) {
        send(response, 500, 'text/plain', messageOf(error));
      }
      return;
    }
    const route = routes[`${request.method} ${path}`];
    if (!route) {
      send(response, 404, 'text/plain', 'Not found');
      return;
    }
    Promise.resolve(route(request, response)).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, { ok: false, message: messageOf(error) }, 400);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
