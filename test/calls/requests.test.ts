import { describe, expect, it } from '@jest/globals';
import { readHistoryRequest, readSearchCriteria } from '../../src/calls/requests';

describe('readHistoryRequest', () => {
  it('reads one agent or everyone, and refuses anything else', () => {
    expect(readHistoryRequest({ scope: 'all' })).toEqual({ scope: 'all' });
    expect(readHistoryRequest({ scope: 'user', userId: 7 })).toEqual({ scope: 'user', userId: 7 });
    for (const bad of [null, {}, { scope: 'user', userId: '7' }, { scope: 'user', userId: 1.5 }])
      expect(() => readHistoryRequest(bad)).toThrow('Open Call History from the Calls menu.');
  });
});

describe('readSearchCriteria', () => {
  const period = { fromSec: 1_000.7, toSec: 2_000 };

  it('keeps what the form offers, whole seconds for the period', () => {
    expect(
      readSearchCriteria({
        ...period,
        userIds: [1, 2],
        direction: 'inbound',
        missed: 'short_abandoned',
        tags: ['VIP'],
      }),
    ).toEqual({
      fromSec: 1_000,
      toSec: 2_000,
      userIds: [1, 2],
      numberIds: undefined,
      direction: 'inbound',
      asset: undefined,
      missed: 'short_abandoned',
      durationOp: undefined,
      durationSec: null,
      tags: ['VIP'],
    });
  });

  it('says what is wrong with a period, a duration or a value the form never offers', () => {
    expect(() => readSearchCriteria({ fromSec: null, toSec: 2 })).toThrow('Choose a start and an end date.');
    expect(() => readSearchCriteria({ fromSec: 5, toSec: 5 })).toThrow(
      'The start of the period must be before its end.',
    );
    expect(() => readSearchCriteria({ ...period, durationSec: -1 })).toThrow('Enter the duration in seconds.');
    expect(() => readSearchCriteria({ ...period, direction: 'sideways' })).toThrow('Unknown direction');
    expect(() => readSearchCriteria({ ...period, userIds: ['1 OR 1'] })).toThrow('Choose agents from the list.');
    expect(() => readSearchCriteria({ ...period, tags: 'VIP' })).toThrow('Choose tags from the list.');
  });
});
