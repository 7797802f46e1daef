/**
 * What the page needs to draw a tab's embedded charts and SPARKLINE cells, resolved here from
 * the ranges they read (which may sit on other tabs), since the local runtime evaluates neither.
 */
import { parseA1, splitSheetPrefix } from '../runtime/spreadsheet/a1.js';
import { chartsOf } from '../runtime/spreadsheet/charts.js';
import type { SpreadsheetModel } from '../runtime/spreadsheet/index.js';

export interface ChartView {
  type: string;
  title: string;
  /** Anchor cell (1-based) and size in px. */
  row: number;
  column: number;
  width: number;
  height: number;
  /** The first range's values: the category axis. */
  categories: string[];
  /** `right`: drawn against the right-hand axis (option series.N.targetAxisIndex = 1). */
  series: { name: string; values: (number | null)[]; right: boolean }[];
}

export interface SparklineView {
  row: number;
  column: number;
  values: (number | null)[];
}

const SPARKLINE = /^=SPARKLINE\(\s*([^,()]+?)\s*\)$/i;
const MAX_POINTS = 2_000;

/** Columns of a range as [header, ...values], read as the sheet shows them. */
function columnsOf(doc: SpreadsheetModel, a1: string, fallbackTab: string): string[][] {
  const { sheetName, cells } = splitSheetPrefix(a1);
  const tab = doc.sheetByName(sheetName ?? fallbackTab);
  if (!tab) return [];
  const rect = parseA1(cells, tab.maxRows, tab.maxColumns);
  const shown = doc.snapshot(tab.name).displayValues;
  const lastRow = Math.min(rect.row + rect.numRows - 1, shown.length);
  return Array.from({ length: rect.numColumns }, (_, c) =>
    Array.from(
      { length: Math.max(0, lastRow - rect.row + 1) },
      (_, r) => shown[rect.row - 1 + r]?.[rect.column - 1 + c] ?? '',
    ),
  );
}

const numberOrNull = (text: string) => (text.trim() === '' || Number.isNaN(Number(text)) ? null : Number(text));

function onRightAxis(options: Record<string, unknown>, index: number): boolean {
  const series = options.series as Record<string, { targetAxisIndex?: number }> | undefined;
  return series?.[index]?.targetAxisIndex === 1;
}

export function chartViews(doc: SpreadsheetModel, tabName: string): ChartView[] {
  const tab = doc.sheetByName(tabName);
  if (!tab) return [];
  return chartsOf(tab).map((chart) => {
    const columns = chart.ranges.flatMap((a1) => columnsOf(doc, a1, tabName));
    const headers = chart.numHeaders === 0 ? 0 : 1;
    const [categories = [], ...series] = columns;
    return {
      type: chart.type,
      title: String(chart.options.title ?? ''),
      row: chart.position.row,
      column: chart.position.column,
      width: Number(chart.options.width ?? 600),
      height: Number(chart.options.height ?? 370),
      categories: categories.slice(headers),
      series: series.map((values, index) => ({
        name: headers ? (values[0] ?? '') : '',
        values: values.slice(headers).map(numberOrNull),
        right: onRightAxis(chart.options, index),
      })),
    };
  });
}

/** Cells holding a SPARKLINE over one column or row, with the numbers it would draw (the latest MAX_POINTS). */
export function sparklineViews(doc: SpreadsheetModel, tabName: string): SparklineView[] {
  const snapshot = doc.snapshot(tabName);
  const found: SparklineView[] = [];
  for (const [r, cells] of snapshot.formulas.entries()) {
    for (const [c, formula] of cells.entries()) {
      const match = SPARKLINE.exec(formula);
      if (!match) continue;
      const values = columnsOf(doc, match[1], tabName)
        .flat()
        .map(numberOrNull)
        .filter((v) => v !== null);
      found.push({ row: r + 1, column: c + 1, values: values.slice(-MAX_POINTS) });
    }
  }
  return found;
}
