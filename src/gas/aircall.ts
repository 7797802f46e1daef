/** Opens the Aircall client over UrlFetchApp with the stored key and the shared rate budget. */
import { AircallClient, AircallError } from '../aircall/client';
import { type Credentials, loadCredentials } from './settings-store';
import { basicAuthorization, cacheRateBudgetStore, urlFetchTransport } from './url-fetch-transport';

/** Longest we sleep waiting for Aircall's rate-limit window within one execution. */
const MAX_WAIT_MS = 60_000;

export class MissingKeyError extends Error {
  constructor() {
    super('No Aircall API key yet: open Activity Tracker › Configure and enter your API ID and API token.');
    this.name = 'MissingKeyError';
  }
}

export function openAircall(credentials: Credentials | null = loadCredentials()): AircallClient {
  if (!credentials) throw new MissingKeyError();
  return new AircallClient({
    transport: urlFetchTransport(),
    authorization: basicAuthorization(credentials.apiId, credentials.apiToken),
    budgetStore: cacheRateBudgetStore(),
    maxWaitMs: MAX_WAIT_MS,
  });
}

/** A message a supervisor can act on, for any failure; never contains the key. */
export function describeFailure(error: unknown): string {
  if (error instanceof AircallError) return error.userMessage;
  if (error instanceof MissingKeyError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `Unexpected error: ${message}`;
}
