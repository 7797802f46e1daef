import { PER_PAGE } from './pagination';

/**
 * Which pages of /v1/users/availabilities a refresh reads. Aircall serves agents' statuses 50 a
 * page and has no filter for "changed since" (docs/aircall-notes.md), so 1,000 agents cost 20
 * requests every refresh — on top of the calls, a fifth to a quarter of the company's 120 a minute,
 * shared with every other integration, and three times that with Live mode ticking every 20 s.
 *
 * The board's reads therefore aim at READS_PER_MINUTE requests a minute, each read its share of the
 * minute since the previous one. The calls come first (the queue, the counts and the SLA must be
 * complete, so Live mode's frequent reads can go over the aim); the availability pages fill what is
 * left, the least recently read first, and every status is read again about every
 * STATUS_MAX_AGE_SEC whatever the budget. Up to 800–1,100 agents (fewer the busier the lines) everything fits and
 * every page is read every time; at 1,000 agents and 4 calls a second an every-minute refresh reads
 * most pages each time and every page at least every other minute. A status not read this time
 * keeps its last reading (status-since.ts carries it).
 */
export const READS_PER_MINUTE = 25;
/** How often, at least, a refresh reading in rotation reads each agent's status again. */
export const STATUS_MAX_AGE_SEC = 120;

const MINUTE_SEC = 60;

/** When each availability page was last read, kept between refreshes (cached). */
export interface AvailabilityReads {
  v: 1;
  /** When the previous read was made (UNIX seconds). */
  readAtSec: number;
  /** meta.total of the last page read: how many agents Aircall lists. */
  agents: number;
  /** Index = page − 1; UNIX seconds of the page's last read, 0 = never. */
  pageReadAtSec: number[];
}

/** The pages to read now; null = all of them, in one list read that follows every page Aircall announces. */
export function planAvailabilityPages(
  previous: AvailabilityReads | null,
  nowSec: number,
  directoryAgents: number,
  callPages: number,
): number[] | null {
  if (!usable(previous, nowSec)) return null;
  const pageCount = Math.max(1, Math.ceil(Math.max(previous.agents, directoryAgents) / PER_PAGE));
  const elapsedSec = Math.min(MINUTE_SEC, Math.max(1, nowSec - previous.readAtSec));
  const lastRead = (page: number) => previous.pageReadAtSec[page - 1] ?? 0;
  const pages = Array.from({ length: pageCount }, (_, i) => i + 1).sort((a, b) => lastRead(a) - lastRead(b) || a - b);
  // Pages that would be well past the maximum age at the next refresh must be read now (half a
  // period of slack, so refreshes a few seconds late do not make every page due at once).
  const due = pages.filter((page) => nowSec - lastRead(page) + elapsedSec / 2 > STATUS_MAX_AGE_SEC).length;
  const budget = Math.ceil((READS_PER_MINUTE * elapsedSec) / MINUTE_SEC) - callPages;
  const cycle = Math.ceil((pageCount * elapsedSec) / STATUS_MAX_AGE_SEC);
  const count = Math.max(1, due, budget, cycle);
  if (count >= pageCount) return null;
  return pages.slice(0, count).sort((a, b) => a - b);
}

/** The reads after this refresh: `pages` read at `nowSec` (null = all), `agents` as Aircall counted them. */
export function recordAvailabilityReads(
  previous: AvailabilityReads | null,
  pages: number[] | null,
  agents: number,
  nowSec: number,
): AvailabilityReads {
  const pageCount = Math.max(1, Math.ceil(agents / PER_PAGE));
  const pageReadAtSec = Array.from({ length: pageCount }, (_, i) =>
    pages === null || pages.includes(i + 1) ? nowSec : (previous?.pageReadAtSec[i] ?? 0),
  );
  return { v: 1, readAtSec: nowSec, agents, pageReadAtSec };
}

function usable(previous: AvailabilityReads | null, nowSec: number): previous is AvailabilityReads {
  return (
    !!previous &&
    previous.v === 1 &&
    Array.isArray(previous.pageReadAtSec) &&
    Number.isFinite(previous.agents) &&
    previous.readAtSec <= nowSec
  );
}
