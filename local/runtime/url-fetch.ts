/**
 * UrlFetchApp (docs/apps-script-notes.md#urlfetchapp) over real, synchronous HTTP. Checks run in Apps Script's order:
 * missing URL, URL length, manifest allowlist (on the URL the script wrote), then the request.
 * https://api.aircall.io/ is routed to the local simulator; messages always quote the script's URL.
 */
import { gasError, MESSAGES } from './errors.js';
import type { Implements } from './gas-types.js';
import { sendAll, type WireRequest, type WireResponse, type WireResult } from './sync-http.js';

const MAX_URL_CHARS = 2_082;
const AIRCALL_ORIGIN = 'https://api.aircall.io/';
const CHAT_ORIGIN = 'https://chat.googleapis.com/';
/** Headers the platform sets itself and refuses from scripts. */
const FORBIDDEN_HEADERS = new Set(['host', 'content-length']);
const USER_AGENT = 'Mozilla/5.0 (compatible; Google-Apps-Script)';

export interface UrlFetchSettings {
  /** urlFetchWhitelist from appsscript.json; undefined when the manifest has none. */
  allowlist?: string[];
  aircallUrl?: string;
  /** Where https://chat.googleapis.com/ is routed: the local Chat webhook receiver. */
  chatUrl?: string;
  timeoutMs: number;
  /** Before a batch is sent (a fetch is a batch of one): quota, counters, clock. */
  beforeSend(requests: number): void;
  /** After its answers came, or a request hung until the timeout. */
  afterSend(requests: number, timedOut: boolean): void;
}

type FetchParams = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;
type FetchRequest = GoogleAppsScript.URL_Fetch.URLFetchRequest;

interface Prepared {
  url: string;
  muted: boolean;
  wire: WireRequest;
}

export function allowlisted(url: string, allowlist: string[]): boolean {
  return allowlist.some((prefix) => {
    if (!prefix.includes('*')) return url.startsWith(prefix);
    // One leading wildcard for subdomains: https://*.example.com/
    const pattern = prefix
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*');
    return new RegExp(`^${pattern}`).test(url);
  });
}

/** A URL under `origin` fetched from `local` instead; unchanged without one. */
function routeTo(url: string, origin: string, local: string | undefined): string {
  return local && url.startsWith(origin) ? `${local.replace(/\/+$/, '')}/${url.slice(origin.length)}` : url;
}

/** The allowlist message drops the query string but keeps its "?". */
function withoutQuery(url: string): string {
  const at = url.indexOf('?');
  return at < 0 ? url : url.slice(0, at + 1);
}

function formEncode(payload: Record<string, unknown>): string {
  return Object.entries(payload)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
}

function bodyOf(payload: unknown): { body: Buffer; defaultType: string } | undefined {
  if (payload === undefined || payload === null) return undefined;
  if (typeof payload === 'string')
    return { body: Buffer.from(payload), defaultType: 'application/x-www-form-urlencoded' };
  if (Array.isArray(payload))
    return { body: Buffer.from(payload.map((byte) => Number(byte) & 0xff)), defaultType: 'application/octet-stream' };
  return {
    body: Buffer.from(formEncode(payload as Record<string, unknown>)),
    defaultType: 'application/x-www-form-urlencoded',
  };
}

