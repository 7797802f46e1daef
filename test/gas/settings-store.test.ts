/** Settings as stored per field: read back checked field by field, and saved as the changed fields only. */
import { describe, expect, it } from '@jest/globals';
import { applyEdits, readStoredSettings, settingsWrites } from '../../src/gas/settings-store';
import { DEFAULT_SETTINGS } from '../../src/tracker/settings';

describe('stored settings', () => {
  it('reads each field on its own: an unreadable one falls back to its default and is named, the others stay', () => {
    const stored = readStoredSettings({
      'settings.activityPeriodMin': '30',
      'settings.slaSec': '{oops',
      'settings.teamFilter': '"all"',
      'settings.waitLevel2Sec': '-4',
      'aircall.credentials': '{"apiId":"x"}',
    });
    expect(stored.settings.activityPeriodMin).toBe(30);
    expect(stored.settings.slaSec).toBe(DEFAULT_SETTINGS.slaSec);
    expect(stored.settings.teamFilter).toBeNull();
    expect(stored.settings.waitLevel2Sec).toBe(DEFAULT_SETTINGS.waitLevel2Sec);
    expect(stored.unreadable.sort()).toEqual(['slaSec', 'teamFilter', 'waitLevel2Sec']);
  });

  it('reads the single value earlier versions stored, under the per-field values', () => {
    const stored = readStoredSettings({
      settings: JSON.stringify({ ...DEFAULT_SETTINGS, activityPeriodMin: 45, slaSec: 12 }),
      'settings.slaSec': '25',
    });
    expect(stored.settings).toMatchObject({ activityPeriodMin: 45, slaSec: 25 });
    expect(readStoredSettings({ settings: 'garbage' }).unreadable).toEqual(['settings']);
  });

  it('writes only the fields that changed, and rewrites one that was unreadable', () => {
    const base = readStoredSettings({ 'settings.slaSec': 'nope' });
    const writes = settingsWrites({ ...base.settings, activityPeriodMin: 60 }, base);
    expect(Object.keys(writes).sort()).toEqual(['settings.activityPeriodMin', 'settings.slaSec']);
  });

  it('applies the fields a user changed in their form onto what is stored now', () => {
    const opened = { ...DEFAULT_SETTINGS };
    const now = { ...DEFAULT_SETTINGS, slaSec: 40 }; // a colleague saved meanwhile
    const edited = { ...opened, activityPeriodMin: 30 };
    expect(applyEdits(edited, opened, now)).toMatchObject({ activityPeriodMin: 30, slaSec: 40 });
  });
});
