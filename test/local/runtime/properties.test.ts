import { describe, expect, it } from '@jest/globals';
import { Properties } from '../../../local/runtime/properties';

const QUOTA = 'You have exceeded the property storage quota. Please remove some properties and try again.';

describe('PropertiesService store', () => {
  it('coerces values to strings and answers null for a missing key', () => {
    const props = new Properties(new Map());
    props.setProperty('count', 3 as unknown as string);
    expect(props.getProperty('count')).toBe('3');
    expect(props.getProperty('missing')).toBeNull();
  });

  it('returns a copy from getProperties', () => {
    const props = new Properties(new Map([['a', '1']]));
    const copy = props.getProperties();
    copy.a = 'changed';
    expect(props.getProperty('a')).toBe('1');
  });

  it('sets several properties, optionally deleting all others', () => {
    const props = new Properties(new Map([['old', 'x']]));
    props.setProperties({ a: 1, b: true });
    expect(props.getProperties()).toEqual({ old: 'x', a: '1', b: 'true' });
    props.setProperties({ c: 'only' }, true);
    expect(props.getKeys()).toEqual(['c']);
  });

  it('refuses a value over 9 KB and leaves the store unchanged', () => {
    const props = new Properties(new Map());
    props.setProperty('fits', 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow(QUOTA);
    expect(props.getKeys()).toEqual(['fits']);
  });

  it('refuses a write that takes the store over 500 KB of keys and values', () => {
    const props = new Properties(new Map());
    const value = 'x'.repeat(9_000);
    // 56 entries of 9,000 + 3 key bytes = 504,168 bytes, just under 512,000.
    for (let i = 0; i < 56; i++) props.setProperty(`k${String(i).padStart(2, '0')}`, value);
    expect(() => props.setProperty('k56', value)).toThrow(QUOTA);
    expect(props.getKeys().length).toBe(56);
    props.deleteProperty('k00');
    props.setProperty('k56', value);
    expect(props.getProperty('k56')).toBe(value);
  });
});
