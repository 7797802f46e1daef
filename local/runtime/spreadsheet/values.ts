/** Reading and writing cell contents the way Apps Script coerces them (docs/apps-script-notes.md#cell-values). */
import { gasError, MESSAGES } from '../errors.js';
import { type Cell, clearContent, type Scalar } from './cell.js';
import { instantFromSerial, isDate, serialFromInstant } from './dates.js';
import { evaluateFormula } from './formula.js';
import type { LocaleSymbols } from './locale.js';
import { formatValue, isAutomatic, isDateFormat, isTextFormat } from './number-format.js';
import { parseUserEntered } from './parse-input.js';

export interface DocumentSettings {
  timeZone: string;
  symbols: LocaleSymbols;
}

const MAX_CELL_CHARS = 50_000;

export function assertCellLength(input: unknown): void {
  if (typeof input === 'string' && input.length > MAX_CELL_CHARS) throw gasError(MESSAGES.cellTooLong);
}

/** getValue(): Number, Boolean, Date or String; '' for an empty cell. */
export function readValue(cell: Cell | undefined, settings: DocumentSettings): Scalar | Date {
  if (!cell) return '';
  if (typeof cell.value === 'number' && isDateFormat(cell.format.numberFormat)) {
    return new Date(instantFromSerial(cell.value, settings.timeZone));
  }
  return cell.value;
}

export function readDisplay(cell: Cell | undefined, settings: DocumentSettings): string {
  return cell ? formatValue(cell.value, cell.format.numberFormat, settings.symbols) : '';
}

function dateTimeFormat(symbols: LocaleSymbols): string {
  return symbols.dayFirst ? 'dd/MM/yyyy HH:mm:ss' : 'M/d/yyyy H:mm:ss';
}

/** setValue() of one input into a cell (the caller has checked sizes and merges). */
export function writeInput(cell: Cell, input: unknown, settings: DocumentSettings): void {
  clearContent(cell);
  if (input === null || input === undefined || input === '') return;
  if (typeof input === 'number' || typeof input === 'boolean') {
    cell.value = input;
    return;
  }
  if (isDate(input)) {
    cell.value = serialFromInstant(input.getTime(), settings.timeZone);
    if (!isDateFormat(cell.format.numberFormat)) cell.format.numberFormat = dateTimeFormat(settings.symbols);
    return;
  }
  const text = String(input);
  // A plain-text cell keeps exactly what was written, even "=1+2" or "00123" (the plain-text format, docs/apps-script-notes.md#cell-values).
  if (isTextFormat(cell.format.numberFormat)) {
    cell.value = text;
    return;
  }
  const typed = parseUserEntered(text, settings.symbols);
  switch (typed.kind) {
    case 'empty':
      return;
    case 'text':
      cell.value = typed.text;
      return;
    case 'boolean':
      cell.value = typed.value;
      return;
    case 'formula':
      writeFormula(cell, typed.formula, settings);
      return;
    case 'number': {
      cell.value = typed.value;
      const current = cell.format.numberFormat;
      const inferDate = typed.isDate && !isDateFormat(current);
      if (typed.format && (inferDate || (!typed.isDate && isAutomatic(current))))
        cell.format.numberFormat = typed.format;
    }
  }
}

/** setRichTextValue(): text stays text, never parsed. */
export function writeText(cell: Cell, text: string, link: string | null): void {
  clearContent(cell);
  cell.value = text;
  cell.link = link;
}

/** setFormula(): a "=…" text is a formula whatever the cell's number format. */
export function writeFormula(cell: Cell, formula: string, settings: DocumentSettings): void {
  if (!String(formula).startsWith('=')) {
    writeInput(cell, formula, settings);
    return;
  }
  clearContent(cell);
  const result = evaluateFormula(formula);
  cell.formula = formula;
  cell.value = result.value;
  cell.link = result.link ?? null;
}
