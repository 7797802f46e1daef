// Every Apps Script entry point, and nothing else: build.mjs gives each export a top-level
// function in dist/Code.js so menus, triggers and google.script.run can call it.

// Simple triggers
export { buildMenus as onOpen } from './gas/menus';
export { buildMenus as onInstall } from './gas/menus';

// "Activity Tracker" menu
export {
  clearCacheFromMenu,
  refreshFromMenu,
  refreshFromTrigger,
  setupFromMenu,
  startAutoRefreshFromMenu,
  stopAutoRefreshFromMenu,
} from './gas/menu-actions';
export { showConfigure } from './gas/sidebars';

// Configure sidebar (google.script.run)
export { getConfigureView, saveSettingsFromSidebar as saveSettings, testConnection } from './gas/configure';
