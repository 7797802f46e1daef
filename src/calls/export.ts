/**
 * Rows for "Export to sheet": one header and one row per call card, every cell a string.
 * The sheet writer must store them as plain text (number format "@") so that a name such as
 * "=HYPERLINK(…)" or a number such as "+33 6…" is never parsed.
 */
import type { CallCard } from '../sidebar-contract';

const COLUMNS: readonly [header: string, cell: (card: CallCard) => string][] = [
  ['Call ID', (c) => String(c.id)],
  ['Direction', (c) => (c.direction === 'inbound' ? 'Inbound' : 'Outbound')],
  ['Status', (c) => c.status],
  ['Agent', (c) => c.agent ?? ''],
  ['Line', (c) => c.line ?? ''],
  ['Line number', (c) => c.lineDigits ?? ''],
  ['External number', (c) => c.externalNumber],
  ['Started', (c) => c.startedAt],
  ['Answered', (c) => c.answeredAt ?? ''],
  ['Ended', (c) => c.endedAt ?? ''],
  ['Wait (s)', (c) => (c.waitSec === null ? '' : String(c.waitSec))],
  ['Talk (s)', (c) => (c.talkSec === null ? '' : String(c.talkSec))],
  ['Duration (s)', (c) => String(c.durationSec)],
  ['Missed reason', (c) => c.missedReasonText ?? ''],
  ['Tags', (c) => c.tags.join(', ')],
  ['Comments', (c) => c.comments.join('\n')],
  ['Recording', (c) => c.recording ?? ''],
  ['Voicemail', (c) => c.voicemail ?? ''],
  ['Asset', (c) => c.asset ?? ''],
];

export function exportRows(cards: readonly CallCard[]): string[][] {
  return [COLUMNS.map(([header]) => header), ...cards.map((card) => COLUMNS.map(([, cell]) => cell(card)))];
}
