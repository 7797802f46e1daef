/**
 * Call History for one agent ("Select User") or everyone ("All Users"). The server bakes the
 * request into the #call-history-request data island (src/calls/history.ts) before serving the page.
 */
import type { CallHistoryRequest } from '../../src/calls/history';
import { type CallCard, type CallHistoryChunk, MAX_CALL_CARDS } from '../../src/sidebar-contract';
import { mountCallList } from '../shared/call-list';
import { byId, showStatus } from '../shared/dom';
import { startProgress } from '../shared/progress';
import { callServer } from '../shared/server';

const newestFirst = (a: CallCard, b: CallCard) => b.startedAtSec - a.startedAtSec || b.id - a.id;

function readRequest(): CallHistoryRequest | null {
  try {
    return JSON.parse(byId('call-history-request').textContent ?? 'null');
  } catch {
    return null;
  }
}

async function load(): Promise<void> {
  const status = byId('status');
  const list = mountCallList(byId('calls'));
  const request = readRequest();
  if (!request) {
    showStatus(status, 'Open this sidebar from the Calls menu (Select User or All Users).', 'error');
    return;
  }
  const progress = startProgress(status, 'Loading calls');
  // The newest calls come first and are shown at once; each next answer adds older ones.
  const cards = new Map<number, CallCard>();
  let cursor: string | null = null;
  try {
    do {
      const result: CallHistoryChunk = await callServer('getCallHistory', request, cursor);
      for (const card of result.calls) cards.set(card.id, card);
      byId('title').textContent = result.title;
      byId('period').textContent = result.periodText;
      list.show({ ...result, calls: [...cards.values()].sort(newestFirst).slice(0, MAX_CALL_CARDS) });
      cursor = result.cursor;
    } while (cursor !== null);
    progress.stop();
  } catch (error) {
    progress.fail(error);
  }
}

void load();
