import { describe, expect, it } from '@jest/globals';
import { knownStatuses, nextStatusSince } from '../../src/tracker/status-since';

describe('time in status', () => {
  it('is only a lower bound for a status already on when first seen, exact once a change is seen', () => {
    const first = nextStatusSince(null, [{ id: 1, availability: 'available' }], 1000);
    expect(first[1]).toEqual({ status: 'available', sinceSec: 1000, changeSeen: false });

    const same = nextStatusSince(first, [{ id: 1, availability: 'available' }], 1060);
    expect(same[1]).toEqual({ status: 'available', sinceSec: 1000, changeSeen: false });

    const changed = nextStatusSince(same, [{ id: 1, availability: 'in_call' }], 1120);
    expect(changed[1]).toEqual({ status: 'in_call', sinceSec: 1120, changeSeen: true });

    const kept = nextStatusSince(changed, [{ id: 1, availability: 'in_call' }], 1180);
    expect(kept[1]).toEqual(changed[1]);
  });

  it('forgets agents no longer listed', () => {
    const first = nextStatusSince(
      null,
      [
        { id: 1, availability: 'available' },
        { id: 2, availability: 'offline' },
      ],
      1,
    );
    expect(Object.keys(nextStatusSince(first, [{ id: 2, availability: 'offline' }], 61))).toEqual(['2']);
  });

  it('keeps the last reading of agents not read this time when statuses are read in rotation', () => {
    const first = nextStatusSince(
      null,
      [
        { id: 1, availability: 'available' },
        { id: 2, availability: 'do_not_disturb' },
        { id: 3, availability: 'offline' },
      ],
      1000,
    );
    // Only agent 1's page is read; 2 is still in the directory, 3 has left it.
    const next = nextStatusSince(first, [{ id: 1, availability: 'in_call' }], 1060, (id) => id !== 3);
    expect(next[2]).toEqual(first[2]);
    expect(next[1]).toEqual({ status: 'in_call', sinceSec: 1060, changeSeen: true });
    expect(knownStatuses(next).sort((a, b) => a.id - b.id)).toEqual([
      { id: 1, availability: 'in_call' },
      { id: 2, availability: 'do_not_disturb' },
    ]);
  });
});
