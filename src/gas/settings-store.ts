/**
 * Where settings and the Aircall key live.
 * - Settings are the spreadsheet's: DocumentProperties, one property per field, so two executions
 *   saving different fields at once both keep theirs (a property write is atomic; a read-modify-write
 *   of one shared value is not). A value that cannot be read falls back to its default, with a warning.
 * - The key belongs to whoever entered it (UserProperties). Its owner may also share it with the
 *   spreadsheet's editors (a copy in DocumentProperties, marked with a token only the owner holds);
 *   only the owner may stop sharing it; someone who types that same key may share it as theirs.
 * It never reaches a cell, a log, the cache or a client response: only `describeKey` leaves this
 * module towards the sidebar.
 */
import { DEFAULT_SETTINGS, type Settings, validateSettings } from '../tracker/settings';
import { CACHE_MAX_TTL_SEC } from './chunked-store';
import { documentProperties } from './document-properties';

/** The single JSON value earlier versions kept every setting in: still read, under the per-field values. */
const LEGACY_SETTINGS_KEY = 'settings';
const SETTING_PREFIX = 'settings.';
const CREDENTIALS_KEY = 'aircall.credentials';
/** In the owner's UserProperties: the token that marks the shared copy as theirs. */
const SHARED_MARK_KEY = 'aircall.sharedKeyMark';
/** Apps Script's cap on one property value is 9 KB; leave room for multi-byte text. */
export const MAX_PROPERTY_VALUE_CHARS = 8_000;

export interface Credentials {
  apiId: string;
  apiToken: string;
}

interface SharedCredentials extends Credentials {
  mark?: string;
}

export interface StoredSettings {
  settings: Settings;
  /** Fields whose stored value could not be read and fell back to the default. */
  unreadable: string[];
}

type Field = keyof Settings;

/** Same kind of value as the default: a number for a number, an array or null for a filter, an object for a map. */
function sameShape(value: unknown, defaultValue: unknown): boolean {
  if (defaultValue === null) return value === null || Array.isArray(value);
  if (Array.isArray(defaultValue)) return Array.isArray(value);
  if (typeof defaultValue === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  return typeof value === typeof defaultValue && (typeof value !== 'number' || Number.isFinite(value));
}

function parseJson(raw: string | null | undefined): unknown {
  if (raw == null) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return Symbol.for('unreadable');
  }
}

/** Stored values checked field by field: a field that fails falls back to its default, the others stay. */
export function readStoredSettings(all: Record<string, string>): StoredSettings {
  const unreadable = new Set<string>();
  const stored: Record<string, unknown> = {};
  const legacy = parseJson(all[LEGACY_SETTINGS_KEY]);
  if (legacy !== undefined) {
    if (typeof legacy === 'object' && legacy !== null && !Array.isArray(legacy)) Object.assign(stored, legacy);
    else unreadable.add(LEGACY_SETTINGS_KEY);
  }
  for (const [key, raw] of Object.entries(all)) {
    if (key.startsWith(SETTING_PREFIX)) stored[key.slice(SETTING_PREFIX.length)] = parseJson(raw);
  }
  const candidate: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const field of Object.keys(DEFAULT_SETTINGS) as Field[]) {
    if (!(field in stored)) continue;
    if (sameShape(stored[field], DEFAULT_SETTINGS[field])) candidate[field] = stored[field];
    else unreadable.add(field);
  }
  let checked = validateSettings(candidate, DEFAULT_SETTINGS);
  if (!checked.ok) {
    for (const field of Object.keys(checked.errors)) {
      unreadable.add(field);
      candidate[field] = DEFAULT_SETTINGS[field as Field];
    }
    checked = validateSettings(candidate, DEFAULT_SETTINGS);
  }
  const settings = checked.ok
    ? { ...(candidate as unknown as Settings), ...checked.settings }
    : { ...DEFAULT_SETTINGS };
  return { settings, unreadable: [...unreadable] };
}

