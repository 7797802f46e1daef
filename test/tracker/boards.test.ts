import { describe, expect, it } from '@jest/globals';
import { BOARD_SHEET } from '../../src/gas/board-sheet';
import { DAILY_SHEET, HEAT_MAP_SHEET, HISTORY_SHEET, TODAY_SHEET } from '../../src/gas/history-sheet';
import { readStoredSettings } from '../../src/gas/settings-store';
import { SWITCH_LOG_SHEET } from '../../src/gas/setup';
import { MAX_BOARD_NAME_CHARS, MAX_EXTRA_BOARDS, PRODUCT_TABS, validateExtraBoards } from '../../src/tracker/boards';
import { DEFAULT_SETTINGS, SINGLE_USERS, validateSettings } from '../../src/tracker/settings';

const validate = (value: unknown) => validateExtraBoards(value, [], SINGLE_USERS);

describe('extra boards in the settings', () => {
  it('keeps a valid list, names trimmed, ids as strings, empty filters meaning all', () => {
    expect(
      validate([
        { name: ' Floor 1 ', teamFilter: [12, '13', SINGLE_USERS], lineFilter: [] },
        { name: 'Support', teamFilter: null, lineFilter: ['77'] },
      ]),
    ).toEqual({
      ok: true,
      boards: [
        { name: 'Floor 1', teamFilter: ['12', '13', SINGLE_USERS], lineFilter: null },
        { name: 'Support', teamFilter: null, lineFilter: ['77'] },
      ],
    });
  });

  it('keeps the current boards when the form does not send them, and [] removes them all', () => {
    const current = [{ name: 'Floor 1', teamFilter: ['12'], lineFilter: null }];
    expect(validateExtraBoards(undefined, current, SINGLE_USERS)).toEqual({ ok: true, boards: current });
    expect(validateExtraBoards([], current, SINGLE_USERS)).toEqual({ ok: true, boards: [] });
  });

  it('refuses two boards on one tab, also when only the case differs', () => {
    expect(validate([{ name: 'Floor 1' }, { name: 'floor 1 ' }])).toEqual({
      ok: false,
      error: 'Two boards are named "floor 1": each board needs its own tab.',
    });
  });

  it.each(['History', 'today', 'Daily', 'Heat map', 'ALERTS', 'Status Switch Log', 'Activity Tracker'])(
    'refuses the tracker tab "%s" as a board name',
    (name) => {
      const result = validate([{ name }]);
      expect(result).toEqual({
        ok: false,
        error: `"${name}" is one of the tracker's own tabs: choose another name for the board.`,
      });
    },
  );

  it('lists exactly the tabs the tracker writes', () => {
    expect([...PRODUCT_TABS].sort()).toEqual(
      [BOARD_SHEET, HISTORY_SHEET, TODAY_SHEET, DAILY_SHEET, HEAT_MAP_SHEET, 'Alerts', SWITCH_LOG_SHEET].sort(),
    );
  });

  it('refuses an empty name, a name too long for a tab label and control characters', () => {
    expect(validate([{ name: '  ' }])).toEqual({ ok: false, error: 'Give every board a tab name.' });
    const long = 'x'.repeat(MAX_BOARD_NAME_CHARS + 1);
    expect(validate([{ name: long }])).toMatchObject({
      ok: false,
      error: expect.stringContaining('at most 50 characters'),
    });
    expect(validate([{ name: 'Floor\n1' }])).toMatchObject({
      ok: false,
      error: expect.stringContaining('cannot have'),
    });
    expect(validate([{ name: 42 }])).toEqual({ ok: false, error: "A board's tab name must be text." });
  });

  it('keeps hostile names as they were typed: a tab label is never a formula', () => {
    expect(validate([{ name: '=HYPERLINK("http://x")' }, { name: '<script>' }])).toMatchObject({
      ok: true,
      boards: [{ name: '=HYPERLINK("http://x")' }, { name: '<script>' }],
    });
  });

  it(`allows at most ${MAX_EXTRA_BOARDS} boards`, () => {
    const boards = Array.from({ length: MAX_EXTRA_BOARDS + 1 }, (_, i) => ({ name: `Floor ${i}` }));
    expect(validate(boards.slice(0, MAX_EXTRA_BOARDS)).ok).toBe(true);
    expect(validate(boards)).toEqual({ ok: false, error: 'At most 10 extra boards; this list has 11.' });
  });

  it('refuses team and line filters that are not ids from the selectors', () => {
    expect(validate([{ name: 'A', teamFilter: ['=1+1'] }])).toEqual({
      ok: false,
      error: 'Board "A": teams must come from the selector.',
    });
    expect(validate([{ name: 'A', lineFilter: [SINGLE_USERS] }])).toEqual({
      ok: false,
      error: 'Board "A": lines must come from the list.',
    });
    expect(validate({ name: 'A' })).toEqual({ ok: false, error: 'Boards must be a list of boards.' });
  });

  it('reaches Configure as the boards field error, and nothing else is applied', () => {
    const result = validateSettings({ slaSec: '30', boards: [{ name: 'History' }] }, DEFAULT_SETTINGS);
    expect(result).toEqual({
      ok: false,
      errors: { boards: '"History" is one of the tracker\'s own tabs: choose another name for the board.' },
    });
  });

  it('reads stored boards back through the same checks: a bad stored list falls back to none, the rest stays', () => {
    const good = [{ name: 'Floor 1', teamFilter: ['12'], lineFilter: null }];
    expect(readStoredSettings({ 'settings.boards': JSON.stringify(good) }).settings.boards).toEqual(good);
    const bad = readStoredSettings({
      'settings.boards': JSON.stringify([{ name: 'Today' }]),
      'settings.slaSec': '30',
    });
    expect(bad.unreadable).toEqual(['boards']);
    expect(bad.settings).toEqual({ ...DEFAULT_SETTINGS, slaSec: 30, boards: [] });
  });
});
