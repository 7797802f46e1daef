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
