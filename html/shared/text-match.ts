/**
 * Literal, case-insensitive matching for quick search and Highlight: "+33 6" or "(" are plain text,
 * never a pattern. A query made of digits (and phone separators) matches phone numbers however
 * they are spaced: "33612345678" finds "+33 6 12 34 56 78", "06-12" finds "06 12".
 */
const SPECIAL = /[.*+?^${}()|[\]\\/]/g;
/** Digits with the separators people type in phone numbers, and at least two digits. */
const PHONE_QUERY = /^\+?[\d\s().-]*\d[\d\s().-]*\d[\d\s().-]*$/;
/** A written phone number (or any digit run): digits joined by spaces, dots, dashes or brackets, on one line. */
const DIGIT_RUN = /\+?\d(?:[ \u00a0().-]*\d)*/g;

function literal(query: string): RegExp {
  return new RegExp(query.replace(SPECIAL, '\\$&'), 'gi');
}

function literalMatches(text: string, query: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(literal(query)))
    ranges.push([match.index ?? 0, (match.index ?? 0) + match[0].length]);
  return ranges;
}

/** Matches of the query's digits inside each digit run, separators ignored; a leading "+" must be there too. */
function digitMatches(text: string, query: string): [number, number][] {
  const wanted = query.replace(/\D/g, '');
  const plus = query.startsWith('+');
  const ranges: [number, number][] = [];
  for (const run of text.matchAll(DIGIT_RUN)) {
    const start = run.index ?? 0;
    const positions: number[] = [];
    for (let i = 0; i < run[0].length; i++) if (/\d/.test(run[0][i])) positions.push(start + i);
    const digits = positions.map((p) => text[p]).join('');
    for (let at = digits.indexOf(wanted); at >= 0; at = digits.indexOf(wanted, at + wanted.length)) {
      const first = positions[at];
      if (plus && text[first - 1] !== '+') continue;
      ranges.push([plus ? first - 1 : first, positions[at + wanted.length - 1] + 1]);
    }
  }
  return ranges;
}

/** [start, end) of every non-overlapping match, left to right. */
export function findMatches(text: string, query: string): [number, number][] {
  if (query === '') return [];
  return PHONE_QUERY.test(query) ? digitMatches(text, query) : literalMatches(text, query);
}

export function containsText(haystack: string, query: string): boolean {
  return query === '' || findMatches(haystack, query).length > 0;
}
