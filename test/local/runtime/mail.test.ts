import { describe, expect, it } from '@jest/globals';
import { manualClock } from '../../../local/runtime/clock';
import { MAIL_MESSAGES, MailApp, MailLog } from '../../../local/runtime/mail';

const DAY_MS = 24 * 3_600_000;

function mailApp(quota = 3) {
  const clock = manualClock();
  const log = new MailLog(clock, quota);
  return { clock, log, mail: new MailApp(log, 'owner@example.com') };
}

const thrown = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  return null;
};

describe('local MailApp', () => {
  it('records what would be sent, in both call forms', () => {
    const { log, mail } = mailApp();
    mail.sendEmail({ to: 'a@x.com', subject: 'S1', body: 'B1', name: 'Tracker' });
    mail.sendEmail('b@x.com', 'S2', 'B2', { cc: 'c@x.com' });
    expect(log.sent.map((m) => [m.to, m.cc, m.subject, m.body, m.name, m.from])).toEqual([
      [['a@x.com'], [], 'S1', 'B1', 'Tracker', 'owner@example.com'],
      [['b@x.com'], ['c@x.com'], 'S2', 'B2', null, 'owner@example.com'],
    ]);
  });

  it('counts the daily quota in recipients, throws Apps Script’s text once spent, and renews it after 24 h', () => {
    const { clock, log, mail } = mailApp(3);
    mail.sendEmail({ to: 'a@x.com,b@x.com', subject: 's', body: 'b' });
    expect(mail.getRemainingDailyQuota()).toBe(1);
    expect(thrown(() => mail.sendEmail({ to: 'a@x.com,b@x.com', subject: 's', body: 'b' }))).toEqual({
      name: 'Exception',
      message: 'Service invoked too many times for one day: email.',
    });
    expect(log.sent).toHaveLength(1);
    clock.advance(DAY_MS);
    expect(mail.getRemainingDailyQuota()).toBe(3);
  });

  it('refuses a bad address or no recipient with Apps Script’s texts', () => {
    const { mail } = mailApp();
    expect(thrown(() => mail.sendEmail({ to: 'a@x.com, not-an-address', subject: 's', body: 'b' }))?.message).toBe(
      MAIL_MESSAGES.invalidEmail('not-an-address'),
    );
    expect(thrown(() => mail.sendEmail({ to: '', subject: 's', body: 'b' }))?.message).toBe(
      'Failed to send email: no recipient',
    );
  });
});
