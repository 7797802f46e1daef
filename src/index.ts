// Every Apps Script entry point, and nothing else: build.mjs gives each export a top-level
// function in dist/Code.js so menus, triggers and google.script.run can call it.
// Menu items are listed in src/gas/menus.ts; each line below says who calls what.

// Configure › Alerts: the alert rules, channels and the Chat webhook.
export { getAlertsView, saveAlertsFromSidebar as saveAlerts } from './gas/alerts-configure';
// Calls › Select User, All Users, Advanced Search, and their sidebars' server calls.
export {
  advancedSearch,
  exportCallsToSheet,
  getCallHistory,
  getSearchOptions,
  showAdvancedSearch,
  showAllCallHistory,
  showUserCallHistory,
} from './gas/calls-sidebars';
// The Configure sidebar's server calls.
export { getConfigureView, saveSettingsFromSidebar as saveSettings, testConnection } from './gas/configure';
// Activity Tracker › Live mode, and its sidebar's server call.
export { liveRefresh, showLiveMode } from './gas/live-mode';
// Activity Tracker › Map Users to Numbers, and the trigger that resumes it.
export { continueMappingFromTrigger, mapUsersToNumbersFromMenu as mapUsersToNumbers } from './gas/mapping';
// Activity Tracker › Refresh, Setup, Clear Cache, Start/Stop auto-refresh, and the every-minute trigger.
export {
  clearCacheFromMenu,
  refreshFromMenu,
  refreshFromTrigger,
  setupFromMenu,
  startAutoRefreshFromMenu,
  stopAutoRefreshFromMenu,
} from './gas/menu-actions';
// Simple triggers: the menus.
export { buildMenus as onInstall, buildMenus as onOpen } from './gas/menus';
// Activity Tracker › Configure.
export { showConfigure } from './gas/sidebars';
// Activity Tracker › Switch User Status.
export { switchUserStatusFromMenu as switchUserStatus } from './gas/switch-status';
// TV mode: the web app's page (doGet) and its poll.
export { doGet, getTvView } from './gas/tv';
