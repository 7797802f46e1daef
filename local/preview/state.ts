/**
 * What the page shows, as JSON: the active tab trimmed to its used area, the tabs, the menus and
 * what the add-on showed the user (toasts, alerts, sidebars). Shared by the server and the page.
 */
import type { Runtime } from '../runtime/index.js';
import type { SheetSnapshot } from '../runtime/spreadsheet/index.js';
import type { MenuRecord } from '../runtime/ui.js';
import { type ChartView, chartViews, type SparklineView, sparklineViews } from './chart-data.js';

/** The grids the page renders, cut to the rows and columns shown. */
export type SheetView = Pick<
  SheetSnapshot,
  | 'name'
  | 'frozenRows'
  | 'frozenColumns'
  | 'hiddenGridlines'
  | 'displayValues'
  | 'values'
  | 'backgrounds'
  | 'fontColors'
  | 'fontWeights'
  | 'fontStyles'
  | 'fontSizes'
  | 'horizontalAlignments'
  | 'verticalAlignments'
  | 'wraps'
  | 'notes'
  | 'borders'
  | 'merges'
  | 'columnWidths'
  | 'rowHeights'
> & {
  /** Rows and columns drawn: the used area plus a margin of empty grid, as Sheets shows it. */
  rows: number;
  columns: number;
  /** The selected A1 ranges; the last one holds the active cell. */
  selection: string[];
};

export interface Shown {
  /** Position in the runtime's log, so the page opens each one once. */
  index: number;
  title: string;
}

export interface PreviewState {
  version: string;
  title: string;
  tabs: { name: string; color: string | null }[];
  sheet: SheetView;
  /** The active tab's embedded charts and SPARKLINE cells, with the data they draw. */
  charts: ChartView[];
  sparklines: SparklineView[];
  menus: MenuRecord[];
  toasts: (Shown & { message: string; timeoutSeconds: number })[];
  alerts: (Shown & { message: string })[];
  sidebar: (Shown & { width: number }) | null;
  dialog: (Shown & { width: number; height: number }) | null;
}

const EMPTY_ROWS_SHOWN = 20;
const EMPTY_COLUMNS_SHOWN = 3;
const PLAIN_BACKGROUND = '#ffffff';
/** The last toasts and alerts sent; older ones were shown already. */
const RECENT = 5;

/** The area holding values, notes, colors or borders: formats like alignment alone spread over whole ranges. */
function visibleExtent(s: SheetSnapshot): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  for (const [r, cells] of s.displayValues.entries()) {
    for (const [c, value] of cells.entries()) {
      if (value !== '' || s.notes[r][c] !== '' || s.backgrounds[r][c] !== PLAIN_BACKGROUND || s.borders[r][c]) {
        rows = Math.max(rows, r + 1);
        columns = Math.max(columns, c + 1);
      }
    }
  }
  return { rows, columns };
}

function sheetView(s: SheetSnapshot, selection: string[]): SheetView {
  const used = visibleExtent(s);
  const rows = Math.min(s.maxRows, Math.max(used.rows, s.frozenRows) + EMPTY_ROWS_SHOWN);
  const columns = Math.min(s.maxColumns, Math.max(used.columns, s.frozenColumns) + EMPTY_COLUMNS_SHOWN);
  const cut = <T>(grid: T[][]) => grid.slice(0, rows).map((cells) => cells.slice(0, columns));
  return {
    name: s.name,
    frozenRows: s.frozenRows,
    frozenColumns: s.frozenColumns,
    hiddenGridlines: s.hiddenGridlines,
    displayValues: cut(s.displayValues),
    values: cut(s.values),
    backgrounds: cut(s.backgrounds),
    fontColors: cut(s.fontColors),
    fontWeights: cut(s.fontWeights),
    fontStyles: cut(s.fontStyles),
    fontSizes: cut(s.fontSizes),
    horizontalAlignments: cut(s.horizontalAlignments),
    verticalAlignments: cut(s.verticalAlignments),
    wraps: cut(s.wraps),
    notes: cut(s.notes),
    borders: cut(s.borders),
    merges: s.merges,
    columnWidths: s.columnWidths,
    rowHeights: s.rowHeights,
    rows,
    columns,
    selection,
  };
}

const recent = <T>(items: T[]) => items.map((item, index) => ({ item, index })).slice(-RECENT);

export function previewState(runtime: Runtime, version: string): PreviewState {
  const { spreadsheet, ui } = runtime;
  const active = spreadsheet.activeSheet;
  const sidebar = ui.sidebars.at(-1);
  const dialog = ui.dialogs.at(-1);
  return {
    version,
    title: spreadsheet.name,
    tabs: spreadsheet.sheets.filter((s) => !s.hidden).map((s) => ({ name: s.name, color: s.tabColor })),
    sheet: sheetView(spreadsheet.snapshot(active.name), active.selection),
    charts: chartViews(spreadsheet, active.name),
    sparklines: sparklineViews(spreadsheet, active.name),
    menus: ui.menus,
    toasts: recent(ui.toasts).map(({ item, index }) => ({
      index,
      title: item.title,
      message: item.message,
      timeoutSeconds: item.timeoutSeconds,
    })),
    alerts: recent(ui.alerts).map(({ item, index }) => ({ index, title: item.title, message: item.message })),
    sidebar: sidebar ? { index: ui.sidebars.length - 1, title: sidebar.title, width: sidebar.width ?? 300 } : null,
    dialog: dialog
      ? { index: ui.dialogs.length - 1, title: dialog.title, width: dialog.width ?? 600, height: dialog.height ?? 400 }
      : null,
  };
}
