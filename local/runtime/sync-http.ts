/**
 * Synchronous HTTP for the runtime: Apps Script's UrlFetchApp blocks, so requests run in a
 * worker thread (fetch-worker.mjs) while the caller waits on Atomics (synckit). The server
 * answering must live in another process, or the blocked thread deadlocks (docs/apps-script-notes.md#synchronous-fetch-in-the-local-runtime).
 */
import { fileURLToPath } from 'node:url';
import { createSyncFn } from 'synckit';

export interface WireRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  bodyBase64?: string;
  followRedirects: boolean;
  validateHttpsCertificates: boolean;
}

export interface WireResponse {
  status: number;
  /** [name, value] pairs in the server's casing and order. */
  headers: [string, string][];
  bodyBase64: string;
}

export type WireFailure = 'unavailable' | 'dns' | 'timeout';

export type WireResult = { response: WireResponse } | { failure: WireFailure; detail: string };

const workerPath = fileURLToPath(new URL('./fetch-worker.mjs', import.meta.url));

/** Runs every request concurrently and returns the results in request order. */
export function sendAll(requests: WireRequest[], timeoutMs: number): WireResult[] {
  // synckit keeps one worker per path for the whole process (unref'd), so it never blocks exit.
  const send = createSyncFn<(requests: WireRequest[], timeoutMs: number) => Promise<WireResult[]>>(workerPath);
  return send(requests, timeoutMs);
}

export function textOf(response: WireResponse): string {
  return Buffer.from(response.bodyBase64, 'base64').toString('utf8');
}
