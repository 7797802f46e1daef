/** Argument checks shared by the fakes, with Apps Script's texts (docs/apps-script-notes.md#errors-and-messages, docs/apps-script-notes.md#ranges-limits-merges-and-rangelist). */
import { gasError, MESSAGES } from '../errors.js';

/** Type tokens as Apps Script prints them in signature errors (docs/apps-script-notes.md#errors-and-messages). */
function typeToken(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  if (Array.isArray(value)) return 'Object[]';
  return '(class)';
}

export function signatureError(method: string, args: unknown[]): Error {
  return gasError(`The parameters (${args.map(typeToken).join(',')}) don't match the method signature for ${method}.`);
}

/** 2-D setters: a matrix of exactly the range's size; rows first, then each row's length (docs/apps-script-notes.md#ranges-limits-merges-and-rangelist). */
export function assertMatrix(method: string, data: unknown, numRows: number, numColumns: number): void {
  if (!Array.isArray(data) || !data.every(Array.isArray))
    throw signatureError(`SpreadsheetApp.Range.${method}`, [data]);
  if (data.length !== numRows) throw gasError(MESSAGES.rowsMismatch(data.length, numRows));
  for (const row of data as unknown[][]) {
    if (row.length !== numColumns) throw gasError(MESSAGES.columnsMismatch(row.length, numColumns));
  }
}

/** getRange(row, column, numRows, numColumns) bounds, in Apps Script's order (docs/apps-script-notes.md#ranges-limits-merges-and-rangelist). */
export function assertGridArgs(
  method: string,
  args: unknown[],
  maxRows: number,
  maxColumns: number,
): [number, number, number, number] {
  if (args.some((a) => typeof a !== 'number' || Number.isNaN(a))) throw signatureError(method, args);
  const [row, column, numRows = 1, numColumns = 1] = (args as number[]).map(Math.trunc);
  if (row < 1) throw gasError(MESSAGES.startRowTooSmall);
  if (column < 1) throw gasError(MESSAGES.startColumnTooSmall);
  if (numRows < 1) throw gasError(MESSAGES.numRowsTooSmall);
  if (numColumns < 1) throw gasError(MESSAGES.numColumnsTooSmall);
  if (row + numRows - 1 > maxRows || column + numColumns - 1 > maxColumns) throw gasError(MESSAGES.outsideSheet);
  return [row, column, numRows, numColumns];
}
