/**
 * Where a long Advanced Search stands between two google.script.run calls. The sidebar carries it
 * as opaque JSON and sends it back, so it is checked before use: a cursor that does not belong to
 * these criteria, or that was tampered with, is refused rather than trusted.
 *
 * The period is walked newest first in parts, each one Aircall query of at most 10,000 calls; a
 * part's pages are known once its first page says how many calls it holds.
 */
import { PER_PAGE, RECORD_CAP } from '../aircall/pagination';
import type { AdvancedSearchCriteria, SearchProgress } from '../sidebar-contract';

const MAX_PAGES = RECORD_CAP / PER_PAGE;
/** A part too big for one query is cut into pieces meant to hold this many, leaving room for busy hours. */
const SPLIT_TARGET = RECORD_CAP * 0.8;
/** More parts than this cannot come from splitting one day, or even a year, of a real call center. */
const MAX_PARTS = 5_000;

/** Calls started within [from, to] (UNIX seconds, inclusive), newest first. */
export interface SearchPart {
  from: number;
  to: number;
  /** Pages of the part's query; null until its first page is fetched. */
  pages: number | null;
  /** The next page to fetch. */
  next: number;
}

export interface SearchState {
  /** What is left to walk, newest first; together they cover the period from its start, without gaps. */
  parts: SearchPart[];
  /** Pages of the whole period, as its first page announced; null before that. */
  totalPages: number | null;
  /** Calls of the whole period, as its first page announced; null before that. */
  totalCalls: number | null;
  pagesDone: number;
  matches: number;
}

export class SearchCursorError extends Error {
  constructor() {
    super('This search can no longer be continued. Please start it again.');
    this.name = 'SearchCursorError';
  }
}

export const pagesFor = (calls: number) => Math.ceil(calls / PER_PAGE);

/** A new search over the period, up to `nowSec` at most: calls that start later belong to a later search. */
export function startSearch(criteria: AdvancedSearchCriteria, nowSec: number): SearchState {
  const to = Math.max(criteria.fromSec, Math.min(criteria.toSec, nowSec));
  return {
    parts: [{ from: criteria.fromSec, to, pages: null, next: 1 }],
    totalPages: null,
    totalCalls: null,
    pagesDone: 0,
    matches: 0,
  };
}

/** A part holding `total` calls, more than one query may list, cut into equal spans of time, newest first. */
export function splitPart(part: SearchPart, total: number): SearchPart[] {
  const span = part.to - part.from + 1;
  if (span < 2)
    throw new Error(
      `More than ${RECORD_CAP.toLocaleString('en-US')} calls started within one second; Aircall cannot list them all.`,
    );
  const count = Math.min(span, Math.max(2, Math.ceil(total / SPLIT_TARGET)));
  return Array.from({ length: count }, (_, i) => ({
    from: part.to - Math.floor(((i + 1) * span) / count) + 1,
    to: part.to - Math.floor((i * span) / count),
    pages: null,
    next: 1,
  }));
}

export function searchProgress(state: SearchState): SearchProgress {
  const done = state.parts.length === 0;
  const total = state.totalPages === null ? null : Math.max(state.totalPages, state.pagesDone);
  return { done: state.pagesDone, total: done ? state.pagesDone : total, unit: 'pages' };
}

/** FNV-1a of the criteria, keys sorted: ties a cursor to the search it came from. */
function fingerprint(criteria: AdvancedSearchCriteria): string {
  const text = JSON.stringify(criteria, Object.keys(criteria).sort());
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36);
}

/** The cursor to send to the sidebar, or null when the search is complete. */
export function encodeCursor(criteria: AdvancedSearchCriteria, state: SearchState): string | null {
  if (state.parts.length === 0) return null;
  return JSON.stringify({ v: 1, of: fingerprint(criteria), ...state });
}

const count = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function validPart(value: unknown): value is SearchPart {
  const p = value as Partial<SearchPart> | null;
  if (!p || !count(p.from) || !count(p.to) || p.from > p.to || !count(p.next)) return false;
  if (p.pages === null) return p.next === 1;
  return count(p.pages) && p.pages >= 1 && p.pages <= MAX_PAGES && p.next >= 1 && p.next <= p.pages;
}

/** The state a cursor from the sidebar describes, if it is one this server made for these criteria. */
export function decodeCursor(criteria: AdvancedSearchCriteria, cursor: unknown): SearchState {
  let data: Partial<SearchState & { v: number; of: string }>;
  try {
    data = JSON.parse(String(cursor));
  } catch {
    throw new SearchCursorError();
  }
  const parts = data?.parts;
  const valid =
    data?.v === 1 &&
    data.of === fingerprint(criteria) &&
    Array.isArray(parts) &&
    parts.length >= 1 &&
    parts.length <= MAX_PARTS &&
    parts.every(validPart) &&
    parts[0].to <= criteria.toSec &&
    parts[parts.length - 1].from === criteria.fromSec &&
    parts.every((part, i) => i === 0 || part.to === parts[i - 1].from - 1) &&
    (data.totalPages === null || count(data.totalPages)) &&
    (data.totalCalls === null || count(data.totalCalls)) &&
    count(data.pagesDone) &&
    count(data.matches);
  if (!valid) throw new SearchCursorError();
  const state = data as SearchState;
  return {
    parts: state.parts.map(({ from, to, pages, next }) => ({ from, to, pages, next })),
    totalPages: state.totalPages,
    totalCalls: state.totalCalls,
    pagesDone: state.pagesDone,
    matches: state.matches,
  };
}