function headersOf(params: FetchParams, defaultType: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { 'User-Agent': USER_AGENT };
  for (const [name, value] of Object.entries(params.headers ?? {})) {
    if (value === null || value === undefined || FORBIDDEN_HEADERS.has(name.toLowerCase()))
      throw gasError(`Attribute provided with invalid value: Header:${value === null ? 'null' : name}`);
    headers[name] = String(value);
  }
  const contentType = params.contentType ?? defaultType;
  if (contentType && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type'))
    headers['Content-Type'] = contentType;
  return headers;
}

function toSigned(bytes: Buffer): number[] {
  return Array.from(bytes, (byte) => (byte > 127 ? byte - 256 : byte));
}

type GasHTTPResponse = GoogleAppsScript.URL_Fetch.HTTPResponse;

export class HTTPResponse
  implements
    Implements<GasHTTPResponse, 'getResponseCode' | 'getContentText' | 'getContent' | 'getHeaders' | 'getAllHeaders'>
{
  static readonly gasName = 'HTTPResponse';
  private readonly body: Buffer;

  constructor(private readonly wire: WireResponse) {
    this.body = Buffer.from(wire.bodyBase64, 'base64');
  }

  getResponseCode(): number {
    return this.wire.status;
  }

  getContentText(charset?: string): string {
    return new TextDecoder(charset ?? 'utf-8').decode(this.body);
  }

  /** Java bytes are signed: -128..127. */
  getContent(): number[] {
    return toSigned(this.body);
  }

  /** Names in the server's casing; a repeated header keeps its last value. */
  getHeaders(): Record<string, string> {
    return Object.fromEntries(this.wire.headers);
  }

  /** Repeated headers (Set-Cookie) come back as arrays. */
  getAllHeaders(): Record<string, string | string[]> {
    const all: Record<string, string | string[]> = {};
    for (const [name, value] of this.wire.headers) {
      const seen = all[name];
      all[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
    }
    return all;
  }
}

type GasUrlFetchApp = GoogleAppsScript.URL_Fetch.UrlFetchApp;

export class UrlFetchApp implements Implements<GasUrlFetchApp, 'fetch' | 'fetchAll' | 'getRequest'> {
  static readonly gasName = 'UrlFetchApp';

  constructor(private readonly settings: UrlFetchSettings) {}

  fetch(url: string, params?: FetchParams): HTTPResponse {
    return this.perform([this.prepare({ ...(params ?? {}), url })])[0];
  }

  fetchAll(requests: (FetchRequest | string)[]): HTTPResponse[] {
    const prepared = requests.map((request) => this.prepare(typeof request === 'string' ? { url: request } : request));
    return this.perform(prepared);
  }

  /** What would be sent, without sending it. */
  getRequest(url: string, params?: FetchParams): Record<string, unknown> {
    const { wire } = this.prepare({ ...(params ?? {}), url });
    return { url: String(url), method: wire.method.toLowerCase(), headers: wire.headers, payload: params?.payload };
  }

  private prepare(request: FetchRequest): Prepared {
    const url = request.url === undefined || request.url === null ? '' : String(request.url);
    if (url === '') throw gasError(MESSAGES.noUrl);
    if (url.length > MAX_URL_CHARS) throw gasError(MESSAGES.urlTooLong);
    const { allowlist, aircallUrl, chatUrl } = this.settings;
    if (allowlist && !allowlisted(url, allowlist)) throw gasError(MESSAGES.notWhitelisted(withoutQuery(url)));
    // A URL without a scheme is fetched (and reported) as http://.
    const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`;
    const routed = routeTo(routeTo(absolute, AIRCALL_ORIGIN, aircallUrl), CHAT_ORIGIN, chatUrl);
    let target: string;
    try {
      target = new URL(routed).toString();
    } catch {
      throw gasError(MESSAGES.invalidArgument(url));
    }
    const body = bodyOf(request.payload);
    return {
      url: absolute,
      muted: request.muteHttpExceptions === true,
      wire: {
        url: target,
        method: String(request.method ?? 'get').toUpperCase(),
        headers: headersOf(request, body?.defaultType),
        bodyBase64: body?.body.toString('base64'),
        followRedirects: request.followRedirects !== false,
        validateHttpsCertificates: request.validateHttpsCertificates !== false,
      },
    };
  }

  /** One concurrent batch; the first failure in request order is what the call throws. */
  private perform(prepared: Prepared[]): HTTPResponse[] {
    this.settings.beforeSend(prepared.length);
    const results = sendAll(
      prepared.map((request) => request.wire),
      this.settings.timeoutMs,
    );
    this.settings.afterSend(
      prepared.length,
      results.some((result) => 'failure' in result && result.failure === 'timeout'),
    );
    return results.map((result, index) => responseOrThrow(result, prepared[index]));
  }
}

function responseOrThrow(result: WireResult, request: Prepared): HTTPResponse {
  if ('failure' in result) {
    // Network failures throw whatever muteHttpExceptions says.
    if (result.failure === 'dns') throw gasError(MESSAGES.dnsError(request.url));
    if (result.failure === 'timeout') throw gasError(MESSAGES.timeout(request.url));
    throw gasError(MESSAGES.addressUnavailable(request.url));
  }
  const response = new HTTPResponse(result.response);
  if (result.response.status >= 400 && !request.muted) {
    const origin = new URL(request.url).origin;
    throw gasError(MESSAGES.requestFailed(origin, result.response.status, response.getContentText()));
  }
  return response;
}
