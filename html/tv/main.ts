/**
 * TV mode's page: polls getTvView, one call at a time, at the interval the server asks for; shows the
 * board's age ticking between polls, a stale banner with muted colours when the board is old or the
 * server cannot be reached, and reconnects by itself forever (no session timeout of its own).
 */
import { formatKnownDuration } from '../../src/tracker/durations';
import type { TvView } from '../../src/tv/view';
import { byId, el } from '../shared/dom';
import { callServer, failureMessage } from '../shared/server';
import { STALE_COLOURS, STATUS_COLOURS, TROUBLE_COLOURS, TV_PAGE } from './palette';

/** After a failed poll, try again soon, then less often, never slower than this. */
const RETRY_MAX_SEC = 30;

const age = byId('age');
const banner = byId('banner');
const notices = byId('notices');

let lastView: TvView | null = null;
let answeredAtMs = 0;
let failures = 0;

function paintPage(): void {
  document.body.style.background = TV_PAGE.background;
  document.body.style.color = TV_PAGE.text;
  for (const section of document.querySelectorAll<HTMLElement>('section')) section.style.background = TV_PAGE.panel;
  banner.style.background = STALE_COLOURS.background;
  banner.style.color = STALE_COLOURS.text;
  const legend = byId('legend');
  legend.replaceChildren(
    ...Object.entries(STATUS_COLOURS)
      .filter(([status]) => status !== 'unknown')
      .map(([, colours]) => chip(colours.label, colours)),
  );
}

function chip(text: string, colours: { background: string; text: string }): HTMLElement {
  const node = el('span', { class: 'chip', title: text }, text);
  node.style.background = colours.background;
  node.style.color = colours.text;
  return node;
}

const pct = (value: number | null) => (value === null ? '—' : `${value} %`);

function tile(label: string, value: string, id: string): HTMLElement {
  const node = el(
    'div',
    { class: 'tile', id: `tile-${id}` },
    el('div', { class: 'label' }, label),
    el('div', { class: 'value' }, value),
  );
  node.style.background = TV_PAGE.panel;
  (node.firstChild as HTMLElement).style.color = TV_PAGE.muted;
  return node;
}

function render(view: TvView): void {
  const { tiles } = view;
  byId('tiles').replaceChildren(
    tile('Available', String(tiles.available), 'available'),
    tile('On a call', String(tiles.onCall), 'on-call'),
    tile('Waiting', String(tiles.waiting), 'waiting'),
    tile('Longest wait', formatKnownDuration(tiles.longestWaitSec), 'longest-wait'),
    tile('SLA', pct(tiles.slaPct), 'sla'),
    tile('Abandoned', pct(tiles.abandonPct), 'abandoned'),
  );

  const trouble = byId('trouble');
  if (view.troubleLines.length === 0) trouble.replaceChildren(el('p', { class: 'empty' }, 'No line in trouble.'));
  else {
    const rows = view.troubleLines.map((line) => {
      // The line's name carries its level's colour; the level in words is in its title for screen readers.
      const levelWord = line.level === 'waiting' ? 'callers waiting' : `${line.level} target`;
      const name = el('td', { class: 'name level', title: `${line.name} (${levelWord})` }, line.name);
      name.style.background = TROUBLE_COLOURS[line.level].background;
      name.style.color = TROUBLE_COLOURS[line.level].text;
      return el(
        'tr',
        { 'data-level': line.level },
        name,
        el('td', {}, String(line.waiting)),
        el('td', {}, formatKnownDuration(line.longestWaitSec)),
        el('td', {}, pct(line.slaPct)),
        el('td', {}, pct(line.abandonPct)),
      );
    });
    const head = el('tr', {}, ...['Line', 'Waiting', 'Longest', 'SLA', 'Abandon'].map((h) => el('th', {}, h)));
    const more = view.moreTroubleLines > 0 ? el('p', { class: 'empty' }, `and ${view.moreTroubleLines} more`) : null;
    trouble.replaceChildren(el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows)), ...(more ? [more] : []));
  }

  const queue = byId('queue');
  if (view.queue.length === 0) queue.replaceChildren(el('p', { class: 'empty' }, 'Nobody is waiting.'));
  else {
    const rows = view.queue.map((call) =>
      el(
        'tr',
        {},
        el('td', {}, formatKnownDuration(call.waitingSec)),
        el('td', { class: 'name', title: call.lineName }, call.lineName),
        el('td', {}, call.caller),
      ),
    );
    const more = view.moreWaiting > 0 ? el('p', { class: 'empty' }, `and ${view.moreWaiting} more`) : null;
    queue.replaceChildren(el('table', {}, el('tbody', {}, ...rows)), ...(more ? [more] : []));
  }

  byId('teams').replaceChildren(
    ...view.teams.map((team) =>
      el(
        'div',
        { class: 'team' },
        el('h3', {}, `${team.name} (${team.agents.length})`),
        el(
          'div',
          { class: 'chips' },
          ...team.agents.map((agent) => chip(agent.name, STATUS_COLOURS[agent.status] ?? STATUS_COLOURS.unknown)),
        ),
      ),
    ),
  );

  fitAgents();

  notices.hidden = view.notices.length === 0;
  notices.replaceChildren(...view.notices.map((text) => el('li', {}, text)));
}

