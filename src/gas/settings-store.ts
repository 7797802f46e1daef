/**
 * Where settings and the Aircall key live.
 * - Settings are the spreadsheet's: DocumentProperties.
 * - The key is the user's own (UserProperties) unless they chose to share it with the
 *   spreadsheet's editors (DocumentProperties). It never reaches a cell, a log, the cache or a
 *   client response: only `describeKey` leaves this module towards the sidebar.
 */
import { DEFAULT_SETTINGS, type Settings } from '../tracker/settings';

const SETTINGS_KEY = 'settings';
const CREDENTIALS_KEY = 'aircall.credentials';

export interface Credentials {
  apiId: string;
  apiToken: string;
}

export function loadSettings(): Settings {
  const raw = PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY);
  if (!raw) return { ...DEFAULT_SETTINGS };
  try {
    return { ...DEFAULT_SETTINGS, ...(JSON.parse(raw) as Partial<Settings>) };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function saveSettings(settings: Settings): void {
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, JSON.stringify(settings));
}

function parseCredentials(raw: string | null): Credentials | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<Credentials>;
    return value.apiId && value.apiToken ? { apiId: value.apiId, apiToken: value.apiToken } : null;
  } catch {
    return null;
  }
}

/** The key used for Aircall requests: the user's own first, then one shared with the editors. */
export function loadCredentials(): (Credentials & { shared: boolean }) | null {
  const own = parseCredentials(PropertiesService.getUserProperties().getProperty(CREDENTIALS_KEY));
  if (own) return { ...own, shared: false };
  const shared = parseCredentials(PropertiesService.getDocumentProperties().getProperty(CREDENTIALS_KEY));
  return shared ? { ...shared, shared: true } : null;
}

export function saveCredentials(credentials: Credentials, shareWithEditors: boolean): void {
  const value = JSON.stringify(credentials);
  if (shareWithEditors) {
    PropertiesService.getDocumentProperties().setProperty(CREDENTIALS_KEY, value);
    PropertiesService.getUserProperties().deleteProperty(CREDENTIALS_KEY);
  } else {
    PropertiesService.getUserProperties().setProperty(CREDENTIALS_KEY, value);
    // Moving a shared key back to private removes the shared copy only if it is the same key.
    const documentProperties = PropertiesService.getDocumentProperties();
    const shared = parseCredentials(documentProperties.getProperty(CREDENTIALS_KEY));
    if (shared && shared.apiId === credentials.apiId) documentProperties.deleteProperty(CREDENTIALS_KEY);
  }
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
