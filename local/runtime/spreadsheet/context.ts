import type { SpreadsheetModel } from './model.js';

export interface SpreadsheetHooks {
  /** SpreadsheetApp.getUi() delegates here; the runtime throws when the context forbids UI (docs/apps-script-notes.md#ui-from-non-interactive-contexts). */
  getUi(): unknown;
  onToast(message: string, title: string, timeoutSeconds: number): void;
}

/** What every fake object needs: the document it reads and writes, and the runtime's hooks. */
export interface FakeContext {
  doc: SpreadsheetModel;
  hooks: SpreadsheetHooks;
}
