/** The every-minute auto-refresh: at most one trigger, however often Start is chosen. */
export const AUTO_REFRESH_HANDLER = 'refreshFromTrigger';

function autoRefreshTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === AUTO_REFRESH_HANDLER);
}

export function startAutoRefresh(): void {
  const existing = autoRefreshTriggers();
  if (existing.length === 1) return;
  for (const trigger of existing) ScriptApp.deleteTrigger(trigger);
  ScriptApp.newTrigger(AUTO_REFRESH_HANDLER).timeBased().everyMinutes(1).create();
}

/** Returns how many triggers were removed. */
export function stopAutoRefresh(): number {
  const existing = autoRefreshTriggers();
  for (const trigger of existing) ScriptApp.deleteTrigger(trigger);
  return existing.length;
}
