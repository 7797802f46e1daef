import { describe, expect, it } from '@jest/globals';
import { byNameThenId, compareNames } from '../../src/tracker/names';

describe('the name order', () => {
  it('sorts accented names with their letter, whatever the case', () => {
    expect(['Zoé', 'Ömer', 'Émilie', 'adam', 'Oscar', 'eve'].sort(compareNames)).toEqual([
      'adam',
      'Émilie',
      'eve',
      'Ömer',
      'Oscar',
      'Zoé',
    ]);
  });

  it('compares numbers in names as numbers', () => {
    expect(['Team 10', 'Team 2', 'Team 1'].sort(compareNames)).toEqual(['Team 1', 'Team 2', 'Team 10']);
  });

  it('orders equal names by id, so the order is the same on every refresh', () => {
    const people = [
      { id: 9, name: 'Sam' },
      { id: 3, name: 'sam' },
      { id: 5, name: 'SAM' },
    ];
    expect([...people].sort(byNameThenId).map((p) => p.id)).toEqual([3, 5, 9]);
    expect(
      [...people]
        .reverse()
        .sort(byNameThenId)
        .map((p) => p.id),
    ).toEqual([3, 5, 9]);
  });
});
