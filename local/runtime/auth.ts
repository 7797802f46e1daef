/**
 * Authorization modes. AuthMode.NONE (an editor add-on's onOpen before it is enabled in the
 * document) may only build menus; AuthMode.LIMITED (simple triggers such as onOpen) may use the
 * document, properties and cache but no service that needs its own authorization: UrlFetchApp
 * and trigger management (developers.google.com/apps-script/guides/triggers, "Restrictions").
 * Refusals use the text in docs/apps-script-notes.md#urlfetchapp: "You do not have permission to call X. Required permissions: <scope>".
 */
import { gasError } from './errors.js';

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

const SCOPE = 'https://www.googleapis.com/auth/';

/** Scope each refused service names ('' when it needs none). */
const SCOPES: Record<string, string> = {
  SpreadsheetApp: `${SCOPE}spreadsheets.currentonly`,
  UrlFetchApp: `${SCOPE}script.external_request`,
  ScriptApp: `${SCOPE}script.scriptapp`,
  // Cache and properties need no OAuth scope but are still unavailable in NONE [unc].
  CacheService: '',
  PropertiesService: '',
};

const REFUSED: Record<Exclude<AuthMode, 'FULL'>, Set<string>> = {
  NONE: new Set(Object.keys(SCOPES)),
  LIMITED: new Set(['UrlFetchApp', 'ScriptApp']),
};

/** Menu building stays allowed: getUi() and everything hanging from the Ui and its menus. */
const MENU_CALL = /^SpreadsheetApp\.(getUi$|Ui\.|Menu\.)/;

/** Calls that need no authorization even under ScriptApp. */
const ALWAYS_ALLOWED = new Set(['ScriptApp.getScriptId']);

export function checkAuthorized(authMode: AuthMode, qualifiedName: string): void {
  if (authMode === 'FULL' || MENU_CALL.test(qualifiedName) || ALWAYS_ALLOWED.has(qualifiedName)) return;
  const service = qualifiedName.split('.')[0];
  if (!REFUSED[authMode].has(service)) return;
  const call = `${service}.${qualifiedName.split('.').pop()}`;
  const scope = SCOPES[service];
  throw gasError(
    scope
      ? `You do not have permission to call ${call}. Required permissions: ${scope}`
      : `You do not have permission to call ${call}.`,
  );
}
