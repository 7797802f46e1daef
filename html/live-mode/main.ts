/**
 * Live mode: refreshes the board every N seconds while the sidebar is open. One call at a time:
 * the countdown starts again only once the server answered, and follows the delay it asks for.
 */
import { LIVE_DEFAULT_SEC, LIVE_MIN_SEC, type LiveRefreshResult } from '../../src/sidebar-contract';
import { byId, showStatus } from '../shared/dom';
import { callServer, failureMessage } from '../shared/server';

const intervalInput = byId<HTMLInputElement>('interval');
const intervalError = byId('interval-error');
const countdown = byId('countdown');
const lastRefresh = byId('last-refresh');
const problem = byId('problem');
const pauseButton = byId<HTMLButtonElement>('pause');

let intervalSec = LIVE_DEFAULT_SEC;
let remainingSec = 0;
let refreshing = false;
let paused = false;

intervalInput.value = String(LIVE_DEFAULT_SEC);
byId('interval-min').textContent = String(LIVE_MIN_SEC);

/** A whole number of seconds, LIVE_MIN_SEC at least; null (with a message) for anything else. */
function readInterval(): number | null {
  const text = intervalInput.value.trim();
  const value = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  const valid = Number.isInteger(value) && value >= LIVE_MIN_SEC;
  showStatus(intervalError, valid ? '' : `Enter a whole number of seconds, ${LIVE_MIN_SEC} at least.`, 'error');
  if (valid) intervalInput.removeAttribute('aria-invalid');
  else intervalInput.setAttribute('aria-invalid', 'true');
  return valid ? value : null;
}

function showCountdown(): void {
  if (refreshing) countdown.textContent = 'Refreshing the board…';
  else if (paused) countdown.textContent = 'Paused';
  else countdown.textContent = `Next refresh in ${remainingSec} s`;
}

function showResult(result: LiveRefreshResult): void {
  if (result.refreshedAtText) lastRefresh.textContent = `Last refresh ${result.refreshedAtText}`;
  showStatus(problem, result.stale ?? '', 'error');
}

async function refresh(): Promise<void> {
  refreshing = true;
  showCountdown();
  try {
    const result = await callServer('liveRefresh', intervalSec);
    showResult(result);
    remainingSec = result.nextInSec;
  } catch (error) {
    showStatus(problem, failureMessage(error), 'error');
    remainingSec = intervalSec;
  } finally {
    refreshing = false;
    showCountdown();
  }
}

function tick(): void {
  if (refreshing || paused) return;
  remainingSec = Math.max(0, remainingSec - 1);
  if (remainingSec === 0) void refresh();
  else showCountdown();
}

intervalInput.addEventListener('change', () => {
  const value = readInterval();
  if (value === null) return;
  intervalSec = value;
  remainingSec = Math.min(remainingSec, value);
  showCountdown();
});

pauseButton.addEventListener('click', () => {
  paused = !paused;
  pauseButton.textContent = paused ? 'Resume' : 'Pause';
  pauseButton.setAttribute('aria-pressed', String(paused));
  showCountdown();
});

setInterval(tick, 1000);
void refresh();
