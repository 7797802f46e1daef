/**
 * Advanced Search: pick a period and optional criteria; the server fetches and filters
 * (src/calls/search.ts) chunk by chunk while the cards arrive (search-run.ts), and Export writes
 * every match of the search to a new tab.
 */
import type { Instance as Picker } from 'flatpickr/dist/types/instance';
import type { MissedCallReason } from '../../src/aircall/types';
import { MISSED_CALL_REASONS } from '../../src/aircall/types';
import { MISSED_REASON_TEXT } from '../../src/calls/call-card';
import {
  type AdvancedSearchCriteria,
  EXPORT_ROWS_PER_CALL,
  type ExportResult,
  MAX_CALL_CARDS,
  type SearchOptions,
  type SearchProgress,
} from '../../src/sidebar-contract';
import { mountCallList } from '../shared/call-list';
import { byId, showStatus } from '../shared/dom';
import { plural } from '../shared/format';
import { callServer, failureMessage } from '../shared/server';
import '../shared/vendor';
import { epochOfPickerDate, pickerDate } from '../shared/zone-time';
import { SearchRun } from './search-run';

const list = mountCallList(byId('calls'));
const searchStatus = byId('search-status');
let days: Picker;
let startTime: Picker;
let endTime: Picker;
let timeZone = 'UTC';

const value = (id: string) => byId<HTMLInputElement | HTMLSelectElement>(id).value;
const selectedIds = (id: string) => (($(`#${id}`).val() as string[] | null) ?? []).map(Number);

function fillOptions(options: SearchOptions): void {
  timeZone = options.timeZone;
  const multi = (id: string, items: { value: string; label: string }[], tags = false) => {
    const select = $(`#${id}`);
    for (const item of items) select.append(new Option(item.label, item.value));
    select.select2({ width: '100%', tags, placeholder: tags ? 'Type a tag name' : 'Any' });
  };
  multi(
    'users',
    options.users.map((u) => ({ value: String(u.id), label: u.label })),
  );
  multi(
    'numbers',
    options.numbers.map((n) => ({ value: String(n.id), label: `${n.name} (${n.digits})` })),
  );
  multi(
    'tags',
    options.tags.map((t) => ({ value: t, label: t })),
    true,
  );

  const missed = byId<HTMLSelectElement>('missed');
  const reasons = document.createElement('optgroup');
  reasons.label = 'Missed because…';
  for (const reason of MISSED_CALL_REASONS) reasons.append(new Option(MISSED_REASON_TEXT[reason], reason));
  missed.append(reasons);

  // Days on the range calendar, times in pickers of their own: a range calendar's time box only
  // edits the last day picked, so a start time could not be set (flatpickr.js.org/options).
  const from = pickerDate(timeZone, options.defaultRange.fromSec);
  const to = pickerDate(timeZone, options.defaultRange.toSec);
  days = flatpickr(byId<HTMLInputElement>('period'), {
    mode: 'range',
    inline: true,
    appendTo: byId('calendar'),
    dateFormat: 'Y-m-d',
    defaultDate: [from, to],
  });
  const timePicker = (id: string, time: Date) =>
    flatpickr(byId<HTMLInputElement>(id), {
      enableTime: true,
      noCalendar: true,
      time_24hr: true,
      minuteIncrement: 1,
      inline: true,
      dateFormat: 'H:i',
      defaultDate: time,
    });
  startTime = timePicker('from-time', from);
  endTime = timePicker('to-time', to);
  byId('period-hint').textContent = `Times are in the spreadsheet's time zone (${timeZone}).`;
}

/** A picked day at a picked time (hour and minute), or null when either is missing. */
function atTime(day: Date | undefined, time: Picker): Date | null {
  const clock = time.selectedDates[0];
  if (!day || !clock) return null;
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), clock.getHours(), clock.getMinutes());
}

/** The criteria as plain data (no Date crosses to the server), or null with a message. */
function criteria(): AdvancedSearchCriteria | null {
  const [firstDay, lastDay = firstDay] = days.selectedDates;
  const from = atTime(firstDay, startTime);
  const to = atTime(lastDay, endTime);
  if (!from || !to) {
    showStatus(searchStatus, 'Pick the days and the start and end times.', 'error');
    return null;
  }
  if (from >= to) {
    showStatus(searchStatus, 'The start must be before the end.', 'error');
    return null;
  }
  const durationText = value('durationSec').trim();
  const durationSec = durationText === '' ? null : Number(durationText);
  const durationOp = value('durationOp') as AdvancedSearchCriteria['durationOp'];
  if (durationOp && (durationSec === null || !Number.isFinite(durationSec) || durationSec < 0)) {
    showStatus(searchStatus, 'Enter the duration in seconds.', 'error');
    return null;
  }
  return {
    fromSec: epochOfPickerDate(timeZone, from),
    toSec: epochOfPickerDate(timeZone, to),
    userIds: selectedIds('users'),
    numberIds: selectedIds('numbers'),
    direction: value('direction') as AdvancedSearchCriteria['direction'],
    asset: value('asset') as AdvancedSearchCriteria['asset'],
    missed: value('missed') as '' | 'not_missed' | 'any_missed' | MissedCallReason,
    durationOp,
    durationSec,
    tags: ($('#tags').val() as string[] | null) ?? [],
  };
}

