/** The TV pages' copy of the last board, kept in the document cache by every successful refresh. */
import type { BoardModel } from '../tracker/board';
import { type TvSnapshot, tvSnapshot } from '../tv/snapshot';
import { CACHE_MAX_TTL_SEC, documentCache, readCached, writeCached } from './chunked-store';

const SNAPSHOT = 'tv-snapshot';

/** One cache write per refresh (a few chunks at 1,000 agents). */
export function publishTvSnapshot(model: BoardModel, refreshedAtMs: number): void {
  writeCached(documentCache(), SNAPSHOT, tvSnapshot(model, refreshedAtMs), CACHE_MAX_TTL_SEC);
}

export function readTvSnapshot(cache: GoogleAppsScript.Cache.Cache): TvSnapshot | null {
  return readCached<TvSnapshot>(cache, SNAPSHOT);
}
