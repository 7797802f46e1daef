/** Apps Script side of the Aircall client: UrlFetchApp as its HttpTransport, CacheService as its rate budget. */
import { HUNG_AFTER_MS } from '../aircall/deadline';
import type { HttpRequest, HttpResponse, HttpTransport } from '../aircall/http';
import type { RateBudgetState, RateBudgetStore } from '../aircall/rate-budget';
import { noteAircallHung } from './aircall-hangs';
import { dailyQuotaSpent } from './quotas';

type FetchRequest = GoogleAppsScript.URL_Fetch.URLFetchRequest;

function toFetchRequest(request: HttpRequest): FetchRequest {
  const fetchRequest: FetchRequest = {
    url: request.url,
    method: request.method,
    headers: request.headers,
    muteHttpExceptions: true,
    followRedirects: true,
  };
  if (request.payload !== undefined) fetchRequest.payload = request.payload;
  if (request.contentType !== undefined) fetchRequest.contentType = request.contentType;
  return fetchRequest;
}

function toResponse(response: GoogleAppsScript.URL_Fetch.HTTPResponse): HttpResponse {
  return {
    status: response.getResponseCode(),
    headers: response.getHeaders() as Record<string, string>,
    body: response.getContentText(),
  };
}

const networkFailure = (error: unknown): HttpResponse => ({
  status: 0,
  headers: {},
  body: error instanceof Error ? error.message : String(error),
});

/**
 * fetchAll throws for the whole batch when one request hits a network error (DNS, timeout). A quick
 * failure (a refused connection) is replayed request by request so the others still succeed; a hang
 * is not, nor is the rest of a replay once one request hangs: each would cost another timeout.
 */
export function urlFetchTransport(): HttpTransport {
  return {
    fetchAll(requests) {
      if (requests.length === 0) return [];
      const fetchRequests = requests.map(toFetchRequest);
      const sentAtMs = Date.now();
      try {
        return UrlFetchApp.fetchAll(fetchRequests).map(toResponse);
      } catch (batchError) {
        // A spent daily quota sends nothing and will not pass on a retry: said as it is (aircall.ts).
        if (dailyQuotaSpent(batchError)) throw batchError;
        let hung: unknown = Date.now() - sentAtMs >= HUNG_AFTER_MS ? batchError : null;
        const responses = fetchRequests.map((request) => {
          if (hung) return networkFailure(hung);
          const startedMs = Date.now();
          try {
            const { url, ...params } = request;
            return toResponse(UrlFetchApp.fetch(url, params));
          } catch (error) {
            if (Date.now() - startedMs >= HUNG_AFTER_MS) hung = error;
            return networkFailure(error);
          }
        });
        if (hung) noteAircallHung(Date.now());
        return responses;
      }
    },
    sleep: (ms) => Utilities.sleep(ms),
    nowMs: () => Date.now(),
  };
}

/** The Authorization header value for an Aircall API ID and token. */
export function basicAuthorization(apiId: string, apiToken: string): string {
  return `Basic ${Utilities.base64Encode(`${apiId}:${apiToken}`, Utilities.Charset.UTF_8)}`;
}

const BUDGET_KEY = 'aircall.rateBudget';
/** The budget describes one minute; a little longer covers clock skew. */
const BUDGET_TTL_SEC = 120;

/** The company-wide budget in the script cache, so every execution and every viewer shares it. */
export function cacheRateBudgetStore(
  cache: GoogleAppsScript.Cache.Cache = CacheService.getScriptCache(),
): RateBudgetStore {
  return {
    load() {
      const raw = cache.get(BUDGET_KEY);
      if (!raw) return null;
      try {
        const state = JSON.parse(raw) as RateBudgetState;
        return [state.limit, state.remaining, state.resetAtMs, state.updatedAtMs].every(Number.isFinite) ? state : null;
      } catch {
        return null;
      }
    },
    save(state) {
      cache.put(BUDGET_KEY, JSON.stringify(state), BUDGET_TTL_SEC);
    },
  };
}
