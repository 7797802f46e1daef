/** `npm start -- --once --dump FILE` with alerts: the local MailApp and Chat webhook receiver in the dump. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { AlertsDump } from '../../local/preview/alerts';
import type { WorkbookDump } from '../../local/preview/dump';

const dir = mkdtempSync(join(tmpdir(), 'aircall-start-alerts-'));

describe('npm start --once --dump, alerts', () => {
  it('writes the emails MailApp sent, the messages the Chat webhook received and the Alerts tab', async () => {
    const file = join(dir, 'medium.json');
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'local/start.ts', '--preset', 'medium', '--once', '--dump', file],
        { env: { ...process.env, AIRCALL_API_ID: '', AIRCALL_API_TOKEN: '' }, timeout: 100_000 },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(run.stderr).not.toMatch(/problem|failed|Error/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Local Google Chat webhook receiver on http:\/\/127\.0\.0\.1:\d+/);

    const dump = JSON.parse(readFileSync(file, 'utf8')) as WorkbookDump & { alerts: AlertsDump };
    const { mail, chat } = dump.alerts;
    // The medium call center has a line no agent answers ("Overflow (no agents)"), with callers waiting.
    expect(mail.length).toBeGreaterThan(0);
    expect(chat).toHaveLength(mail.length);
    expect(mail[0]).toMatchObject({ to: ['supervisor@example.com'], name: 'Aircall Activity Tracker' });
    expect(run.stdout).toContain(`${mail.length} emails and ${chat.length} Chat messages`);

    const tab = dump.sheets.find((s) => s.name === 'Alerts')!;
    expect(tab.values[0]).toEqual(['Time', 'Rule', 'Line or team', 'Value', 'Channel', 'Outcome']);
    const rows = tab.values.slice(1).filter((row) => row[0] !== '');
    expect(rows.filter((row) => row[4] === 'Email' && row[5] === 'sent').length).toBeGreaterThan(0);
    expect(rows.filter((row) => row[4] === 'Google Chat' && row[5] === 'sent').length).toBeGreaterThan(0);
    expect(dump.counters['MailApp.sendEmail']).toBe(mail.length);
    // The webhook's token reached the receiver, never the dump.
    expect(readFileSync(file, 'utf8')).not.toMatch(/chat\.googleapis\.com|local-chat-token/);
  }, 120_000);
});
