import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';

describe('build', () => {
  it('writes a manifest clasp accepts', () => {
    const manifest = JSON.parse(readFileSync('dist/appsscript.json', 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.urlFetchWhitelist).toEqual(['https://api.aircall.io/']);
  });
});
