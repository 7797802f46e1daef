/**
 * Server side of the Configure sidebar. The key goes in, never out: the view carries only a
 * masked API ID, and every message is written without it.
 */

import { AircallError } from '../aircall/client';
import type { ConfigureView, ConnectionTestResult, SaveSettingsResult } from '../sidebar-contract';
import { nameOr } from '../tracker/aircall-text';
import { byNameThenId } from '../tracker/names';
import { SINGLE_USERS, validateSettings } from '../tracker/settings';
import { describeFailure, openAircall, WAIT_IN_SIDEBAR_MS } from './aircall';
import { forgetDirectory, storedDirectory } from './directory';
import { boardTabTaken, renameBoardTabs } from './extra-boards';
import { checkTypedKey, KEY_REFUSED, KEY_UNCHECKED, OTHER_ACCOUNT } from './key-check';
import {
  applyEdits,
  type Credentials,
  describeKey,
  formBase,
  keyChangeRefusal,
  loadCredentials,
  loadStoredSettings,
  oversizedWrite,
  rememberFormBase,
  saveCredentials,
  saveSettings,
  setKeySharing,
  settingsWrites,
} from './settings-store';

function teamOptions(teams: { id: number; name: string }[]): ConfigureView['teams'] {
  const sorted = [...teams].sort(byNameThenId);
  return [
    ...sorted.map((t) => ({ value: String(t.id), label: t.name })),
    { value: SINGLE_USERS, label: 'Single Users' },
  ];
}

export function getConfigureView(): ConfigureView {
  const key = describeKey();
  let teams: { id: number; name: string }[] = storedDirectory()?.teams ?? [];
  let teamsError: string | null = null;
  if (teams.length === 0 && key.configured) {
    try {
      teams = openAircall(loadCredentials(), WAIT_IN_SIDEBAR_MS)
        .listTeams()
        .map((t) => ({ id: t.id, name: nameOr(t.name, `Team ${t.id}`) }));
    } catch (error) {
      teamsError = describeFailure(error);
    }
  }
  const lines = [...(storedDirectory()?.numbers ?? [])]
    .sort(byNameThenId)
    .map((n) => ({ value: String(n.id), label: `${n.name} (${n.digits})` }));
  const { settings, unreadable } = loadStoredSettings();
  rememberFormBase(settings);
  return { settings, key, teams: key.configured ? teamOptions(teams) : [], teamsError, lines, unreadable };
}

/** Aircall's API IDs and tokens are about 32 characters; anything much longer was not typed from there. */
const MAX_KEY_PART_CHARS = 256;

/** Both parts of the key, or neither (keep the stored one); anything but text is refused. */
function credentialsFrom(request: { apiId?: unknown; apiToken?: unknown }): {
  credentials: Credentials | null;
  error: string | null;
} {
  const { apiId: rawId, apiToken: rawToken } = request;
  if ((rawId != null && typeof rawId !== 'string') || (rawToken != null && typeof rawToken !== 'string'))
    return { credentials: null, error: 'The API ID and API token must be text.' };
  const apiId = (rawId ?? '').trim();
  const apiToken = (rawToken ?? '').trim();
  if (!apiId && !apiToken) return { credentials: null, error: null };
  if (apiId.length > MAX_KEY_PART_CHARS || apiToken.length > MAX_KEY_PART_CHARS)
    return {
      credentials: null,
      error: `The API ID and API token are about 32 characters each; this one has ${Math.max(apiId.length, apiToken.length).toLocaleString('en-US')}. Copy them again from Aircall's API keys page.`,
    };
  if (!apiId || !apiToken)
    return {
      credentials: null,
      error: 'Enter both the API ID and the API token, or leave both empty to keep the stored key.',
    };
  if (/[\s:]/.test(apiId)) return { credentials: null, error: 'The API ID cannot contain spaces or ":".' };
  return { credentials: { apiId, apiToken }, error: null };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks everything first — the form's shape, each field, the key, who may change the sharing, and
 * the size of each value against the property quota — and writes only when all of it passes.
 */
export function saveSettingsFromSidebar(request: unknown): SaveSettingsResult {
  if (!isPlainObject(request))
    return { ok: false, errors: { form: 'Nothing to save: reopen Activity Tracker › Configure and try again.' } };
  const { apiId, apiToken, shareKeyWithEditors, ...form } = request;
  const stored = loadStoredSettings();
  const base = formBase(stored.settings);
  const validation = validateSettings(form, base);
  const key = credentialsFrom({ apiId, apiToken });
  const errors: Record<string, string> = validation.ok ? {} : { ...(validation.errors as Record<string, string>) };
  if (key.error) errors.apiKey = key.error;
  if (shareKeyWithEditors !== undefined && typeof shareKeyWithEditors !== 'boolean')
    errors.shareKeyWithEditors = 'Tick or untick "Share the key with this spreadsheet\'s editors".';
  const share = typeof shareKeyWithEditors === 'boolean' ? shareKeyWithEditors : undefined;
  if (!key.error && errors.shareKeyWithEditors === undefined) {
    const refusal = keyChangeRefusal(key.credentials, share);
    if (refusal) errors.shareKeyWithEditors = refusal;
  }
  if (!validation.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  const tabTaken = form.boards === undefined ? null : boardTabTaken(validation.settings.boards, stored.settings.boards);
  if (tabTaken) return { ok: false, errors: { boards: tabTaken } };

  const next = applyEdits(validation.settings, base, stored.settings);
  const writes = settingsWrites(next, stored);
  const oversized = oversizedWrite(writes);
  if (oversized)
    return {
      ok: false,
      errors: { form: 'These settings are too large to store (a filter or the line targets list too many entries).' },
    };

  const before = loadCredentials();
  const check = key.credentials ? checkTypedKey(key.credentials, before?.apiId ?? null) : null;
  if (check?.verdict === 'refused') return { ok: false, errors: { apiKey: KEY_REFUSED(check.message) } };
  saveSettings(next, stored);
  renameBoardTabs(form.boards, stored.settings.boards, next.boards);
  rememberFormBase(next);
  if (key.credentials) {
    saveCredentials(key.credentials, share ?? false);
    // Another account's users and teams must not linger on the board; a new key of the same account keeps them.
    if (check?.verdict === 'accepted' && check.otherAccount) {
      forgetDirectory();
      return { ok: true, notice: OTHER_ACCOUNT };
    }
    if (check?.verdict === 'unchecked') return { ok: true, notice: KEY_UNCHECKED(check.message) };
  } else if (before && share !== undefined && share !== before.shared) {
    setKeySharing(share);
  }
  return { ok: true };
}

export function testConnection(request: unknown = {}): ConnectionTestResult {
  const given = credentialsFrom(isPlainObject(request) ? request : {});
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
