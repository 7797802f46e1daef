/** `--once --dump FILE`: every tab as plain JSON, for scripted checks, bug reports and support. */
import type { Runtime } from '../runtime/index.js';
import { type ChartModel, chartsOf } from '../runtime/spreadsheet/charts.js';

export interface TabDump {
  name: string;
  values: (string | number | boolean | null)[][];
  backgrounds: string[][];
  fontColors: string[][];
  fontWeights: string[][];
  notes: string[][];
  merges: string[];
  /** Embedded charts: type, source ranges ("Tab!A2:B26"), anchor cell and options. */
  charts: Omit<ChartModel, 'id'>[];
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
      charts: chartsOf(runtime.spreadsheet.sheetByName(name)!).map(({ id: _id, ...chart }) => chart),
    }),
  );
  return { sheets, counters: runtime.counters.toJSON() };
}
