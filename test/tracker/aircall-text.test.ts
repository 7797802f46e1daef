import { describe, expect, it } from '@jest/globals';
import { cutText, fitTexts, MAX_NAME_CHARS, nameOr } from '../../src/tracker/aircall-text';

describe('text from Aircall', () => {
  it('cuts text longer than the limit and marks the cut', () => {
    expect(cutText('abcdef', 4)).toBe('abc…');
    expect(cutText('abcd', 4)).toBe('abcd');
  });

  it('names a record Aircall sent without a name by its fallback, and cuts a huge one', () => {
    expect(nameOr(null, 'Team 7')).toBe('Team 7');
    expect(nameOr('   ', 'Line 3')).toBe('Line 3');
    expect(nameOr(undefined, 'Agent 1')).toBe('Agent 1');
    expect(nameOr('x'.repeat(60_000), 'Agent 1')).toHaveLength(MAX_NAME_CHARS);
  });

  it('cuts every string inside a record, and copies nothing when none is too long', () => {
    const call = {
      id: 1,
      raw_digits: '3'.repeat(60_000),
      user: { id: 2, name: 'Ana' },
      tags: [{ name: 'x'.repeat(600) }],
    };
    const fitted = fitTexts(call);
    expect(fitted.raw_digits).toHaveLength(MAX_NAME_CHARS);
    expect(fitted.tags[0].name).toHaveLength(MAX_NAME_CHARS);
    expect(fitted.user).toBe(call.user);
    expect(call.raw_digits).toHaveLength(60_000);
    const ordinary = { id: 3, raw_digits: '+33 6 12', user: null };
    expect(fitTexts(ordinary)).toBe(ordinary);
  });
});
