/**
 * Alerts in `npm start`: the local Chat webhook receiver runs beside the simulator, Configure ›
 * Alerts is filled in as a supervisor would (a few rules, an email address, the Chat webhook), and
 * what MailApp and the webhook received is printed as it arrives and written by --once --dump.
 */
import type { ChatMessage, ChatWebhook } from '../chat-webhook/index.js';
import type { Runtime, SentMail } from '../runtime/index.js';

export const DEMO_RECIPIENT = 'supervisor@example.com';

/** The rules a supervisor might start with; returns what went wrong, if anything. */
export function configureDemoAlerts(runtime: Runtime, chat: ChatWebhook): string | null {
  try {
    const result = runtime.callFromClient<{ ok: boolean; errors?: Record<string, string> }>('saveAlerts', [
      {
        rules: [
          { kind: 'longestWait', target: 'all', threshold: 60 },
          { kind: 'noAgentAvailable', target: 'all', threshold: 0 },
          { kind: 'availableBelow', target: 'all', threshold: 1 },
        ],
        emailTo: DEMO_RECIPIENT,
        chatWebhookUrl: chat.webhookUrl,
      },
    ]);
    return result.ok ? null : `Configure › Alerts refused the rules: ${Object.values(result.errors ?? {}).join(' ')}`;
  } catch (error) {
    return `Configure › Alerts failed: ${(error as Error).message}`;
  }
}

export interface AlertsDump {
  /** Every email MailApp sent. */
  mail: SentMail[];
  /** Every message the Chat webhook received. */
  chat: ChatMessage[];
}

export async function dumpAlerts(runtime: Runtime, chat: ChatWebhook): Promise<AlertsDump> {
  return { mail: [...runtime.mail.sent], chat: await chat.messages() };
}

/** Prints each email and Chat message once, as they arrive. */
export class AlertsReport {
  private mailSeen = 0;
  private chatSeen = 0;

  constructor(
    private readonly runtime: Runtime,
    private readonly chat: ChatWebhook,
    private readonly say: (line: string) => void,
  ) {}

  async flush(): Promise<void> {
    for (const mail of this.runtime.mail.sent.slice(this.mailSeen))
      this.say(`  Email to ${mail.to.join(', ')}: ${mail.subject}`);
    this.mailSeen = this.runtime.mail.sent.length;
    const messages = await this.chat.messages();
    for (const message of messages.slice(this.chatSeen))
      this.say(`  Google Chat: ${message.text.split('\n').slice(1).join(' | ').replaceAll('\u200B', '')}`);
    this.chatSeen = messages.length;
  }
}
