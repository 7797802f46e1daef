import { describe, expect, it } from '@jest/globals';
import { DEFAULT_SETTINGS, type Settings, SINGLE_USERS, validateSettings } from '../../src/tracker/settings';

const current: Settings = { ...DEFAULT_SETTINGS, slaSec: 30, teamFilter: ['12'] };

describe('validateSettings', () => {
  it('accepts numbers sent as strings with spaces', () => {
    const result = validateSettings({ activityPeriodMin: ' 30 ', waitLevel1Sec: '5', waitLevel2Sec: 40 }, current);
    expect(result).toEqual({
      ok: true,
      settings: { ...current, activityPeriodMin: 30, waitLevel1Sec: 5, waitLevel2Sec: 40 },
    });
  });

  it('keeps the current value of every empty field, including the team filter when omitted', () => {
    const result = validateSettings({ activityPeriodMin: '', userRefreshMin: '  ', slaSec: null }, current);
    expect(result).toEqual({ ok: true, settings: current });
  });

  it.each([['15abc'], ['-5'], ['1.5'], [2.5], [-1], ['1e3'], [true], [0], [1441]])(
    'rejects %j as an activity period with a message a supervisor understands',
    (value) => {
      const result = validateSettings({ activityPeriodMin: value }, current);
      expect(result).toEqual({
        ok: false,
        errors: { activityPeriodMin: 'Activity period must be a whole number of minutes between 1 and 1440.' },
      });
    },
  );

  it('allows an SLA of 0 to turn the check off', () => {
    const result = validateSettings({ slaSec: '0' }, current);
    expect(result.ok && result.settings.slaSec).toBe(0);
  });

  it('requires level 2 above level 1, also against the stored level 1', () => {
    expect(validateSettings({ waitLevel1Sec: 20, waitLevel2Sec: 20 }, current)).toEqual({
      ok: false,
      errors: { waitLevel2Sec: 'Call waiting threshold (level 2) must be greater than level 1 (20 seconds).' },
    });
    const stored = { ...current, waitLevel1Sec: 30, waitLevel2Sec: 60 };
    expect(validateSettings({ waitLevel2Sec: '25' }, stored).ok).toBe(false);
  });

  it('applies nothing when any field is wrong, and reports each wrong field', () => {
    const result = validateSettings({ activityPeriodMin: 60, userRefreshMin: 'x', teamRefreshMin: -3 }, current);
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(['teamRefreshMin', 'userRefreshMin']);
  });

  it('treats an empty or null team selection as all teams', () => {
    for (const teamFilter of [[], null]) {
      const result = validateSettings({ teamFilter }, current);
      expect(result.ok && result.settings.teamFilter).toBeNull();
    }
  });

  it('keeps team ids and Single Users, without duplicates', () => {
    const result = validateSettings({ teamFilter: ['7', 7, SINGLE_USERS] }, current);
    expect(result.ok && result.settings.teamFilter).toEqual(['7', SINGLE_USERS]);
  });

  it('rejects a team filter that is not a list of teams', () => {
    for (const teamFilter of ['7;8', ['sales'], [{}]]) {
      const result = validateSettings({ teamFilter }, current);
      expect(result.ok ? null : result.errors.teamFilter).toBe(
        'Aircall teams must be a list of teams from the selector.',
      );
    }
  });
});
