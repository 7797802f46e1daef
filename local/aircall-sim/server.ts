/**
 * Child-process entry of the simulated Aircall: an HTTP server on 127.0.0.1 that the product's synchronous
 * UrlFetchApp can call while the parent's main thread is blocked.
 *
 * Start: `node --import tsx local/aircall-sim/server.ts` with SimulatorOptions as JSON in the AIRCALL_SIM_OPTIONS
 * environment variable or as the first argument. Prints one line `{"ready":true,"port":N}` when listening, and exits
 * when its parent goes away (stdin closed or IPC disconnect).
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { handleApi } from './api.js';
import { CONTROL_PREFIX, handleControl } from './control.js';
import { Simulation } from './simulation.js';
import type { Fault, SimulatorOptions } from './types.js';

type Send = (status: number, body: unknown, headers?: Record<string, string>) => void;

const options: SimulatorOptions = JSON.parse(process.env.AIRCALL_SIM_OPTIONS ?? process.argv[2] ?? '{}');
const sim = new Simulation(options);
/** Sockets held open by timeout faults, destroyed on shutdown. */
const heldSockets = new Set<Socket>();

const tooMany = () => ({
  error: 'Too Many Requests',
  troubleshoot: `The API rate limit is ${sim.limiter.perMinute} requests per minute per company; wait for X-AircallApi-Reset`,
});

function faultBody(fault: Extract<Fault, { kind: 'status' }>): unknown {
  if (fault.status === 410) {
    return { error: 'Gone', troubleshoot: 'This API version is retired for this resource; use /v2/users' };
  }
  if (fault.status === 404) return { message: 'Not Found' };
  if (fault.status === 405) return { error: 'Method Not Allowed', troubleshoot: 'This request is not allowed' };
  if (fault.status === 422)
    return { error: 'Unprocessable Entity', troubleshoot: 'The request could not be processed' };
  return { message: fault.status === 504 ? 'Endpoint request timed out' : 'Internal server error' };
}

/** 401 without credentials, 403 for wrong or revoked ones, null when the key is good. */
function authFailure(header: string | undefined): [number, unknown] | null {
  if (!header) return [401, { message: 'Unauthorized' }];
  const [scheme, encoded] = header.split(' ');
  const decoded = scheme === 'Basic' && encoded ? Buffer.from(encoded, 'base64').toString('utf8') : '';
  const valid = decoded === `${sim.apiId}:${sim.apiToken}` && !sim.keyRevoked;
  return valid ? null : [403, { message: 'Forbidden' }];
}

async function serveApi(req: http.IncomingMessage, url: URL, body: string, send: Send): Promise<void> {
  const nowMs = sim.sync();
  const entry = { method: req.method ?? 'GET', path: url.pathname, query: url.search.slice(1), status: 0, atMs: nowMs };
  sim.requests.push(entry);
  const logged: Send = (status, payload, headers) => {
    entry.status = status;
    send(status, payload, headers);
  };
  if (sim.faults.revokesNow()) sim.keyRevoked = true;
  const failure = authFailure(req.headers.authorization);
  if (failure) return logged(...failure);
  const budget = sim.limiter.take(nowMs);
  if (!budget.allowed) return logged(429, tooMany(), budget.headers);
  // Aircall sends its rate-limit headers "when the rate limit has been reached" (docs/aircall-notes.md).
  const headers = sim.rateHeadersAlways ? budget.headers : {};
  const fault = sim.faults.take(url.pathname, entry.method);
  if (fault?.kind === 'timeout') {
    heldSockets.add(req.socket);
    req.socket.once('close', () => heldSockets.delete(req.socket));
    return;
  }
  if (fault?.kind === 'latency') await sleep(fault.ms);
  if (fault?.kind === 'rate-storm') return logged(429, tooMany(), budget.headers);
  if (fault?.kind === 'status') return logged(fault.status, faultBody(fault), headers);
  if (fault?.kind === 'malformed-json') return logged(200, '{"calls": [{"id": 1, "status": "do', headers);
  const response = handleApi(
    sim.center,
    {
      method: entry.method,
      path: url.pathname,
      params: url.searchParams,
      contentType: req.headers['content-type'] ?? '',
      body,
    },
    { recordCap: sim.recordCap, userV1Served: sim.userV1Served },
  );
  logged(response.status, response.body, headers);
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const send: Send = (status, payload, headers = {}) => {
      // A string payload is sent as is (malformed-json fault); everything else as JSON.
      const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
      res.end(text);
    };
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = Buffer.concat(chunks).toString('utf8');
    const work = url.pathname.startsWith(CONTROL_PREFIX)
      ? Promise.resolve().then(() => {
          const response = handleControl(sim, req.method ?? 'GET', url.pathname, url.searchParams, body);
          send(response.status, response.body);
        })
      : serveApi(req, url, body, send);
    work.catch((error: unknown) => {
      send(500, { error: 'Internal Server Error', troubleshoot: String(error) });
    });
  });
});

function shutdown(): void {
  for (const socket of heldSockets) socket.destroy();
  server.close();
  process.exit(0);
}

process.stdin.on('end', shutdown);
process.stdin.on('close', shutdown);
process.stdin.resume();
process.on('disconnect', shutdown);
process.on('SIGTERM', shutdown);

// The test process blocks for seconds at a time inside synchronous Apps Script executions; a server
// that closed idle keep-alive sockets meanwhile would race the client's next control request
// ("other side closed"). Idle sockets therefore stay open until the client closes them.
server.keepAliveTimeout = 0;
server.listen(options.port ?? 0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ ready: true, port })}\n`);
});
