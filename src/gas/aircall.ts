/** Opens the Aircall client over UrlFetchApp with the stored key and the shared rate budget. */
import { AircallClient, AircallError } from '../aircall/client';
import { type Deadline, deadlineIn } from '../aircall/deadline';
import { refuseWhileAircallHangs } from './aircall-hangs';
import { dailyQuotaSpent } from './quotas';
import { learnedLimitStore } from './rate-limit-store';
import { type Credentials, loadCredentials } from './settings-store';
import { basicAuthorization, cacheRateBudgetStore, urlFetchTransport } from './url-fetch-transport';

/**
 * Longest one operation may sleep for Aircall's rate-limit window. Background work (a refresh, the
 * mapping) may wait through a few windows — a cold refresh at 1,000 agents needs about 250 requests,
 * two minutes at 120/min — while staying well inside the 6-minute execution limit. A person waiting
 * in a sidebar gets an answer sooner.
 */
export const WAIT_IN_BACKGROUND_MS = 240_000;
export const WAIT_IN_SIDEBAR_MS = 20_000;
/** A person waiting in a sidebar gets an answer within about 30 s. */
export const SIDEBAR_DEADLINE_MS = 25_000;

export class MissingKeyError extends Error {
  constructor() {
    super('No Aircall API key yet: open Activity Tracker › Configure and enter your API ID and API token.');
    this.name = 'MissingKeyError';
  }
}

export function openAircall(
  credentials: Credentials | null = loadCredentials(),
  maxWaitMs = WAIT_IN_BACKGROUND_MS,
  deadline?: Deadline,
): AircallClient {
  if (!credentials) throw new MissingKeyError();
  const nowMs = Date.now();
  // A person waiting in a sidebar is not made to wait out another hang seen moments ago.
  const quick = maxWaitMs <= WAIT_IN_SIDEBAR_MS;
  if (quick) refuseWhileAircallHangs(nowMs);
  return new AircallClient({
    deadline: deadline ?? (quick ? deadlineIn(SIDEBAR_DEADLINE_MS, nowMs, 'the request') : undefined),
    transport: urlFetchTransport(),
    authorization: basicAuthorization(credentials.apiId, credentials.apiToken),
    budgetStore: cacheRateBudgetStore(),
    learnedLimitStore: learnedLimitStore(),
    maxWaitMs,
  });
}

/** A message a supervisor can act on, for any failure; never contains the key. */
export function describeFailure(error: unknown): string {
  if (error instanceof AircallError) return error.userMessage;
  if (error instanceof MissingKeyError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  const quota = dailyQuotaSpent(error);
  if (quota) return quota;
  return `Unexpected error: ${message}`;
}
