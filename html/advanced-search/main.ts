/**
 * Advanced Search: pick a period and optional criteria; the server fetches and filters
 * (src/calls/search.ts) and returns cards, or writes them to a sheet.
 */
import type { Instance as Picker } from 'flatpickr/dist/types/instance';
import type { MissedCallReason } from '../../src/aircall/types';
import { MISSED_CALL_REASONS } from '../../src/aircall/types';
import { MISSED_REASON_TEXT } from '../../src/calls/call-card';
import type { AdvancedSearchCriteria, SearchOptions } from '../../src/sidebar-contract';
import { mountCallList } from '../shared/call-list';
import { byId, showStatus } from '../shared/dom';
import { plural } from '../shared/format';
import { startProgress } from '../shared/progress';
import { callServer, failureMessage } from '../shared/server';
import '../shared/vendor';
import { epochOfPickerDate, pickerDate } from '../shared/zone-time';

const list = mountCallList(byId('calls'));
const searchStatus = byId('search-status');
let picker: Picker;
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
    options.users.map((u) => ({ value: String(u.id), label: u.name })),
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

  picker = flatpickr(byId<HTMLInputElement>('period'), {
    mode: 'range',
    enableTime: true,
    time_24hr: true,
    inline: true,
    appendTo: byId('calendar'),
    dateFormat: 'Y-m-d H:i',
    defaultDate: [pickerDate(timeZone, options.defaultRange.fromSec), pickerDate(timeZone, options.defaultRange.toSec)],
  });
  byId('period-hint').textContent = `Times are in the spreadsheet's time zone (${timeZone}).`;
}

/** The criteria as plain data (no Date crosses to the server), or null with a message. */
function criteria(): AdvancedSearchCriteria | null {
  const [from, to] = picker.selectedDates;
  if (!from || !to) {
    showStatus(searchStatus, 'Pick a start and an end date.', 'error');
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

/** Runs one server action with buttons disabled and a ticking progress message. */
async function run(label: string, action: (c: AdvancedSearchCriteria) => Promise<string>): Promise<void> {
  const c = criteria();
  if (!c) return;
  const buttons = [byId<HTMLButtonElement>('search'), byId<HTMLButtonElement>('export')];
  for (const b of buttons) b.disabled = true;
  const progress = startProgress(searchStatus, label);
  try {
    progress.stop(await action(c));
  } catch (error) {
    progress.fail(error);
  } finally {
    for (const b of buttons) b.disabled = false;
  }
}

const search = () =>
  run('Searching', async (c) => {
    list.clear();
    const result = await callServer('advancedSearch', c);
    list.show(result);
    byId<HTMLDetailsElement>('criteria-panel').open = false;
    return `${plural(result.calls.length, 'call')} found. ${result.periodText}`;
  });

const exportToSheet = () =>
  run('Exporting', async (c) => {
    const result = await callServer('exportCallsToSheet', c);
    return `Exported ${plural(result.rows, 'call')} to the sheet "${result.sheetName}".`;
  });

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
    void search();
  });
  byId('export').addEventListener('click', () => void exportToSheet());
}

void start();
