import type { HttpResponse } from './http';
import type { ErrorBody } from './types';

export type AircallErrorKind =
  | 'auth'
  | 'rate_limited'
  | 'network'
  | 'server'
  | 'malformed'
  | 'not_found'
  | 'unsupported'
  | 'bad_request'
  | 'too_many_records';

/** What went wrong talking to Aircall; `userMessage` is written for the toast/sidebar. */
export class AircallError extends Error {
  override readonly name = 'AircallError';

  constructor(
    readonly kind: AircallErrorKind,
    readonly status: number,
    readonly userMessage: string,
  ) {
    super(userMessage);
  }
}

const CONFIGURE = 'Activity Tracker › Configure';

/** Removes every form of the credentials from text that may end up in a message or a log. */
export type Redactor = (text: string) => string;

export function redactorFor(authorization: string): Redactor {
  const encoded = authorization.replace(/^\s*(Basic|Bearer)\s+/i, '').trim();
  const decoded = decodeBase64(encoded);
  const secrets = [authorization, encoded, decoded, ...(decoded ? decoded.split(':') : [])]
    .filter((s): s is string => !!s && s.length >= 4)
    .sort((a, b) => b.length - a.length);
  return (text) => secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
}

/** Plain base64 decoding: Apps Script has no atob, and src/aircall must not use Node's Buffer. */
function decodeBase64(text: string): string | undefined {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const clean = text.replace(/=+$/, '');
  if (!clean || /[^A-Za-z0-9+/]/.test(clean)) return undefined;
  let bits = 0;
  let value = 0;
  let out = '';
  for (const ch of clean) {
    value = (value << 6) | alphabet.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((value >> bits) & 0xff);
    }
  }
  return out;
}

function parseErrorBody(body: string): ErrorBody | null {
  try {
    const parsed = JSON.parse(body) as ErrorBody | null;
    return parsed && typeof parsed === 'object' ? parsed : null;
  } catch {
    return null;
  }
}

/** The error/troubleshoot/message fields of an Aircall error body, joined; '' when the body is not JSON. */
export function describeErrorBody(body: string): string {
  const parsed = parseErrorBody(body);
  if (!parsed) return '';
  const parts = [parsed.error, parsed.message, parsed.troubleshoot].filter(
    (p): p is string => typeof p === 'string' && p.trim() !== '',
  );
  return [...new Set(parts)].join(' — ');
}

/**
 * Aircall's application answers a missing record with {error, troubleshoot}; a path it does not
 * serve (a retired route) gets its gateway's bare {"message":"Not Found"} (see docs/aircall-notes.md).
 */
const isRecordNotFound = (body: string) => {
  const parsed = parseErrorBody(body);
  return !!parsed && (typeof parsed.error === 'string' || typeof parsed.troubleshoot === 'string');
};

/** The error for a final (not retried) non-2xx response. `what` names the request, e.g. "GET /v1/calls". */
export function errorForResponse(response: HttpResponse, what: string, redact: Redactor): AircallError {
  const { status } = response;
  const detail = redact(describeErrorBody(response.body));
  const suffix = detail ? `: ${detail}` : '';
  if (status === 401)
    return new AircallError(
      'auth',
      status,
      `Aircall received no valid API key (HTTP 401). Enter your API ID and API token in ${CONFIGURE}.`,
    );
  if (status === 403)
    return new AircallError(
      'auth',
      status,
      `Aircall refused the API key (HTTP 403). Check your API ID and API token in ${CONFIGURE}.`,
    );
  if (status === 404 && isRecordNotFound(response.body))
    return new AircallError('not_found', status, `Aircall has no such record (HTTP ${status}, ${what})${suffix}.`);
  if (status === 404 || status === 405 || status === 410)
    return new AircallError(
      'unsupported',
      status,
      `Aircall no longer accepts ${what} (HTTP ${status})${suffix}. Aircall may have retired this request; the add-on needs an update.`,
    );
  if (status === 429)
    return new AircallError(
      'rate_limited',
      status,
      `Aircall's request limit for your company is used up (HTTP 429, ${what}). Try again in a minute.`,
    );
  if (status >= 500)
    return new AircallError(
      'server',
      status,
      `Aircall is having trouble (HTTP ${status}, ${what}) and kept failing after retries${suffix}. Try again in a few minutes.`,
    );
  if (status === 0)
    return new AircallError(
      'network',
      0,
      `Could not reach Aircall (${what}) after retries: ${redact(response.body) || 'no response'}.`,
    );
  return new AircallError('bad_request', status, `Aircall rejected the request (HTTP ${status}, ${what})${suffix}.`);
}