/** Chip sizes tried, largest first, until every agent fits on the screen. */
const CHIP_SIZES_VMIN = [1.7, 1.45, 1.25, 1.05, 0.9, 0.8];

/** A screen shows every agent: chips shrink as the call center grows; past the smallest size, the rest is counted. */
function fitAgents(): void {
  const teams = byId('teams');
  const overflows = () => teams.scrollHeight > teams.clientHeight + 1;
  for (const size of CHIP_SIZES_VMIN) {
    teams.style.setProperty('--chip-size', `${size}vmin`);
    if (!overflows()) return;
  }
  // The count goes in first, so the chips make room for it too.
  const chips = [...teams.querySelectorAll<HTMLElement>('.chip')];
  const more = el('p', { class: 'empty', id: 'more-agents' });
  teams.append(more);
  let hidden = 0;
  while (overflows() && chips.length > 0) {
    chips.pop()?.remove();
    hidden++;
    more.textContent = `and ${hidden} more agents`;
  }
  if (hidden === 0) more.remove();
}

/** Age and stale state, redrawn every second between polls. */
function showAge(problem: string | null): void {
  const view = lastView;
  const ageSec = view?.ageSec == null ? null : view.ageSec + Math.floor((Date.now() - answeredAtMs) / 1000);
  age.textContent = ageSec === null ? 'Waiting for the first refresh…' : `Updated ${formatKnownDuration(ageSec)} ago`;
  const tooOld = view !== null && ageSec !== null && ageSec > 2 * view.nextPollSec + 10;
  const reason = problem ?? view?.stale ?? (tooOld ? `No new data for ${formatKnownDuration(ageSec)}.` : null);
  banner.hidden = reason === null;
  banner.textContent = reason ?? '';
  document.body.classList.toggle('stale', reason !== null);
}

let problem: string | null = null;

async function poll(parameter: Record<string, string>): Promise<void> {
  let delaySec: number;
  try {
    const view = await callServer('getTvView', parameter);
    lastView = view;
    answeredAtMs = Date.now();
    failures = 0;
    problem = null;
    render(view);
    delaySec = view.nextPollSec;
  } catch (error) {
    failures++;
    problem = `Reconnecting… (${failureMessage(error)})`;
    delaySec = Math.min(RETRY_MAX_SEC, 2 ** Math.min(failures, 5));
  }
  showAge(problem);
  setTimeout(() => void poll(parameter), delaySec * 1000);
}

/** The page URL's parameters: google.script.url in Apps Script, the address bar elsewhere. */
function readParameters(): Promise<Record<string, string>> {
  const scriptUrl = (
    window as {
      google?: { script?: { url?: { getLocation(cb: (l: { parameter: Record<string, string> }) => void): void } } };
    }
  ).google?.script?.url;
  if (scriptUrl)
    return new Promise((resolve) => scriptUrl.getLocation((location) => resolve(location.parameter ?? {})));
  return Promise.resolve(Object.fromEntries(new URLSearchParams(location.search)));
}

paintPage();
setInterval(() => showAge(problem), 1000);
void readParameters().then(poll);
