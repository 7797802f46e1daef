/**
 * MailApp: nothing is sent; every message is recorded in a MailLog that outlives executions, so
 * tests and the local preview can read what the add-on sent. The daily quota is counted in
 * recipients, as Apps Script counts it: 100 a day on a consumer account, 1,500 on Google Workspace
 * (developers.google.com/apps-script/guides/services/quotas), over 24 hours from the first send.
 * Error texts as Apps Script gives them (sources in docs/alerts.md).
 */
import type { Clock } from './clock.js';
import { gasError } from './errors.js';
import type { Implements } from './gas-types.js';

export const MAIL_QUOTA = { consumer: 100, workspace: 1_500 } as const;
const DAY_MS = 24 * 3_600_000;
const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

export const MAIL_MESSAGES = {
  dailyQuota: 'Service invoked too many times for one day: email.',
  invalidEmail: (address: string) => `Invalid email: ${address}`,
  noRecipient: 'Failed to send email: no recipient',
} as const;

export interface SentMail {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody: string | null;
  name: string | null;
  replyTo: string | null;
  /** Who ran the execution (the sender). */
  from: string;
  atMs: number;
}

/** Every message sent, and the recipients counted against the quota since the window opened. */
export class MailLog {
  readonly sent: SentMail[] = [];
  private windowStartMs: number | null = null;
  private used = 0;

  constructor(
    private readonly clock: Clock,
    public quota: number,
  ) {}

  remaining(): number {
    this.roll();
    return Math.max(0, this.quota - this.used);
  }

  /** Spends the quota as if `recipients` had been sent to already today (tests of a spent quota). */
  use(recipients: number): void {
    this.roll();
    this.windowStartMs ??= this.clock.now();
    this.used += recipients;
  }

  record(mail: Omit<SentMail, 'atMs'>): void {
    const recipients = mail.to.length + mail.cc.length + mail.bcc.length;
    if (this.remaining() < recipients) throw gasError(MAIL_MESSAGES.dailyQuota);
    this.use(recipients);
    this.sent.push({ ...mail, atMs: this.clock.now() });
  }

  private roll(): void {
    if (this.windowStartMs !== null && this.clock.now() - this.windowStartMs >= DAY_MS) {
      this.windowStartMs = null;
      this.used = 0;
    }
  }
}

type GasMailApp = GoogleAppsScript.Mail.MailApp;
type MailOptions = {
  to?: string;
  cc?: string;
  bcc?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
};

function addresses(list: string | undefined): string[] {
  const parts = (list ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  for (const address of parts) if (!EMAIL.test(address)) throw gasError(MAIL_MESSAGES.invalidEmail(address));
  return parts;
}

export class MailApp implements Implements<GasMailApp, 'getRemainingDailyQuota'> {
  static readonly gasName = 'MailApp';

  constructor(
    private readonly log: MailLog,
    private readonly from: string,
  ) {}

  getRemainingDailyQuota(): number {
    return this.log.remaining();
  }

  /** sendEmail(message) or sendEmail(recipient, subject, body[, options]). */
  sendEmail(first: string | MailOptions, subject?: string, body?: string, options?: MailOptions): void {
    const message: MailOptions =
      typeof first === 'object' && first !== null
        ? first
        : { ...(options ?? {}), to: String(first ?? ''), subject: String(subject ?? ''), body: String(body ?? '') };
    const to = addresses(message.to);
    const cc = addresses(message.cc);
    const bcc = addresses(message.bcc);
    if (to.length + cc.length + bcc.length === 0) throw gasError(MAIL_MESSAGES.noRecipient);
    this.log.record({
      to,
      cc,
      bcc,
      subject: String(message.subject ?? ''),
      body: String(message.body ?? ''),
      htmlBody: message.htmlBody ?? null,
      name: message.name ?? null,
      replyTo: message.replyTo ?? null,
      from: this.from,
    });
  }
}
