/** One call as a card, built with DOM APIs only (see dom.ts). */
import type { CallCard } from '../../src/sidebar-contract';
import { formatKnownDuration } from '../../src/tracker/durations';
import { el, safeUrl } from './dom';

/** Signed media URLs expire: only recent calls get a player (the asset link always works). */
export const PLAYABLE_FOR_SEC = 10 * 60;

function fact(label: string, value: string | null): Node[] {
  return value === null || value === '' ? [] : [el('dt', {}, label), el('dd', {}, value)];
}

function list(className: string, label: string, items: string[]): HTMLElement | null {
  if (items.length === 0) return null;
  return el('ul', { class: className, 'aria-label': label }, ...items.map((item) => el('li', {}, item)));
}

function player(label: string, url: string | null, playable: boolean): HTMLElement | null {
  const src = safeUrl(url);
  if (!playable || !src) return null;
  return el(
    'figure',
    { class: 'player' },
    el('figcaption', {}, label),
    el('audio', { controls: true, preload: 'none', src, 'aria-label': label }),
  );
}

function assetLink(url: string | null): HTMLElement | null {
  if (!url) return null;
  const href = safeUrl(url);
  if (!href) return el('p', { class: 'asset-blocked' }, 'Asset link hidden: not a web address');
  return el(
    'a',
    { class: 'asset', href, target: '_blank', rel: 'noopener noreferrer' },
    'Open recording / voicemail page',
  );
}

function rawJson(json: string): HTMLElement {
  const pre = el('pre', { class: 'raw-json' });
  const details = el('details', {}, el('summary', {}, 'Raw JSON'), pre);
  // Filled on first open: a long list stays light until someone asks for the details.
  details.addEventListener('toggle', () => {
    if (details.open && !pre.textContent) pre.textContent = json;
  });
  return details;
}

export function renderCard(card: CallCard, nowSec: number): HTMLElement {
  const playable = (card.endedAtSec ?? nowSec) >= nowSec - PLAYABLE_FOR_SEC;
  const direction = card.direction === 'inbound' ? 'Inbound' : 'Outbound';
  const missed = card.missedReason !== null;
  return el(
    'article',
    {
      class: `call-card ${missed ? 'missed' : ''}`,
      'aria-label': `${direction} call ${card.id}`,
      'data-call-id': String(card.id),
    },
    el(
      'header',
      {},
      el('span', { class: `direction ${card.direction}` }, direction),
      el('span', { class: 'status' }, card.status),
      el('span', { class: 'call-id' }, `#${card.id}`),
    ),
    el(
      'dl',
      { class: 'facts' },
      ...fact('Agent', card.agent ?? 'No agent'),
      ...fact('Line', [card.line, card.lineDigits].filter(Boolean).join(' · ') || null),
      ...fact(card.direction === 'inbound' ? 'Caller' : 'Called', card.externalNumber),
      ...fact('Started', card.startedAt),
      ...fact('Answered', card.answeredAt ?? 'Not answered'),
      ...fact('Ended', card.endedAt ?? 'Still going'),
      ...fact('Wait', formatKnownDuration(card.waitSec)),
      ...fact('Talk', card.talkSec === null ? null : formatKnownDuration(card.talkSec)),
      ...fact('Missed', card.missedReasonText),
    ),
    list('tags', 'Tags', card.tags),
    list('comments', 'Comments', card.comments),
    player('Recording', card.recording, playable),
    player('Voicemail', card.voicemail, playable),
    assetLink(card.asset),
    rawJson(card.rawJson),
  );
}
