import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';

describe('build', () => {
  it('writes a manifest clasp accepts', () => {
    const manifest = JSON.parse(readFileSync('dist/appsscript.json', 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    // Aircall, and Google Chat incoming webhooks for alerts (the webhook URL itself is a secret setting).
    expect(manifest.urlFetchWhitelist).toEqual(['https://api.aircall.io/', 'https://chat.googleapis.com/']);
    // Alerts by email need MailApp's scope.
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/script.send_mail');
  });
});