export function loadStoredSettings(): StoredSettings {
  const stored = readStoredSettings(documentProperties().getProperties());
  if (stored.unreadable.length > 0)
    console.warn(
      `Stored settings could not be read and use their defaults until saved again in Configure: ${stored.unreadable.join(', ')}.`,
    );
  return stored;
}

export function loadSettings(): Settings {
  return loadStoredSettings().settings;
}

/** The property writes that turn `base` into `next`: changed fields only, plus any stored unreadably. */
export function settingsWrites(next: Settings, base: StoredSettings): Record<string, string> {
  const writes: Record<string, string> = {};
  for (const field of Object.keys(next) as Field[]) {
    const value = JSON.stringify(next[field]);
    if (value !== JSON.stringify(base.settings[field]) || base.unreadable.includes(field))
      writes[`${SETTING_PREFIX}${field}`] = value;
  }
  return writes;
}

/**
 * What this user's Configure sidebar was opened with, so a save applies only the fields they changed
 * there: a field a colleague saved meanwhile is not put back to the value the form still shows.
 */
const FORM_BASE_KEY = 'configure.formBase';

export function rememberFormBase(settings: Settings): void {
  CacheService.getUserCache()?.put(FORM_BASE_KEY, JSON.stringify(settings), CACHE_MAX_TTL_SEC);
}

/** The settings this user's form started from; the current ones when that is unknown. */
export function formBase(current: Settings): Settings {
  const remembered = parseJson(CacheService.getUserCache()?.get(FORM_BASE_KEY));
  if (typeof remembered !== 'object' || remembered === null || Array.isArray(remembered)) return current;
  const base: Record<string, unknown> = { ...current };
  for (const [field, value] of Object.entries(remembered)) {
    if (field in current && sameShape(value, current[field as Field])) base[field] = value;
  }
  return base as unknown as Settings;
}

/** The current settings with the fields `edited` changed from `base`. */
export function applyEdits(edited: Settings, base: Settings, current: Settings): Settings {
  const next: Record<string, unknown> = { ...current };
  for (const field of Object.keys(edited) as Field[]) {
    if (JSON.stringify(edited[field]) !== JSON.stringify(base[field])) next[field] = edited[field];
  }
  return next as unknown as Settings;
}

/** The first write over Apps Script's per-value cap, if any: checked before anything is written. */
export function oversizedWrite(writes: Record<string, string>): string | null {
  return Object.keys(writes).find((key) => writes[key].length > MAX_PROPERTY_VALUE_CHARS) ?? null;
}

/**
 * Saves the fields that differ from `base` (what the caller read and changed), in one atomic write:
 * a field another execution saved meanwhile is kept unless this one changed it too.
 */
export function saveSettings(next: Settings, base: StoredSettings = loadStoredSettings()): void {
  const writes = settingsWrites(next, base);
  const properties = PropertiesService.getDocumentProperties();
  if (Object.keys(writes).length > 0) properties.setProperties(writes);
  // An older version's copy that cannot be read gives nothing: once saved, it is not reported again.
  if (base.unreadable.includes(LEGACY_SETTINGS_KEY)) properties.deleteProperty(LEGACY_SETTINGS_KEY);
}

function parseCredentials(raw: string | null | undefined): SharedCredentials | null {
  const value = parseJson(raw) as Partial<SharedCredentials> | undefined;
  if (!value || typeof value !== 'object') return null;
  const { apiId, apiToken, mark } = value;
  if (typeof apiId !== 'string' || typeof apiToken !== 'string' || !apiId || !apiToken) return null;
  return typeof mark === 'string' ? { apiId, apiToken, mark } : { apiId, apiToken };
}

/** What this user holds and what is shared, read in two calls. */
interface KeyState {
  own: Credentials | null;
  shared: SharedCredentials | null;
  /** The shared copy is this user's own. */
  ownsShared: boolean;
}

