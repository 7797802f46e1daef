/**
 * The Lines panel, the totals strip and time in status on a scripted call center, against numbers
 * worked out by hand from the scenario's events (arithmetic in the comments).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_START_MS, type Scenario } from '../../local/aircall-sim/index';
import { ALARM_STYLE, NEUTRAL_STYLE, OK_STYLE, WARNING_STYLE } from '../../src/sheet/styles';
import { LINE_HEADERS } from '../fixtures/lines-table';
import { DEFAULT_FORM, findCells, openWallboard, spreadsheetCalls, type Wallboard } from '../support/wallboard';

const T0 = DEFAULT_START_MS;
const at = (sec: number) => T0 + sec * 1000;

const SUPPORT = 100;
const SALES = 200;
const BILLING = 300;

const scenario: Scenario = {
  agents: [
    { id: 1, name: 'Ana' },
    { id: 2, name: 'Ben' },
    { id: 3, name: 'Cleo' },
    { id: 4, name: 'Dev' },
  ],
  teams: [
    { id: 10, name: 'Front', userIds: [1, 2] },
    { id: 20, name: 'Back', userIds: [3, 4] },
  ],
  numbers: [
    { id: SUPPORT, name: 'Support', digits: '+33 1 00 00 01 00', userIds: [1, 2, 4] },
    { id: SALES, name: 'Sales', digits: '+33 1 00 00 02 00', userIds: [1, 3] },
    { id: BILLING, name: 'Billing', digits: '+33 1 00 00 03 00', userIds: [] },
  ],
  events: [
    // Sales: call 5 waits 25 s, answered by Cleo, ends (no wrap-up: Cleo is available again).
    { atMs: at(5), type: 'arrive', callId: 5, numberId: SALES, rawDigits: '+33 6 00 00 00 05' },
    { atMs: at(30), type: 'answer', callId: 5, userId: 3 },
    { atMs: at(45), type: 'end', callId: 5 },
    // Support: call 1 rings from t0+10 s and is still waiting.
    { atMs: at(10), type: 'arrive', callId: 1, numberId: SUPPORT, rawDigits: '+33 6 00 00 00 01' },
    // Support: call 2 waits 15 s, answered by Ben at t0+35 s, still on the phone.
    { atMs: at(20), type: 'arrive', callId: 2, numberId: SUPPORT, rawDigits: '+33 6 00 00 00 02' },
    { atMs: at(35), type: 'answer', callId: 2, userId: 2 },
    // Support: call 3 rings from t0+25 s and is still waiting.
    { atMs: at(25), type: 'arrive', callId: 3, numberId: SUPPORT, rawDigits: '+33 6 00 00 00 03' },
    // Support: call 4, the caller hangs up at t0+40 s.
    { atMs: at(30), type: 'arrive', callId: 4, numberId: SUPPORT, rawDigits: '+33 6 00 00 00 04' },
    { atMs: at(40), type: 'miss', callId: 4, reason: 'short_abandoned' },
    // Sales: call 6 missed, no agent free.
    { atMs: at(42), type: 'arrive', callId: 6, numberId: SALES, rawDigits: '+33 6 00 00 00 06' },
    { atMs: at(52), type: 'miss', callId: 6, reason: 'no_available_agent' },
    // Dev goes offline at t0+70 s.
    { atMs: at(70), type: 'status', userId: 4, availability: 'offline' },
  ],
};

const TARGETS = {
  all: { longestWaitSec: { yellow: 30, red: 60 }, slaPct: { yellow: 90, red: 40 } },
  [SALES]: { missed: { yellow: 1, red: 2 } },
  [BILLING]: { waiting: { yellow: 1, red: 3 } },
};

const GREEN = OK_STYLE.background;
const YELLOW = WARNING_STYLE.background;
const RED = ALARM_STYLE.background;
const NEUTRAL = NEUTRAL_STYLE.background;
const valuesOf = (row: Record<string, { value: string }>) => LINE_HEADERS.map((header) => row[header].value);

describe('Lines panel and totals on a scripted call center', () => {
  let wb: Wallboard;
  /** The board's cell whose text starts with `start`: value, background and note. */
  const cell = (start: string) => {
    const board = wb.board();
    const found = findCells(board, (v) => v.startsWith(start));
    expect({ start, cells: found.length }).toEqual({ start, cells: 1 });
    const { row, column } = found[0];
    return {
      value: board.displayValues[row - 1][column - 1],
      background: board.backgrounds[row - 1][column - 1],
      note: board.notes[row - 1][column - 1],
    };
  };
  const nameCell = (name: string) => cell(`${name}\n`);
  /** The Lines table read cell by cell: per line shown, each header's value, background and note. */
  const linesTable = () => {
    const board = wb.board();
    const [top] = findCells(board, (v, _row, column) => v === 'Line' && column === 1);
    const headers = board.displayValues[top.row - 1];
    expect(headers.slice(0, LINE_HEADERS.length)).toEqual(LINE_HEADERS);
    const rows = new Map<string, Record<string, { value: string; background: string; note: string }>>();
    for (let r = top.row; r < board.displayValues.length && board.displayValues[r][0] !== ''; r++) {
      const cells = LINE_HEADERS.map((header, c) => [
        header,
        { value: board.displayValues[r][c], background: board.backgrounds[r][c], note: board.notes[r][c] },
      ]);
      rows.set(board.displayValues[r][0], Object.fromEntries(cells));
    }
    return rows;
  };

  beforeAll(async () => {
    wb = await openWallboard({ scenario, history: false, clock: { mode: 'manual', startMs: T0 } });
    const saved = wb.runtime.callFromClient('saveSettings', [{ ...DEFAULT_FORM, slaSec: 20, lineTargets: TARGETS }]);
    expect(saved).toEqual({ ok: true });
    wb.runtime.run('mapUsersToNumbers');
    await wb.sim.advance(60_000);
    wb.runtime.resetCounters();
    wb.runtime.run('refreshFromMenu');
  });
  afterAll(() => wb?.close());

  it('keeps the targets saved through Configure', () => {
    const view = wb.runtime.callFromClient<{ settings: Record<string, unknown> }>('getConfigureView');
    expect(view.settings.lineTargets).toEqual(JSON.parse(JSON.stringify(TARGETS)));
  });

  it('shows the total, then per line in trouble the waits, agents, answers, misses, SLA and abandon rate at t0+60 s', () => {
    // Waiting on Support: call 1 for 60-10 = 50 s, call 3 for 60-25 = 35 s → longest 0:50, min 0:35,
    // average (50+35)/2 = 42.5 s → 0:42. Answered: call 2 (15 s wait ≤ SLA 20 s). Missed: call 4,
    // abandoned. SLA 1 of 2 = 50%; abandoned 1 of 2 = 50%. Agents 1, 2, 4: Ana and Dev available, Ben on call 2.
    const table = linesTable();
    // Worst first: both red — Support by the default abandon target (50% ≥ 20%), Sales by its SLA (0%) —
    // Support first for its longer wait; Billing is on target, so not listed.
    expect([...table.keys()]).toEqual(['All lines', 'Support', 'Sales']);
    expect(valuesOf(table.get('Support')!)).toEqual([
      'Support',
      '2',
      '0:50',
      '0:35',
      '0:42',
      '3',
      '2',
      '1',
      '1',
      '1',
      '50%',
      '50%',
    ]);
    // Sales: call 5 answered after 30-5 = 25 s > 20 s; call 6 missed, not abandoned → SLA 0 of 2, 0% abandoned.
    // Agents 1, 3: Ana available, Cleo available since call 5 ended at t0+45 s.
    expect(valuesOf(table.get('Sales')!)).toEqual([
      'Sales',
      '0',
      '0:00',
      '0:00',
      '0:00',
      '2',
      '2',
      '0',
      '1',
      '1',
      '0%',
      '0%',
    ]);
    // Every line: 2 waiting, 2 answered, 2 missed; SLA 1 of 4, abandoned 1 of 4.
    expect(valuesOf(table.get('All lines')!)).toEqual([
      'All lines',
      '2',
      '0:50',
      '0:35',
      '0:42',
      '—',
      '—',
      '—',
      '2',
      '2',
      '25%',
      '25%',
    ]);
  });

  it('colours each metric by its own target and says why in its note', () => {
    const table = linesTable();
    // Support: longest 50 s ≥ yellow 30 and < red 60; SLA 50% < yellow 90 and ≥ red 40.
    const support = table.get('Support')!;
    expect(support['Longest wait'].background).toBe(YELLOW);
    expect(support['Longest wait'].note).toBe('Longest wait 0:50 — yellow (yellow from 0:30, red from 1:00)');
    expect(support['SLA %'].background).toBe(YELLOW);
    expect(support['SLA %'].note).toBe('SLA 50% — yellow (yellow below 90%, red below 40%)');
    // No target on Support's waiting count nor its misses.
    expect(support.Waiting.background).toBe(NEUTRAL);
    expect(support.Missed.background).toBe(NEUTRAL);
    // No abandon target set: the default one applies, 50% ≥ red 20%.
    expect(support.Abandoned.background).toBe(RED);
    // The name cell: the worst of the line's targets, with its number and what is off target.
    expect(support.Line.background).toBe(RED);
    expect(support.Line.note.split('\n')).toEqual([
      '+33 1 00 00 01 00',
      'Longest wait 0:50 — yellow (yellow from 0:30, red from 1:00)',
      'Abandon rate 50% — red (yellow from 10%, red from 20%)',
      'SLA 50% — yellow (yellow below 90%, red below 40%)',
    ]);
    // Sales: SLA 0% < red 40 → red; missed 1 ≥ its own yellow 1 → yellow; no one waiting → longest 0:00 green.
    const sales = table.get('Sales')!;
    expect(sales['SLA %'].background).toBe(RED);
    expect(sales['SLA %'].note).toBe('SLA 0% — red (yellow below 90%, red below 40%)');
    expect(sales.Missed.background).toBe(YELLOW);
    expect(sales.Missed.note).toBe('Missed calls 1 — yellow (yellow from 1, red from 2)');
    expect(sales['Longest wait'].background).toBe(GREEN);
    expect(sales.Line.background).toBe(RED);
  });

  it('shows the totals strip for the whole account', () => {
    // Ana, Cleo, Dev available; Ben on a call.
    expect(cell('Available\n').value).toBe('Available\n3');
    expect(cell('On a call\n').value).toBe('On a call\n1');
    expect(cell('After-call\n').value).toBe('After-call\n0');
    expect(cell('Do not disturb\n').value).toBe('Do not disturb\n0');
    expect(cell('Offline\n').value).toBe('Offline\n0');
    expect(cell('Waiting 2').value).toBe('Waiting 2\nlongest 0:50');
    // Finished inbound answered: call 5 (call 2 is still on, shown as Ben's status); missed: 4 and 6, each
    // once. SLA: call 2 only, 1 of 4 = 25%; abandoned: call 4, 1 of 4.
    expect(cell('1 IN').value).toBe('1 IN · 0 OUT\n2 MISS');
    expect(cell('SLA 25%').value).toBe('SLA 25%\n25% abandoned');
  });

  it('counts time in status from the change a refresh saw, as "at least" until then, and a call from the call', async () => {
    // Ana has been available at least since the first refresh (t0+60 s); Dev went offline at t0+70 s,
    // a change the t0+70 s refresh sees; Ben answered call 2 at t0+35 s.
    await wb.sim.advance(10_000);
    wb.runtime.run('refreshFromMenu');
    expect(nameCell('Dev').value).toBe('Dev\nOff 0:00');
    await wb.sim.advance(30_000);
    wb.runtime.run('refreshFromMenu');
    expect(nameCell('Dev').value).toBe('Dev\nOff 0:30');
    expect(nameCell('Ana').value).toBe('Ana\nAvail ≥0:40');
    expect(nameCell('Ben').value).toBe('Ben\nCall 1:05');
  });

  it('shows exactly the lines of the lines filter', () => {
    expect(
      wb.runtime.callFromClient('saveSettings', [{ ...DEFAULT_FORM, slaSec: 20, lineFilter: [String(SALES)] }]),
    ).toEqual({
      ok: true,
    });
    wb.runtime.run('refreshFromMenu');
    expect([...linesTable().keys()]).toEqual(['All lines', 'Sales']);
  });
  it('stays within the Spreadsheet call budget on a steady refresh', async () => {
    await wb.sim.advance(1_000);
    wb.runtime.resetCounters();
    wb.runtime.run('refreshFromMenu');
    // The board writer takes about 15 of these; the rest are the other per-refresh hooks.
    expect(spreadsheetCalls(wb.runtime)).toBeLessThanOrEqual(30);
  });
});
