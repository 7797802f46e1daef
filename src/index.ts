// Every Apps Script entry point, and nothing else: build.mjs gives each export a top-level
// function in dist/Code.js so menus, triggers and google.script.run can call it.

// "Calls" menu and its sidebars (google.script.run)
export {
  advancedSearch,
  exportCallsToSheet,
  getCallHistory,
  getSearchOptions,
  showAdvancedSearch,
  showAllCallHistory,
  showUserCallHistory,
} from './gas/calls-sidebars';
// Configure sidebar (google.script.run)
export { getConfigureView, saveSettingsFromSidebar as saveSettings, testConnection } from './gas/configure';
// Live mode sidebar
export { liveRefresh, showLiveMode } from './gas/live-mode';
export { continueMappingFromTrigger, mapUsersToNumbersFromMenu as mapUsersToNumbers } from './gas/mapping';
// "Activity Tracker" menu
export {
  clearCacheFromMenu,
  refreshFromMenu,
  refreshFromTrigger,
  setupFromMenu,
  startAutoRefreshFromMenu,
  stopAutoRefreshFromMenu,
} from './gas/menu-actions';
// Simple triggers
export { buildMenus as onOpen, buildMenus as onInstall } from './gas/menus';
export { showConfigure } from './gas/sidebars';
export { switchUserStatusFromMenu as switchUserStatus } from './gas/switch-status';
