/**
 * A string written with setValue(s) is read as if typed into the cell (USER_ENTERED, docs/apps-script-notes.md#cell-values):
 * formula, boolean, number (with inferred currency/percent/grouping format), date/time, or text.
 */
import { isValidDate, serialFromParts } from './dates.js';
import type { LocaleSymbols } from './locale.js';

export type Typed =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'formula'; formula: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'number'; value: number; format?: string; isDate?: boolean };

export function parseUserEntered(input: string, symbols: LocaleSymbols): Typed {
  if (input === '') return { kind: 'empty' };
  if (input.startsWith("'")) return { kind: 'text', text: input.slice(1) };
  if (input.startsWith('=')) return { kind: 'formula', formula: input };
  const trimmed = input.trim();
  if (/^(true|false)$/i.test(trimmed)) return { kind: 'boolean', value: trimmed.toLowerCase() === 'true' };
  const typed = parseNumber(trimmed, symbols) ?? parseDateTime(trimmed, symbols);
  if (typed) return typed;
  // "+…", "-…" and "@…" start a formula when typed: "+33 6 11 11 33 33" is a formula parse error.
  if (/^[+\-@]./s.test(trimmed)) return { kind: 'formula', formula: `=${trimmed}` };
  return { kind: 'text', text: input };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function parseNumber(text: string, symbols: LocaleSymbols): Typed | undefined {
  const m = /^([+-]?)\s*([$€£¥]?)\s*([+-]?)(.*?)\s*(%?)\s*([€$£]?)$/su.exec(text);
  if (!m) return undefined;
  const [, sign1, currencyBefore, sign2, core, percent, currencyAfter] = m;
  if ((sign1 && sign2) || (currencyBefore && currencyAfter) || ((currencyBefore || currencyAfter) && percent)) {
    return undefined;
  }
  const dec = escapeRegExp(symbols.decimal);
  const plain = new RegExp(`^(\\d+(${dec}\\d*)?|${dec}\\d+)([eE][+-]?\\d+)?$`);
  // Space-grouping locales accept loose groups ("22 34" → 2234, docs/apps-script-notes.md#cell-values); others need groups of three.
  const grouped =
    symbols.group === ','
      ? /^\d{1,3}(,\d{3})+(\.\d*)?$/
      : symbols.group === '.'
        ? /^\d{1,3}(\.\d{3})+(,\d*)?$/
        : /^\d+([\s\u00a0\u202f]+\d+)+(,\d*)?$/;
  const isGrouped = grouped.test(core);
  if (!isGrouped && !plain.test(core)) return undefined;
  const value = isGrouped ? stripGroups(core, symbols) : Number(core.replace(symbols.decimal, '.'));
  if (!Number.isFinite(value)) return undefined;
  const negative = sign1 === '-' || sign2 === '-';
  const hasDecimals = core.includes(symbols.decimal) && !/[eE]/.test(core);
  const currency = currencyBefore || currencyAfter;
  let format: string | undefined;
  if (currency) format = currencyBefore ? `"${currency}"#,##0.00` : `#,##0.00 "${currency}"`;
  else if (percent) format = hasDecimals ? '0.00%' : '0%';
  else if (isGrouped) format = hasDecimals ? '#,##0.00' : '#,##0';
  const signed = negative ? -value : value;
  return { kind: 'number', value: percent ? signed / 100 : signed, ...(format ? { format } : {}) };
}

function stripGroups(core: string, symbols: LocaleSymbols): number {
  const [intPart, decPart = ''] = core.split(symbols.decimal);
  return Number(`${intPart.replace(/\D/g, '')}.${decPart || '0'}`);
}

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** "Mar", "march", "Sept" → 3, 3, 9; anything else → 0. */
function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  return MONTH_NAMES.findIndex((full) => lower.length >= 3 && full.startsWith(lower)) + 1;
}
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\.?)?$/i;

function parseTime(text: string): { serial: number; format: string } | undefined {
  const m = TIME.exec(text);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const [minute, second] = [Number(m[2]), Number(m[3] ?? 0)];
  if (minute > 59 || second > 59) return undefined;
  if (m[4]) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (m[4].toLowerCase() === 'p' ? 12 : 0);
  } else if (hour > 23) return undefined;
  const seconds = m[3] ? ':ss' : '';
  const format = m[4] ? `h:mm${seconds} am/pm` : `H:mm${seconds}`;
  return { serial: (hour * 3600 + minute * 60 + second) / 86400, format };
}

type DateReading = { ymd: [number, number, number]; format: string } | undefined;

/** Date shapes Sheets recognises when typed: ISO, locale-ordered slashes, "Mar 1 2016". */
function readDate(text: string, symbols: LocaleSymbols): DateReading {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return { ymd: [Number(iso[1]), Number(iso[2]), Number(iso[3])], format: 'yyyy-mm-dd' };
  const slash = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (slash) {
    const [a, b, year] = [Number(slash[1]), Number(slash[2]), Number(slash[3])];
    return symbols.dayFirst ? { ymd: [year, b, a], format: 'dd/MM/yyyy' } : { ymd: [year, a, b], format: 'M/d/yyyy' };
  }
  const named = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(text);
  const month = named ? monthNumber(named[1]) : 0;
  if (named && month) return { ymd: [Number(named[3]), month, Number(named[2])], format: 'mmm d yyyy' };
  return undefined;
}

function parseDateTime(text: string, symbols: LocaleSymbols): Typed | undefined {
  const time = parseTime(text);
  if (time) return { kind: 'number', value: time.serial, format: time.format, isDate: true };
  const [datePart, ...timeParts] = text.split(/\s+(?=\d{1,2}:)/);
  const clock = timeParts.length ? parseTime(timeParts.join(' ')) : undefined;
  if (timeParts.length && !clock) return undefined;
  const date = readDate(datePart, symbols);
  if (!date) return undefined;
  const { ymd, format } = date;
  if (!isValidDate(...ymd)) return undefined;
  const serial = serialFromParts(...ymd) + (clock?.serial ?? 0);
  return { kind: 'number', value: serial, format: clock ? `${format} ${clock.format}` : format, isDate: true };
}
