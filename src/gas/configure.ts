/**
 * Server side of the Configure sidebar. The key goes in, never out: the view carries only a
 * masked API ID, and every message is written without it.
 */
import { AircallError } from '../aircall/client';
import type { ConfigureView, ConnectionTestResult, SaveSettingsRequest, SaveSettingsResult } from '../sidebar-contract';
import { SINGLE_USERS, validateSettings } from '../tracker/settings';
import { describeFailure, openAircall, WAIT_IN_SIDEBAR_MS } from './aircall';
import { forgetDirectory, loadDirectory } from './directory';
import {
  type Credentials,
  describeKey,
  loadCredentials,
  loadSettings,
  saveCredentials,
  saveSettings,
} from './settings-store';

function teamOptions(teams: { id: number; name: string }[]): ConfigureView['teams'] {
  const sorted = [...teams].sort(
    (a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id - b.id,
  );
  return [
    ...sorted.map((t) => ({ value: String(t.id), label: t.name })),
    { value: SINGLE_USERS, label: 'Single Users' },
  ];
}

export function getConfigureView(): ConfigureView {
  const key = describeKey();
  let teams: { id: number; name: string }[] = loadDirectory()?.teams ?? [];
  let teamsError: string | null = null;
  if (teams.length === 0 && key.configured) {
    try {
      teams = openAircall(loadCredentials(), WAIT_IN_SIDEBAR_MS).listTeams();
    } catch (error) {
      teamsError = describeFailure(error);
    }
  }
  const lines = [...(loadDirectory()?.numbers ?? [])]
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id - b.id)
    .map((n) => ({ value: String(n.id), label: `${n.name} (${n.digits})` }));
  return { settings: loadSettings(), key, teams: key.configured ? teamOptions(teams) : [], teamsError, lines };
}

/** Both parts of the key, or neither (keep the stored one). */
function credentialsFrom(request: { apiId?: string; apiToken?: string }): {
  credentials: Credentials | null;
  error: string | null;
} {
  const apiId = (request.apiId ?? '').trim();
  const apiToken = (request.apiToken ?? '').trim();
  if (!apiId && !apiToken) return { credentials: null, error: null };
  if (!apiId || !apiToken)
    return {
      credentials: null,
      error: 'Enter both the API ID and the API token, or leave both empty to keep the stored key.',
    };
  if (/[\s:]/.test(apiId)) return { credentials: null, error: 'The API ID cannot contain spaces or ":".' };
  return { credentials: { apiId, apiToken }, error: null };
}

export function saveSettingsFromSidebar(request: SaveSettingsRequest): SaveSettingsResult {
  const current = loadSettings();
  const { apiId, apiToken, shareKeyWithEditors, ...form } = request;
  const validation = validateSettings(form as Record<string, unknown>, current);
  const key = credentialsFrom({ apiId, apiToken });
  const errors: Record<string, string> = validation.ok ? {} : { ...(validation.errors as Record<string, string>) };
  if (key.error) errors.apiKey = key.error;
  if (!validation.ok || key.error) return { ok: false, errors };

  const stored = loadCredentials();
  saveSettings(validation.settings);
  if (key.credentials) {
    saveCredentials(key.credentials, Boolean(shareKeyWithEditors));
    // Another account's users and teams must not linger on the board.
    if (!stored || stored.apiId !== key.credentials.apiId) forgetDirectory();
  } else if (stored && shareKeyWithEditors !== undefined && Boolean(shareKeyWithEditors) !== stored.shared) {
    saveCredentials(stored, Boolean(shareKeyWithEditors));
  }
  return { ok: true };
}

export function testConnection(request: { apiId?: string; apiToken?: string } = {}): ConnectionTestResult {
  const given = credentialsFrom(request);
  if (given.error) return { ok: false, reason: 'bad_key', message: given.error };
  const credentials = given.credentials ?? loadCredentials();
  if (!credentials) return { ok: false, reason: 'no_key', message: 'No API key yet: enter your API ID and API token.' };
  try {
    const userCount = openAircall(credentials, WAIT_IN_SIDEBAR_MS).company().users_count;
    return { ok: true, userCount };
  } catch (error) {
    const message = describeFailure(error);
    if (!(error instanceof AircallError)) return { ok: false, reason: 'server', message };
    switch (error.kind) {
      case 'auth':
        return { ok: false, reason: error.status === 403 ? 'forbidden' : 'bad_key', message };
      case 'rate_limited':
        return { ok: false, reason: 'rate_limited', message };
      case 'network':
        return { ok: false, reason: 'network', message };
      default:
        return { ok: false, reason: 'server', message };
    }
  }
}
