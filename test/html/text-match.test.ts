import { describe, expect, it } from '@jest/globals';
import { containsText, findMatches } from '../../html/shared/text-match';

describe('quick search matching', () => {
  it('treats the query as literal text, so phone numbers and brackets work', () => {
    expect(findMatches('Call +33 6 12 and +33 6 98', '+33 6')).toEqual([
      [5, 10],
      [18, 23],
    ]);
    expect(containsText('Sales (FR)', '(')).toBe(true);
    expect(containsText('Sales FR', '.*')).toBe(false);
    expect(containsText('a\\b', '\\')).toBe(true);
  });

  it('ignores case and matches everything with an empty query', () => {
    expect(findMatches('No_Available_Agent', 'no_available')).toEqual([[0, 12]]);
    expect(containsText('anything', '')).toBe(true);
    expect(findMatches('anything', '')).toEqual([]);
  });
});

describe('quick search on phone numbers', () => {
  const card = 'Inbound · Ana Lopez\n+33 6 12 34 56 78 → Support Hotline (+33 1 77 11 22 33)';

  it('finds a number typed without spaces in a number written with them', () => {
    const [[start, end]] = findMatches(card, '33612345678');
    expect(card.slice(start, end)).toBe('33 6 12 34 56 78');
    expect(containsText(card, '33612345678')).toBe(true);
    expect(containsText(card, '+33612345678')).toBe(true);
    expect(containsText(card, '0612345678')).toBe(false);
  });

  it('ignores the separators of the query too, and keeps a leading "+" meaningful', () => {
    expect(containsText(card, '17711-22')).toBe(true);
    expect(containsText(card, '(0)177')).toBe(false);
    const [[start, end]] = findMatches(card, '+331 77');
    expect(card.slice(start, end)).toBe('+33 1 77');
    expect(containsText('call 12 345', '+12345')).toBe(false);
  });

  it('never joins digits across lines or words', () => {
    expect(containsText('room 12\n34 left', '1234')).toBe(false);
    expect(containsText('12 apples 34', '1234')).toBe(false);
  });
});
