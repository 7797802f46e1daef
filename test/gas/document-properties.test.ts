/** DocumentProperties read once per refresh: what the refresh reads is what is stored, its own writes included. */
import { describe, expect, it } from '@jest/globals';
import { PropertiesSnapshot } from '../../src/gas/document-properties';

/** A Properties store that records its calls. */
class RecordingProperties {
  readonly values = new Map<string, string>();
  readonly calls: string[] = [];
  getProperty(key: string): string | null {
    this.calls.push('getProperty');
    return this.values.get(key) ?? null;
  }
  getProperties(): Record<string, string> {
    this.calls.push('getProperties');
    return Object.fromEntries(this.values);
  }
  getKeys(): string[] {
    this.calls.push('getKeys');
    return [...this.values.keys()];
  }
  setProperty(key: string, value: string) {
    this.calls.push('setProperty');
    this.values.set(key, value);
    return this;
  }
  setProperties(entries: Record<string, string>, deleteAllOthers = false) {
    this.calls.push('setProperties');
    if (deleteAllOthers) this.values.clear();
    for (const [key, value] of Object.entries(entries)) this.values.set(key, value);
    return this;
  }
  deleteProperty(key: string) {
    this.calls.push('deleteProperty');
    this.values.delete(key);
    return this;
  }
  deleteAllProperties() {
    this.calls.push('deleteAllProperties');
    this.values.clear();
    return this;
  }
}

function snapshotOf(entries: Record<string, string>) {
  const store = new RecordingProperties();
  for (const [key, value] of Object.entries(entries)) store.values.set(key, value);
  return { store, snapshot: new PropertiesSnapshot(store as unknown as GoogleAppsScript.Properties.Properties) };
}

describe('PropertiesSnapshot', () => {
  it('answers every read from one getProperties', () => {
    const { store, snapshot } = snapshotOf({ 'settings.slaSec': '20', 'history.state#n': '1' });
    expect(snapshot.getProperty('settings.slaSec')).toBe('20');
    expect(snapshot.getProperty('missing')).toBeNull();
    expect(snapshot.getProperties()).toEqual({ 'settings.slaSec': '20', 'history.state#n': '1' });
    expect(snapshot.getKeys().sort()).toEqual(['history.state#n', 'settings.slaSec']);
    expect(store.calls).toEqual(['getProperties']);
  });

  it('writes through at once, and reads its own writes and deletions back', () => {
    const { store, snapshot } = snapshotOf({ a: '1', b: '2' });
    snapshot.getProperties();
    snapshot.setProperties({ a: 'new', c: '3' });
    snapshot.setProperty('d', '4');
    snapshot.deleteProperty('b');
    expect(Object.fromEntries(store.values)).toEqual({ a: 'new', c: '3', d: '4' });
    expect(snapshot.getProperties()).toEqual({ a: 'new', c: '3', d: '4' });
    expect(store.calls).toEqual(['getProperties', 'setProperties', 'setProperty', 'deleteProperty']);
  });

  it('a copy handed out is not the snapshot itself', () => {
    const { snapshot } = snapshotOf({ a: '1' });
    const copy = snapshot.getProperties();
    copy.a = 'changed by the caller';
    expect(snapshot.getProperty('a')).toBe('1');
  });

  it('follows a write that replaces everything', () => {
    const { snapshot } = snapshotOf({ a: '1', b: '2' });
    snapshot.getProperties();
    snapshot.setProperties({ c: '3' }, true);
    expect(snapshot.getProperties()).toEqual({ c: '3' });
    snapshot.deleteAllProperties();
    expect(snapshot.getProperties()).toEqual({});
  });
});
