/**
 * The only way the Aircall client reaches the network. Apps Script's UrlFetchApp sits behind it
 * (src/gas/url-fetch-transport.ts); tests use an in-memory Aircall.
 */
export interface HttpRequest {
  url: string;
  method: 'get' | 'put' | 'post' | 'delete';
  headers: Record<string, string>;
  payload?: string;
  contentType?: string;
}

/** Header names as the server sent them: read them with headerValue(). */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface HttpTransport {
  /** Sends the requests concurrently (UrlFetchApp.fetchAll) and returns responses in order.
   *  A network failure of a request (timeout, DNS, refused) is returned as { status: 0, headers: {}, body: '<message>' } — never thrown. */
  fetchAll(requests: HttpRequest[]): HttpResponse[];
  sleep(ms: number): void;
  nowMs(): number;
}

/** Case-insensitive header lookup (HTTP/2 servers send lowercase names). */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const key of Object.keys(headers)) if (key.toLowerCase() === wanted) return headers[key];
  return undefined;
}
