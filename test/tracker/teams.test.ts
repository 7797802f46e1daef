import { describe, expect, it } from '@jest/globals';
import { SINGLE_USERS } from '../../src/tracker/settings';
import { agentsInVisibleTeams, visibleTeams } from '../../src/tracker/teams';

const teams = [
  { id: 2, name: 'Support', userIds: [1, 2] },
  { id: 1, name: 'Billing', userIds: [2, 3] },
];
const everyone = [1, 2, 3, 4, 5];

describe('the team filter rule', () => {
  it('shows every team in name order, then Single Users, when nothing is filtered', () => {
    expect(visibleTeams(teams, everyone, null).map((t) => [t.name, t.userIds])).toEqual([
      ['Billing', [2, 3]],
      ['Support', [1, 2]],
      ['Single Users', [4, 5]],
    ]);
  });

  it('lets the board and the call history through the same agents', () => {
    for (const filter of [['2'], [SINGLE_USERS], ['1', SINGLE_USERS], []]) {
      const onBoard = new Set(visibleTeams(teams, everyone, filter).flatMap((t) => t.userIds));
      expect([...agentsInVisibleTeams(teams, everyone, filter)].sort()).toEqual([...onBoard].sort());
    }
    expect([...agentsInVisibleTeams(teams, everyone, ['1', SINGLE_USERS])].sort()).toEqual([2, 3, 4, 5]);
  });
});
