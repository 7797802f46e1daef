/**
 * TV mode: a web app page (doGet) for an office screen. Each poll answers from the board snapshot
 * the last refresh left in the document cache, with no Spreadsheet call; only when that snapshot is
 * older than the Live mode interval does a poll start one refresh, shared exactly as Live mode's
 * (same lock, same "a recent refresh is shared" rule), so N screens cost what one sidebar costs.
 */

import { LIVE_DEFAULT_SEC } from '../sidebar-contract';
import { formatAge } from '../tracker/durations';
import { buildTvView, parseTvOptions, type TvView, withBoard } from '../tv/view';
import { CACHE_MAX_TTL_SEC, documentCache, readCached, writeCached } from './chunked-store';
import { refreshBoard } from './refresh';
import { loadSettings } from './settings-store';
import { readTvSnapshot } from './tv-snapshot-store';

/** When a TV poll last tried a refresh, and why it failed: screens do not all retry a failing Aircall. */
const ATTEMPT = 'tv-attempt';

interface Attempt {
  atMs: number;
  stale: string | null;
}

/** The web app's page. Its options come from the page's own URL (google.script.url), read client-side. */
export function doGet(): GoogleAppsScript.HTML.HtmlOutput {
  return HtmlService.createHtmlOutputFromFile('Tv')
    .setTitle('Aircall wallboard')
    .addMetaTag('viewport', 'width=device-width, initial-scale=1');
}

/** One poll of a TV page: `parameter` is the page URL's query (e.parameter's shape). */
export function getTvView(parameter: unknown): TvView {
  const parsed = parseTvOptions(parameter);
  // Settings are read only for a screen that names a board (one Properties read, no Spreadsheet call).
  const { options, problem } = parsed.options.board
    ? withBoard(parsed.options, loadSettings().boards)
    : { options: parsed.options, problem: null };
  const problems = problem ? [...parsed.problems, problem] : parsed.problems;
  const cache = documentCache();
  const intervalMs = LIVE_DEFAULT_SEC * 1000;
  let snapshot = readTvSnapshot(cache);
  let attempt = readCached<Attempt>(cache, ATTEMPT);
  const nowMs = Date.now();
  const snapshotOld = !snapshot || nowMs - snapshot.refreshedAtMs >= intervalMs;
  const triedLately = attempt !== null && nowMs - attempt.atMs < intervalMs;
  if (snapshotOld && !triedLately) {
    const outcome = refreshBoard(intervalMs - 1000, 'sidebar');
    attempt = { atMs: Date.now(), stale: outcome.status === 'stale' ? outcome.reason : null };
    writeCached(cache, ATTEMPT, attempt, CACHE_MAX_TTL_SEC);
    if (outcome.status === 'refreshed' || outcome.status === 'recent') snapshot = readTvSnapshot(cache);
  }
  const answeredAtMs = Date.now();
  const failedSinceSnapshot =
    attempt?.stale && (!snapshot || attempt.atMs > snapshot.refreshedAtMs) ? attempt.stale : null;
  const ageMs = snapshot ? answeredAtMs - snapshot.refreshedAtMs : null;
  const tooOld = ageMs !== null && ageMs > 2 * intervalMs ? `No refresh for ${formatAge(ageMs)}.` : null;
  return buildTvView(snapshot, options, {
    nowMs: answeredAtMs,
    nextPollSec: LIVE_DEFAULT_SEC,
    stale: failedSinceSnapshot ?? tooOld,
    notices: problems,
  });
}
