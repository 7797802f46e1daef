/** `--once --dump FILE`: every tab as plain JSON, for scripted checks, bug reports and support. */
import type { Runtime } from '../runtime/index.js';

export interface TabDump {
  name: string;
  values: (string | number | boolean | null)[][];
  backgrounds: string[][];
  fontColors: string[][];
  fontWeights: string[][];
  notes: string[][];
  merges: string[];
}

export interface WorkbookDump {
  sheets: TabDump[];
  /** Apps Script service calls made since the start, by method. */
  counters: Record<string, number>;
}

export function dumpWorkbook(runtime: Runtime): WorkbookDump {
  const sheets = runtime.spreadsheet.dump().sheets.map(
    ({ name, values, backgrounds, fontColors, fontWeights, notes, merges }): TabDump => ({
      name,
      values,
      backgrounds,
      fontColors,
      fontWeights,
      notes,
      merges,
    }),
  );
  return { sheets, counters: runtime.counters.toJSON() };
}
