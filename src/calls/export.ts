/**
 * "Export to sheet": one header and one row per call card. Each column has a kind, so the sheet
 * writer can store it right: what the export computes (ids, seconds, times) as numbers and dates
 * that =AVERAGE and charts read, what comes from Aircall (names, numbers, tags, comments) as plain
 * text (number format "@"), so "=HYPERLINK(…)" stays text, "+33 6…" is no formula and "00123" no 123.
 */
import type { CallCard, ExportCell } from '../sidebar-contract';
import { EXPORT_ROWS_PER_CALL, type ExportRequest } from '../sidebar-contract';

/** text: literal text; count: a whole number (id, seconds); time: UNIX seconds, written as a date. */
type ColumnKind = 'text' | 'count' | 'time';

interface Column {
  header: string;
  kind: ColumnKind;
  cell(card: CallCard): ExportCell;
}

const COLUMNS: readonly Column[] = [
  { header: 'Call ID', kind: 'count', cell: (c) => c.id },
  { header: 'Direction', kind: 'text', cell: (c) => (c.direction === 'inbound' ? 'Inbound' : 'Outbound') },
  { header: 'Status', kind: 'text', cell: (c) => c.status },
  { header: 'Agent', kind: 'text', cell: (c) => c.agent ?? '' },
  { header: 'Line', kind: 'text', cell: (c) => c.line ?? '' },
  { header: 'Line number', kind: 'text', cell: (c) => c.lineDigits ?? '' },
  { header: 'External number', kind: 'text', cell: (c) => c.externalNumber },
  { header: 'Started', kind: 'time', cell: (c) => c.startedAtSec },
  { header: 'Answered', kind: 'time', cell: (c) => c.answeredAtSec },
  { header: 'Ended', kind: 'time', cell: (c) => c.endedAtSec },
  { header: 'Wait (s)', kind: 'count', cell: (c) => c.waitSec },
  { header: 'Talk (s)', kind: 'count', cell: (c) => c.talkSec },
  { header: 'Duration (s)', kind: 'count', cell: (c) => c.durationSec },
  { header: 'Missed reason', kind: 'text', cell: (c) => c.missedReasonText ?? '' },
  { header: 'Tags', kind: 'text', cell: (c) => c.tags.join(', ') },
  { header: 'Comments', kind: 'text', cell: (c) => c.comments.join('\n') },
  { header: 'Recording', kind: 'text', cell: (c) => c.recording ?? '' },
  { header: 'Voicemail', kind: 'text', cell: (c) => c.voicemail ?? '' },
  { header: 'Asset', kind: 'text', cell: (c) => c.asset ?? '' },
];

export const EXPORT_HEADER: readonly string[] = COLUMNS.map((column) => column.header);

/** One row per card, in EXPORT_HEADER's columns; null = an empty cell (a call not answered has no answer time). */
export function exportRows(cards: readonly CallCard[]): ExportCell[][] {
  return cards.map((card) => COLUMNS.map((column) => column.cell(card)));
}

/** Sheets' number formats per kind; times show in the spreadsheet's time zone. */
const NUMBER_FORMAT: Readonly<Record<ColumnKind, string>> = {
  text: '@',
  count: '0',
  time: 'yyyy-mm-dd hh:mm:ss',
};

/** Google Sheets' limit for one cell. */
const MAX_CELL_CHARS = 50_000;
/** Export tabs are named by the export itself: a request may append to one of those, never to another tab. */
const EXPORT_TAB = /^Calls \d{4}-\d\d-\d\d \d\d\.\d\d\.\d\d( \(\d+\))?$/;

function validCell(kind: ColumnKind, cell: unknown): boolean {
  if (kind === 'text') return typeof cell === 'string' && cell.length <= MAX_CELL_CHARS;
  return cell === null || (Number.isSafeInteger(cell) && (cell as number) >= 0);
}

/** The request as the sidebar sent it, checked cell by cell; anything else is refused before a tab is touched. */
export function readExportRequest(request: unknown): ExportRequest {
  const r = request as Partial<ExportRequest> | null;
  const validRow = (row: unknown) =>
    Array.isArray(row) && row.length === COLUMNS.length && row.every((cell, i) => validCell(COLUMNS[i].kind, cell));
  const name = r?.sheetName;
  const valid =
    (name === null || (typeof name === 'string' && EXPORT_TAB.test(name))) &&
    Array.isArray(r?.rows) &&
    r.rows.length <= EXPORT_ROWS_PER_CALL &&
    r.rows.every(validRow);
  if (!valid) throw new Error('The export could not be read. Please search again, then export.');
  return { sheetName: name as string | null, rows: r.rows as ExportCell[][] };
}

export type SheetCell = string | number | Date;

/** Values and number formats for Range.setValues / setNumberFormats: times become dates, empty cells "". */
export function sheetCells(rows: readonly (readonly ExportCell[])[]): { values: SheetCell[][]; formats: string[][] } {
  const values = rows.map((row) =>
    row.map((cell, i): SheetCell => {
      if (cell === null) return '';
      return COLUMNS[i].kind === 'time' ? new Date((cell as number) * 1000) : cell;
    }),
  );
  const formatRow = COLUMNS.map((column) => NUMBER_FORMAT[column.kind]);
  return { values, formats: rows.map(() => formatRow) };
}

/** The header row's cells and formats (text). */
export function headerCells(): { values: SheetCell[][]; formats: string[][] } {
  return { values: [[...EXPORT_HEADER]], formats: [EXPORT_HEADER.map(() => NUMBER_FORMAT.text)] };
}
