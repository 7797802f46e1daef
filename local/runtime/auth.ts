/**
 * AuthMode.NONE (an editor add-on's onOpen before it is enabled in the document) may only build
 * menus: any service that reads or writes user data refuses with the authorization text of
 * behaviours §3 ("You do not have permission to call X. Required permissions: <scope>").
 */
import { gasError } from './errors.js';

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

const SCOPE = 'https://www.googleapis.com/auth/';

/** Services refused in NONE, with the scope the error names ('' when the service needs none). */
const REFUSED_IN_NONE: Record<string, string> = {
  SpreadsheetApp: `${SCOPE}spreadsheets.currentonly`,
  UrlFetchApp: `${SCOPE}script.external_request`,
  ScriptApp: `${SCOPE}script.scriptapp`,
  // Cache and properties need no OAuth scope but are still unavailable without authorization [unc].
  CacheService: '',
  PropertiesService: '',
};

/** Menu building stays allowed: getUi() and everything hanging from the Ui and its menus. */
const MENU_CALL = /^SpreadsheetApp\.(getUi$|Ui\.|Menu\.)/;

/** Calls that need no authorization even under ScriptApp. */
const ALWAYS_ALLOWED = new Set(['ScriptApp.getScriptId', 'ScriptApp.getAuthorizationInfo']);

export function checkAuthorized(authMode: AuthMode, qualifiedName: string): void {
  if (authMode !== 'NONE' || MENU_CALL.test(qualifiedName) || ALWAYS_ALLOWED.has(qualifiedName)) return;
  const service = qualifiedName.split('.')[0];
  const scope = REFUSED_IN_NONE[service];
  if (scope === undefined) return;
  const method = qualifiedName.split('.').pop();
  const call = `${service}.${method}`;
  throw gasError(
    scope
      ? `You do not have permission to call ${call}. Required permissions: ${scope}`
      : `You do not have permission to call ${call}.`,
  );
}