const buttons = {
  search: byId<HTMLButtonElement>('search'),
  stop: byId<HTMLButtonElement>('stop'),
  exportSheet: byId<HTMLButtonElement>('export'),
  retry: byId<HTMLButtonElement>('retry'),
};
/** The current (or last) search: what Export writes. */
let current: SearchRun | null = null;
let exporting = false;
const count = (n: number) => n.toLocaleString('en-US');
const calls = (n: number) => `${count(n)} ${n === 1 ? 'call' : 'calls'}`;

function progressText(progress: SearchProgress | null): string {
  return progress?.total ? `${count(progress.done)} of ${plural(progress.total, 'page')}` : '';
}

function foundText(run: SearchRun): string {
  const n = run.results.matches;
  const capped = n > MAX_CALL_CARDS ? ` Showing the newest ${count(MAX_CALL_CARDS)} of ${count(n)} matches.` : '';
  return `${calls(n)} found${run.phase.kind === 'stopped' ? ' before you stopped the search' : ''}. ${run.last?.periodText ?? ''}${capped}`;
}

/** The status line for the search's phase; called on every change and every second while it runs. */
function renderStatus(run: SearchRun): void {
  const { phase } = run;
  const seconds = (ms: number) => Math.max(0, Math.round(ms / 1000));
  if (phase.kind === 'searching') {
    const pages = progressText(phase.progress);
    showStatus(searchStatus, `Searching… ${pages ? `${pages} · ` : ''}${seconds(Date.now() - run.startedMs)} s`);
  } else if (phase.kind === 'waiting') {
    const pages = progressText(phase.progress);
    showStatus(
      searchStatus,
      `Waiting for Aircall's rate limit… resumes in ${seconds(phase.untilMs - Date.now())} s${pages ? ` (${pages} done)` : ''}`,
    );
  } else if (phase.kind === 'failed') showStatus(searchStatus, phase.message, 'error');
  else showStatus(searchStatus, foundText(run), 'success');
}

function renderButtons(): void {
  const running = current?.running ?? false;
  buttons.search.disabled = running || exporting;
  buttons.stop.hidden = !running && current?.phase.kind !== 'failed';
  buttons.retry.hidden = current?.phase.kind !== 'failed';
  // Export writes the results of a search, so it appears with them.
  buttons.exportSheet.hidden = !current;
  buttons.exportSheet.disabled = running || exporting || current?.phase.kind === 'failed';
  if (running) searchStatus.setAttribute('aria-busy', 'true');
  else searchStatus.removeAttribute('aria-busy');
}

let lastShownCards: unknown = null;
function onSearchChange(run: SearchRun): void {
  if (run !== current) return;
  renderStatus(run);
  renderButtons();
  if (run.last && run.results.cards !== lastShownCards) {
    lastShownCards = run.results.cards;
    list.show({ ...run.last, calls: run.results.cards });
    if (run.results.matches > 0) byId<HTMLDetailsElement>('criteria-panel').open = false;
  }
}

window.setInterval(() => {
  if (current?.running) renderStatus(current);
}, 1000);

function search(): void {
  const c = criteria();
  if (!c) return;
  current?.stop();
  list.clear();
  lastShownCards = null;
  current = new SearchRun(c, onSearchChange);
  void current.start();
}

/** Every match of the current search, in chunks appended to one new tab. */
async function exportToSheet(): Promise<void> {
  const run = current;
  if (!run) return;
  const rows = run.results.exportRows();
  exporting = true;
  renderButtons();
  let sheetName: string | null = null;
  let written = 0;
  try {
    do {
      showStatus(searchStatus, `Exporting… ${count(written)} of ${calls(rows.length)}`);
      const chunk = rows.slice(written, written + EXPORT_ROWS_PER_CALL);
      const result: ExportResult = await callServer('exportCallsToSheet', { sheetName, rows: chunk });
      sheetName = result.sheetName;
      written += chunk.length;
    } while (written < rows.length);
    showStatus(searchStatus, `Exported ${calls(written)} to the sheet "${sheetName}".`, 'success');
  } catch (error) {
    const partly = sheetName
      ? ` Only ${calls(written)} of ${count(rows.length)} reached the sheet "${sheetName}".`
      : '';
    showStatus(searchStatus, `${failureMessage(error)}${partly}`, 'error');
  } finally {
    exporting = false;
    renderButtons();
  }
}

async function start(): Promise<void> {
  const status = byId('status');
  showStatus(status, 'Loading agents, lines and tags…');
  try {
    fillOptions(await callServer('getSearchOptions'));
    showStatus(status, '');
    byId('criteria').hidden = false;
  } catch (error) {
    showStatus(status, failureMessage(error), 'error');
    return;
  }
  byId('criteria').addEventListener('submit', (event) => {
    event.preventDefault();
    search();
  });
  buttons.exportSheet.addEventListener('click', () => void exportToSheet());
  buttons.stop.addEventListener('click', () => current?.stop());
  buttons.retry.addEventListener('click', () => void current?.retry());
  renderButtons();
}

void start();
