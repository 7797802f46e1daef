/**
 * Renders a typed cell value with its number format, as getDisplayValue() shows it.
 * Covers what typing and the product use: automatic, plain text "@", fixed/grouped decimals,
 * percent, quoted currency literals and date/time patterns. Exotic patterns fall back to automatic.
 */

import { DAYS, MONTHS } from '../wall-clock.js';
import { partsFromSerial } from './dates.js';
import type { LocaleSymbols } from './locale.js';

/** The format a fresh cell reports from getNumberFormat() [unc: observed value, widely quoted]. */
export const AUTOMATIC_FORMAT = '0.###############';

export function isAutomatic(format: string): boolean {
  return format === '' || format === AUTOMATIC_FORMAT || format.toLowerCase() === 'general';
}

export function isTextFormat(format: string): boolean {
  return format === '@' || format === '@STRING@';
}

function withoutLiterals(format: string): string {
  return format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
}

export function isDateFormat(format: string): boolean {
  return !isAutomatic(format) && !isTextFormat(format) && /[dyhsm]/i.test(withoutLiterals(format).split(';')[0]);
}

export function formatValue(value: string | number | boolean, format: string, symbols: LocaleSymbols): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (isAutomatic(format) || isTextFormat(format)) return formatAutomatic(value, symbols);
  if (isDateFormat(format)) return formatDate(value, format);
  return formatNumberPattern(value, format, symbols) ?? formatAutomatic(value, symbols);
}

function formatAutomatic(n: number, symbols: LocaleSymbols): string {
  if (!Number.isFinite(n)) return '#NUM!';
  if (Math.abs(n) >= 1e15) return n.toExponential().toUpperCase().replace('.', symbols.decimal);
  const text = Number.isInteger(n) ? String(n) : String(Number.parseFloat(n.toFixed(10)));
  return text.replace('.', symbols.decimal);
}

function group(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** Splits "prefix 0,0.00 suffix" into literal text and the digit placeholders between. */
function formatNumberPattern(n: number, format: string, symbols: LocaleSymbols): string | undefined {
  const sections = format.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  let section = sections[0];
  let negative = n < 0;
  if (negative && sections[1] !== undefined) {
    section = sections[1];
    negative = false;
  }
  let prefix = '';
  let spec = '';
  let suffix = '';
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    let literal: string | undefined;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      literal = section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      literal = section[++i] ?? '';
    } else if (ch === '[') {
      i = section.indexOf(']', i);
      if (i < 0) return undefined;
      continue;
    } else if (ch === '_') {
      i++;
      literal = ' ';
    } else if (/[0#?]/.test(ch) || (spec && !suffix && /[.,]/.test(ch))) {
      if (suffix) return undefined;
      spec += ch;
      continue;
    } else {
      literal = ch;
    }
    if (spec) suffix += literal;
    else prefix += literal;
  }
  if (!spec) return undefined;
  const [intSpec, decSpec = ''] = spec.split('.');
  const percent = (prefix + suffix).includes('%');
  const magnitude = Math.abs(n) * (percent ? 100 : 1);
  const maxDecimals = decSpec.replace(/[^0#?]/g, '').length;
  const minDecimals = decSpec.replace(/[^0]/g, '').length;
  let [intDigits, decDigits = ''] = magnitude.toFixed(maxDecimals).split('.');
  while (decDigits.length > minDecimals && decDigits.endsWith('0')) decDigits = decDigits.slice(0, -1);
  const minInt = intSpec.replace(/[^0]/g, '').length;
  if (minInt === 0 && intDigits === '0') intDigits = '';
  intDigits = intDigits.padStart(minInt, '0');
  if (intSpec.includes(',')) intDigits = group(intDigits, symbols.group);
  const body = spec.includes('.') ? `${intDigits}${symbols.decimal}${decDigits}` : intDigits;
  return `${negative && Number(magnitude.toFixed(maxDecimals)) !== 0 ? '-' : ''}${prefix}${body}${suffix}`;
}

type DateToken = { kind: 'literal'; text: string } | { kind: 'field'; letter: string; width: number };

function tokenizeDate(format: string): DateToken[] {
  const tokens: DateToken[] = [];
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      tokens.push({ kind: 'literal', text: format.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? format.length : end;
    } else if (ch === '\\') {
      tokens.push({ kind: 'literal', text: format[++i] ?? '' });
    } else if (/^(am\/pm|a\/p)/i.test(format.slice(i))) {
      const width = /^am\/pm/i.test(format.slice(i)) ? 5 : 3;
      tokens.push({ kind: 'field', letter: 'a', width });
      i += width - 1;
    } else if (/[dyhsm]/i.test(ch)) {
      let width = 1;
      while (format[i + width]?.toLowerCase() === ch.toLowerCase()) width++;
      tokens.push({ kind: 'field', letter: ch.toLowerCase(), width });
      i += width - 1;
    } else {
      tokens.push({ kind: 'literal', text: ch });
    }
  }
  return tokens;
}

function formatDate(serial: number, format: string): string {
  const p = partsFromSerial(serial);
  const tokens = tokenizeDate(format.split(';')[0]);
  const fields = tokens.filter((t) => t.kind === 'field') as Extract<DateToken, { kind: 'field' }>[];
  const twelveHour = fields.some((t) => t.letter === 'a');
  const pad = (n: number, width: number) => String(n).padStart(Math.min(width, 2), '0');
  return tokens
    .map((token) => {
      if (token.kind === 'literal') return token.text;
      const index = fields.indexOf(token);
      const { letter, width } = token;
      // "m" means minutes right after an hour or right before seconds, months elsewhere.
      const minute = letter === 'm' && (fields[index - 1]?.letter === 'h' || fields[index + 1]?.letter === 's');
      if (minute) return pad(p.minute, width);
      switch (letter) {
        case 'y':
          return width <= 2 ? String(p.year % 100).padStart(2, '0') : String(p.year);
        case 'm':
          return width >= 4 ? MONTHS[p.month - 1] : width === 3 ? MONTHS[p.month - 1].slice(0, 3) : pad(p.month, width);
        case 'd':
          return width >= 4 ? DAYS[p.weekday] : width === 3 ? DAYS[p.weekday].slice(0, 3) : pad(p.day, width);
        case 'h':
          return pad(twelveHour ? p.hour % 12 || 12 : p.hour, width);
        case 's':
          return pad(p.second, width);
        default:
          return width === 5 ? (p.hour < 12 ? 'AM' : 'PM') : p.hour < 12 ? 'A' : 'P';
      }
    })
    .join('');
}
