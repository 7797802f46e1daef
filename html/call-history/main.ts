/**
 * Call History for one agent ("Select User") or everyone ("All Users"). The server bakes the
 * request into the #call-history-request data island (src/calls/history.ts) before serving the page.
 */
import type { CallHistoryRequest } from '../../src/calls/history';
import { mountCallList } from '../shared/call-list';
import { byId, showStatus } from '../shared/dom';
import { startProgress } from '../shared/progress';
import { callServer } from '../shared/server';

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
  try {
    const result = await callServer('getCallHistory', request);
    progress.stop();
    byId('title').textContent = result.title;
    byId('period').textContent = result.periodText;
    list.show(result);
  } catch (error) {
    progress.fail(error);
  }
}

void load();