function readKeyState(): KeyState {
  const user = PropertiesService.getUserProperties().getProperties();
  const own = parseCredentials(user[CREDENTIALS_KEY]);
  const shared = parseCredentials(documentProperties().getProperty(CREDENTIALS_KEY));
  const mark = user[SHARED_MARK_KEY];
  return {
    own: own && { apiId: own.apiId, apiToken: own.apiToken },
    shared,
    ownsShared: !!shared?.mark && shared.mark === mark,
  };
}

const sameKey = (a: Credentials | null, b: Credentials | null) =>
  !!a && !!b && a.apiId === b.apiId && a.apiToken === b.apiToken;

/** The key used for Aircall requests: the user's own first, then one shared with the editors. */
export function loadCredentials(): (Credentials & { shared: boolean }) | null {
  const { own, shared, ownsShared } = readKeyState();
  if (own) return { ...own, shared: ownsShared };
  return shared ? { apiId: shared.apiId, apiToken: shared.apiToken, shared: true } : null;
}

/**
 * Why this user may not make the key change asked for, or null. `entered` is a key typed in the form
 * (null: keep the stored one); `share` is the box (undefined: unchanged).
 */
export function keyChangeRefusal(entered: Credentials | null, share: boolean | undefined): string | null {
  const { own, shared, ownsShared } = readKeyState();
  if (!shared || ownsShared) return null;
  const proposed = entered ?? own;
  if (share === true && proposed && !sameKey(proposed, shared))
    return 'Another editor already shares their key with this spreadsheet; only they can stop sharing it. Untick "Share the key" to keep yours for yourself.';
  if (share === false && !proposed)
    return 'This key was shared by another editor; only they can stop sharing it. Enter your own API ID and token to use a key of your own.';
  return null;
}

function newMark(): string {
  return Utilities.getUuid();
}

/**
 * Stores the user's key; with `share`, also the copy their editors use (only written by its owner,
 * or by someone who typed that same key), and without it, removes the copy if it is theirs.
 * Callers check keyChangeRefusal first.
 */
export function saveCredentials(credentials: Credentials, share: boolean): void {
  const { ownsShared } = readKeyState();
  const userProperties = PropertiesService.getUserProperties();
  const documentProperties = PropertiesService.getDocumentProperties();
  const key = { apiId: credentials.apiId, apiToken: credentials.apiToken };
  if (share) {
    const mark = newMark();
    userProperties.setProperties({ [CREDENTIALS_KEY]: JSON.stringify(key), [SHARED_MARK_KEY]: mark });
    documentProperties.setProperty(CREDENTIALS_KEY, JSON.stringify({ ...key, mark }));
    return;
  }
  userProperties.setProperty(CREDENTIALS_KEY, JSON.stringify(key));
  if (ownsShared) documentProperties.deleteProperty(CREDENTIALS_KEY);
}

/** Share or stop sharing the stored own key, without typing it again. */
export function setKeySharing(share: boolean): void {
  const { own, shared, ownsShared } = readKeyState();
  if (!own) return;
  if (share && !(ownsShared && sameKey(shared, own))) saveCredentials(own, true);
  else if (!share && ownsShared) PropertiesService.getDocumentProperties().deleteProperty(CREDENTIALS_KEY);
}

/** "ab••••yz": enough to recognise the key, never enough to use it. */
export function maskApiId(apiId: string): string {
  if (apiId.length <= 4) return '••••';
  return `${apiId.slice(0, 2)}••••${apiId.slice(-2)}`;
}

export function describeKey(): { configured: boolean; apiIdMasked: string | null; sharedWithEditors: boolean } {
  const credentials = loadCredentials();
  return credentials
    ? { configured: true, apiIdMasked: maskApiId(credentials.apiId), sharedWithEditors: credentials.shared }
    : { configured: false, apiIdMasked: null, sharedWithEditors: false };
}
