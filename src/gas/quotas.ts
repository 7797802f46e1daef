/** Apps Script's daily quotas as a supervisor reads about them. */

/**
 * Apps Script's text once a daily quota is spent ("Service invoked too many times for one day:
 * urlfetch.", docs/apps-script-notes.md#urlfetchapp).
 */
const DAILY_QUOTA = /Service invoked too many times for one day: ([^.]+)\./;
const QUOTA_NAMES: Record<string, string> = {
  urlfetch: 'URL fetches (20,000 a day with a Gmail account, 100,000 with Google Workspace)',
  email: 'emails',
};

/** What to tell a supervisor when a daily quota of Apps Script is spent; null for any other error. */
export function dailyQuotaSpent(error: unknown): string | null {
  const match = DAILY_QUOTA.exec(error instanceof Error ? error.message : String(error));
  if (!match) return null;
  const what = QUOTA_NAMES[match[1]] ?? `"${match[1]}" calls`;
  return `Apps Script's daily quota of ${what} is used up for this account; the board resumes when it renews, within 24 hours. The README says what a call center of your size uses a day.`;
}
