/**
 * Literal, case-insensitive matching for quick search and Highlight: "+33 6" or "(" are plain text,
 * never a pattern.
 */
const SPECIAL = /[.*+?^${}()|[\]\\/]/g;

function literal(query: string): RegExp {
  return new RegExp(query.replace(SPECIAL, '\\$&'), 'gi');
}

export function containsText(haystack: string, query: string): boolean {
  return query === '' || literal(query).test(haystack);
}

/** [start, end) of every non-overlapping match, left to right. */
export function findMatches(text: string, query: string): [number, number][] {
  if (query === '') return [];
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(literal(query)))
    ranges.push([match.index ?? 0, (match.index ?? 0) + match[0].length]);
  return ranges;
}
