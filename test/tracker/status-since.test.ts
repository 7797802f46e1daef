import { describe, expect, it } from '@jest/globals';
import { nextStatusSince } from '../../src/tracker/status-since';

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
});
