/**
 * Apps Script service errors: an Error named "Exception" whose message has no prefix,
 * so String(e) reads "Exception: <message>" (docs/apps-script-notes.md#errors-and-messages).
 * Every message text the local runtime throws lives in MESSAGES, citing that reference.
 */
export function gasError(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

export const MESSAGES = {
  // Ranges: docs/apps-script-notes.md#ranges-limits-merges-and-rangelist
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  startRowTooSmall: 'The starting row of the range is too small.',
  startColumnTooSmall: 'The starting column of the range is too small.',
  numRowsTooSmall: 'The number of rows in the range must be at least 1.',
  numColumnsTooSmall: 'The number of columns in the range must be at least 1.',
  outsideSheet: 'The coordinates of the range are outside the dimensions of the sheet.',
  rangeNotFound: 'Range not found',
  cellLimit: 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
  cellTooLong: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  partialMerge: 'You must select all cells in a merged range to merge or unmerge them.',
  // docs/apps-script-notes.md#urlfetchapp
  requestFailed: (origin: string, code: number, body: string) =>
    body
      ? `Request failed for ${origin} returned code ${code}. Truncated server response: ${truncateBody(body)} (use muteHttpExceptions option to examine full response)`
      : `Request failed for ${origin} returned code ${code}`,
  notWhitelisted: (urlWithoutQuery: string) =>
    `Request to ${urlWithoutQuery} failed because the URL has not been whitelisted in the script manifest.`,
  addressUnavailable: (url: string) => `Address unavailable: ${url}`,
  dnsError: (url: string) => `DNS error: ${url}`,
  timeout: (url: string) => `Timeout: ${url}`,
  invalidArgument: (url: string) => `Invalid argument: ${url}`,
  noUrl: 'Attribute provided with no value: url',
  urlTooLong: 'Limit Exceeded: URLFetch URL Length.',
  urlFetchDaily: 'Service invoked too many times for one day: urlfetch.',
  // Daily Properties quota: writes [obs: googleworkspace/apps-script-oauth2#217]; reads [obs, localized: ljay79/jira-tools#196]
  propertiesWritesDaily: 'Service invoked too many times for one day: graphite property writes.',
  propertiesReadsDaily: 'Service invoked too many times for one day: properties get.',
  // Daily trigger runtime spent: each later trigger run fails at once [obs: webdigi/GmailScheduler#31, btoews/OctoGAS#16]
  triggerRuntimeDaily: 'Service using too much computer time for one day',
  // docs/apps-script-notes.md#cacheservice
  cacheValueTooLarge: 'Argument too large: value',
  cacheKeyTooLarge: 'Argument too large: key',
  // docs/apps-script-notes.md#propertiesservice
  propertiesQuota: 'You have exceeded the property storage quota. Please remove some properties and try again.',
  // docs/apps-script-notes.md#lockservice
  lockTimeout: 'Lock timeout: another process was holding the lock for too long.',
  // docs/apps-script-notes.md#ui-from-non-interactive-contexts
  uiFromContext: 'Cannot call SpreadsheetApp.getUi() from this context.',
  // docs/apps-script-notes.md#time-driven-triggers
  everyMinutes: 'The value you passed to everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30.',
  tooManyTriggers:
    'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  addonTriggerInterval: 'The recurrence interval for an Add-on trigger must be at least one hour.',
  // By analogy with everyMinutes [unc]
  everyHours: 'The value you passed to everyHours was invalid. It must be one of 1, 2, 4, 6, 8 or 12.',
  // create() on a builder with no schedule [unc]
  triggerWithoutSchedule: 'Trigger must have a schedule. Call everyMinutes, everyHours, after or at before create.',
  // Platform (docs/apps-script-notes.md#htmlservice-and-googlescriptrun): a menu item or google.script.run naming a missing function
  functionNotFound: (name: string) => `Script function not found: ${name}`,
  // HtmlService.createHtmlOutputFromFile / createTemplateFromFile with an unknown file
  htmlFileNotFound: (name: string) => `No HTML file named ${name} was found.`,
  // Utilities.sleep above 300000 ms [unc: the exact text was not found]
  sleepTooLong: 'Argument too large: milliseconds',
  // docs/apps-script-notes.md#execution-time
  executionTime: 'Exceeded maximum execution time',
} as const;

/** docs/apps-script-notes.md#urlfetchapp: a long body is cut to its first 147 characters plus "...". */
export function truncateBody(body: string): string {
  const collapsed = body.replace(/\s*\n\s*/g, ' ');
  return collapsed.length > 147 ? `${collapsed.slice(0, 147)}...` : collapsed;
}
