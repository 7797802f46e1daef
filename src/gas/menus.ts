/**
 * The two menus. onOpen only builds menus, so it is also correct for an editor add-on opened in
 * AuthMode.NONE, where touching the document, properties or network is not allowed.
 */
export const MENU_ITEMS = {
  activityTracker: [
    ['Refresh', 'refreshFromMenu'],
    ['Configure', 'showConfigure'],
    ['Setup Activity Tracker', 'setupFromMenu'],
    ['Map Users to Numbers', 'mapUsersToNumbers'],
    ['Clear Cache', 'clearCacheFromMenu'],
    ['Switch User Status', 'switchUserStatus'],
    ['Live mode', 'showLiveMode'],
    null,
    ['Start auto-refresh', 'startAutoRefreshFromMenu'],
    ['Stop auto-refresh', 'stopAutoRefreshFromMenu'],
  ],
  calls: [
    ['Select User', 'showUserCallHistory'],
    ['All Users', 'showAllCallHistory'],
    ['Advanced Search', 'showAdvancedSearch'],
  ],
} as const;

function buildMenu(
  ui: GoogleAppsScript.Base.Ui,
  title: string,
  items: readonly (readonly [string, string] | null)[],
): void {
  const menu = ui.createMenu(title);
  for (const item of items) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}

export function buildMenus(): void {
  const ui = SpreadsheetApp.getUi();
  buildMenu(ui, 'Activity Tracker', MENU_ITEMS.activityTracker);
  buildMenu(ui, 'Calls', MENU_ITEMS.calls);
}
