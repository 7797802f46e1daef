// Worker thread behind the synchronous UrlFetchApp (synckit). Plain JS so no TS runner is needed.
// node:http is used rather than global fetch because Apps Script reports response headers in the
// server's own casing, which fetch() normalizes away (rawHeaders keeps it).
import http from 'node:http';
import https from 'node:https';
import { runAsWorker } from 'synckit';

const MAX_REDIRECTS = 10;

/** @typedef {{url: string, method: string, headers: Record<string, string>, bodyBase64?: string, followRedirects: boolean, validateHttpsCertificates: boolean}} WireRequest */

function classify(error) {
  const code = error?.code ?? error?.cause?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns';
  if (code === 'ETIMEDOUT' || error?.name === 'TimeoutError') return 'timeout';
  return 'unavailable';
}

function once(request, timeoutMs) {
  let timer;
  return new Promise((resolve, reject) => {
    const url = new URL(request.url);
    const transport = url.protocol === 'https:' ? https : http;
    const body = request.bodyBase64 === undefined ? undefined : Buffer.from(request.bodyBase64, 'base64');
    const req = transport.request(
      url,
      {
        method: request.method,
        headers: body ? { ...request.headers, 'Content-Length': String(body.length) } : request.headers,
        rejectUnauthorized: request.validateHttpsCertificates,
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const headers = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) headers.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
          resolve({ status: res.statusCode, headers, bodyBase64: Buffer.concat(chunks).toString('base64') });
        });
        res.on('error', reject);
      },
    );
    // A deadline for the whole exchange, like Apps Script's ~60 s per request.
    timer = setTimeout(() => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })), timeoutMs);
    req.on('error', reject);
    req.end(body);
  }).finally(() => clearTimeout(timer));
}

async function perform(request, timeoutMs) {
  let current = request;
  try {
    for (let hop = 0; ; hop++) {
      const response = await once(current, timeoutMs);
      const location = response.headers.find(([name]) => name.toLowerCase() === 'location')?.[1];
      if (
        !current.followRedirects ||
        !location ||
        response.status < 300 ||
        response.status > 399 ||
        hop >= MAX_REDIRECTS
      )
        return { response };
      const keepsMethod = response.status === 307 || response.status === 308;
      current = {
        ...current,
        url: new URL(location, current.url).toString(),
        method: keepsMethod ? current.method : 'GET',
        bodyBase64: keepsMethod ? current.bodyBase64 : undefined,
      };
    }
  } catch (error) {
    return { failure: classify(error), detail: String(error?.message ?? error) };
  }
}

runAsWorker(
  /** @param {WireRequest[]} requests @param {number} timeoutMs */
  async (requests, timeoutMs) => Promise.all(requests.map((request) => perform(request, timeoutMs))),
);
