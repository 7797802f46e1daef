/**
 * Configure: API key (ID + token, encoded on the server), board settings, team filter and line targets.
 * The team filter is sent only if the person changed it, so saving the SLA never wipes it.
 */
import type { ConfigureView, SaveSettingsRequest, SettingsForm } from '../../src/sidebar-contract';
import { byId, showStatus } from '../shared/dom';
import { callServer, failureMessage } from '../shared/server';
import { startAlerts } from './alerts';
import { boardsRequest, fillBoards, revealBoardErrors, startBoards } from './boards';
import {
  fillLineTargets,
  type LineTargetsForm,
  lineTargetsRequest,
  revealLineTargetErrors,
  startLineTargets,
} from './line-targets';

const NUMBER_FIELDS = [
  'activityPeriodMin',
  'userRefreshMin',
  'teamRefreshMin',
  'waitLevel1Sec',
  'waitLevel2Sec',
  'slaSec',
  'historyRetentionDays',
] as const satisfies readonly (keyof SettingsForm)[];

const form = byId<HTMLFormElement>('settings');
const input = (name: string) => byId<HTMLInputElement>(name);
let teamFilterTouched = false;

function describeKey(key: ConfigureView['key']): string {
  if (!key.configured) return 'No API key stored yet.';
  const where = key.sharedWithEditors ? "shared with this spreadsheet's editors" : 'stored for you only';
  return `API ID ${key.apiIdMasked ?? '••••'} — ${where}`;
}

function fillTeams(view: ConfigureView): void {
  const select = $('#teamFilter');
  if (select.hasClass('select2-hidden-accessible')) select.select2('destroy');
  const selected = new Set(view.settings.teamFilter ?? []);
  select.empty();
  for (const team of view.teams) select.append(new Option(team.label, team.value, false, selected.has(team.value)));
  const teamsError = byId('teams-error');
  showStatus(teamsError, view.teamsError ?? '', 'error');
  select.prop('disabled', view.teams.length === 0);
  select.select2({ width: '100%', placeholder: view.teams.length ? 'All teams' : 'Teams appear once a key works' });
  teamFilterTouched = false;
}

function fill(view: ConfigureView): void {
  byId('key-state').textContent = describeKey(view.key);
  input('shareKeyWithEditors').checked = view.key.sharedWithEditors;
  for (const name of NUMBER_FIELDS) input(name).value = String(view.settings[name]);
  fillTeams(view);
  fillLineTargets(view);
  fillBoards(view);
  showUnreadable(view.unreadable);
}

/** Settings stored in a form that could not be read: said at each field, shown at their defaults until saved. */
function showUnreadable(fields: readonly string[]): void {
  if (fields.length === 0) return;
  const hasSlot = (field: string) => document.querySelector(`[data-error-for="${CSS.escape(field)}"]`) !== null;
  const errors: Record<string, string> = {};
  for (const field of fields.filter(hasSlot))
    errors[field] = 'Could not be read from the spreadsheet: shown at its default. Save to store it again.';
  // "settings" is the single copy an older version kept; other names are fields ("waitLevel2Sec" → "wait level2 sec").
  const others = fields
    .filter((field) => !hasSlot(field))
    .map((field) =>
      field === 'settings'
        ? 'all settings, as an older version kept them'
        : field.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`),
    );
  if (others.length > 0)
    errors.unreadable = `Stored settings could not be read (${others.join(', ')}): shown at their defaults. Save to store them again.`;
  showErrors(errors);
}

function clearErrors(): void {
  for (const node of Array.from(document.querySelectorAll<HTMLElement>('.field-error'))) showStatus(node, '');
  for (const node of Array.from(form.querySelectorAll('[aria-invalid]'))) node.removeAttribute('aria-invalid');
}

/** Each message goes next to its field; unknown fields go to the form-level message. */
function showErrors(errors: Record<string, string>): void {
  const general: string[] = [];
  for (const [field, message] of Object.entries(errors)) {
    const slot = document.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(field)}"]`);
    if (!slot) {
      general.push(message);
      continue;
    }
    showStatus(slot, message, 'error');
    document.getElementById(field)?.setAttribute('aria-invalid', 'true');
  }
  showStatus(byId('form-error'), general.join(' '), 'error');
  revealLineTargetErrors(errors);
  revealBoardErrors(errors);
}

function request(): SaveSettingsRequest & LineTargetsForm {
  const req: SaveSettingsRequest & LineTargetsForm = {
    activityPeriodMin: input('activityPeriodMin').value.trim(),
    userRefreshMin: input('userRefreshMin').value.trim(),
    teamRefreshMin: input('teamRefreshMin').value.trim(),
    waitLevel1Sec: input('waitLevel1Sec').value.trim(),
    waitLevel2Sec: input('waitLevel2Sec').value.trim(),
    slaSec: input('slaSec').value.trim(),
    historyRetentionDays: input('historyRetentionDays').value.trim(),
    apiId: input('apiId').value.trim(),
    apiToken: input('apiToken').value.trim(),
    shareKeyWithEditors: input('shareKeyWithEditors').checked,
  };
  if (teamFilterTouched) req.teamFilter = ($('#teamFilter').val() as string[] | null) ?? [];
  return { ...req, ...lineTargetsRequest(), ...boardsRequest() };
}

async function save(event: Event): Promise<void> {
  event.preventDefault();
  const button = byId<HTMLButtonElement>('save');
  const saved = byId('saved');
  clearErrors();
  button.disabled = true;
  showStatus(saved, 'Saving…');
  try {
    const result = await callServer('saveSettings', request());
    if (!result.ok) {
      showStatus(saved, '');
      showErrors(result.errors);
      return;
    }
    input('apiId').value = '';
    input('apiToken').value = '';
    fill(await callServer('getConfigureView'));
    // A notice (the key could not be checked, another account's data cleared) is said, never swallowed.
    if (result.notice) showStatus(saved, result.notice, 'info');
    else showStatus(saved, 'Settings saved.', 'success');
  } catch (error) {
    showStatus(saved, '');
    showStatus(byId('form-error'), failureMessage(error), 'error');
  } finally {
    button.disabled = false;
  }
}

async function testConnection(): Promise<void> {
  const out = byId('connection');
  const button = byId<HTMLButtonElement>('test-connection');
  button.disabled = true;
  showStatus(out, 'Testing…');
  try {
    const result = await callServer('testConnection', {
      apiId: input('apiId').value.trim(),
      apiToken: input('apiToken').value.trim(),
    });
    if (result.ok) showStatus(out, `Connected: ${result.userCount} users`, 'success');
    else showStatus(out, result.message, 'error');
  } catch (error) {
    showStatus(out, failureMessage(error), 'error');
  } finally {
    button.disabled = false;
  }
}

async function start(): Promise<void> {
  const status = byId('status');
  showStatus(status, 'Loading settings…');
  $('#teamFilter').on('change', () => {
    teamFilterTouched = true;
  });
  startLineTargets();
  startAlerts();
  startBoards();
  form.addEventListener('submit', (event) => void save(event));
  byId('test-connection').addEventListener('click', () => void testConnection());
  try {
    fill(await callServer('getConfigureView'));
    showStatus(status, '');
    form.hidden = false;
  } catch (error) {
    showStatus(status, failureMessage(error), 'error');
  }
}

void start();
