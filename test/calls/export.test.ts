import { describe, expect, it } from '@jest/globals';
import { toCallCard } from '../../src/calls/call-card';
import { exportRows } from '../../src/calls/export';
import { HOSTILE, sidebarCalls } from '../fixtures/sidebar-calls';

const NOW = 1_700_000_000;
const cards = sidebarCalls(NOW).map((call) => toCallCard(call, { formatTime: (s) => `at ${s}`, nowSec: NOW }));

describe('exportRows', () => {
  it('writes a header and one row of strings per call, columns aligned', () => {
    const rows = exportRows(cards);
    expect(rows).toHaveLength(cards.length + 1);
    const header = rows[0];
    for (const row of rows) {
      expect(row).toHaveLength(header.length);
      for (const cell of row) expect(typeof cell).toBe('string');
    }
    const col = (name: string) => header.indexOf(name);
    const hostile = rows.find((row) => row[col('Call ID')] === '9002')!;
    expect(hostile[col('Agent')]).toBe(HOSTILE.agent);
    expect(hostile[col('Tags')]).toBe(`${HOSTILE.tag}, connected`);
    expect(hostile[col('Direction')]).toBe('Outbound');
    const missed = rows.find((row) => row[col('Call ID')] === '9003')!;
    expect(missed[col('Missed reason')]).toBe('Caller hung up within seconds');
    expect(missed[col('Answered')]).toBe('');
    expect(missed[col('Started')]).toBe(`at ${NOW - 240}`);
  });

  it('writes only the header when nothing was found', () => {
    expect(exportRows([])).toEqual([exportRows(cards)[0]]);
  });
});
