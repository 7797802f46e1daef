/**
 * Utilities.formatDate: Java SimpleDateFormat patterns rendered in a given time zone
 * (docs/apps-script-notes.md#utilities). English names whatever the locale; week fields use Java's US rules
 * (weeks start on Sunday, week 1 is the one holding January 1), so `YYYY` and `DD` show the
 * same traps as on the platform.
 */
import { gasError } from './errors.js';
import { DAYS, MONTHS, offsetMinutes } from './wall-clock.js';

const DAY_MS = 86_400_000;

interface Zone {
  /** Minutes east of UTC at the instant. */
  offsetMinutes(epochMs: number): number;
  name(epochMs: number, long: boolean): string;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

function gmtName(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `GMT${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}

function fixedZone(offsetMinutes: number): Zone {
  return {
    offsetMinutes: () => offsetMinutes,
    name: () => (offsetMinutes === 0 ? 'GMT' : gmtName(offsetMinutes)),
  };
}

function zoneName(timeZone: string, epochMs: number, style: 'short' | 'long', locale: string): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style }).formatToParts(epochMs);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
}

function ianaZone(timeZone: string): Zone {
  offsetMinutes(0, timeZone); // an unknown id throws here, before any use
  const zone: Zone = {
    offsetMinutes: (epochMs) => offsetMinutes(epochMs, timeZone),
    name(epochMs, long) {
      if (long) return zoneName(timeZone, epochMs, 'long', 'en-US');
      // Java prints abbreviations (CET, EDT); ICU has them under en-US or en-GB depending on the zone.
      for (const locale of ['en-US', 'en-GB']) {
        const name = zoneName(timeZone, epochMs, 'short', locale);
        if (!/^GMT[+-]/.test(name)) return name;
      }
      return gmtName(zone.offsetMinutes(epochMs));
    },
  };
  return zone;
}

/** IANA ids or "GMT+2"-style offsets; an unknown id falls back to GMT, as Java's TimeZone does. */
export function resolveZone(timeZone: string): Zone {
  const offset = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(timeZone);
  if (offset) {
    const [, sign, hours, minutes] = offset;
    const total = Number(hours ?? 0) * 60 + Number(minutes ?? 0);
    return fixedZone(sign === '-' ? -total : total);
  }
  try {
    return ianaZone(timeZone);
  } catch {
    return fixedZone(0);
  }
}

interface Fields {
  year: number;
  month: number; // 0-11
  day: number;
  weekday: number; // 0 = Sunday
  dayOfYear: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
  offsetMinutes: number;
}

function fieldsAt(epochMs: number, zone: Zone): Fields {
  const offsetMinutes = zone.offsetMinutes(epochMs);
  const wall = new Date(epochMs + offsetMinutes * 60_000);
  const year = wall.getUTCFullYear();
  return {
    year,
    month: wall.getUTCMonth(),
    day: wall.getUTCDate(),
    weekday: wall.getUTCDay(),
    dayOfYear: Math.floor((wall.getTime() - Date.UTC(year, 0, 1)) / DAY_MS) + 1,
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millis: wall.getUTCMilliseconds(),
    offsetMinutes,
  };
}

/** Java's US week numbering: the week holding 1 January is week 1 of the (week-)year. */
function weekOfYear(f: Fields): { week: number; weekYear: number } {
  const daysInYear = Date.UTC(f.year + 1, 0, 1) / DAY_MS - Date.UTC(f.year, 0, 1) / DAY_MS;
  if (f.dayOfYear + (6 - f.weekday) > daysInYear) return { week: 1, weekYear: f.year + 1 };
  const jan1Weekday = (f.weekday - ((f.dayOfYear - 1) % 7) + 7) % 7;
  return { week: Math.floor((f.dayOfYear - 1 + jan1Weekday) / 7) + 1, weekYear: f.year };
}

function offsetText(minutes: number, style: 'Z' | 'X', count: number): string {
  if (style === 'X' && minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const hh = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const mm = pad(Math.abs(minutes) % 60, 2);
  if (style === 'Z') return `${sign}${hh}${mm}`;
  return count === 1 ? `${sign}${hh}` : count === 2 ? `${sign}${hh}${mm}` : `${sign}${hh}:${mm}`;
}

function yearText(year: number, count: number): string {
  return count === 2 ? pad(year % 100, 2) : pad(year, count);
}

function field(letter: string, count: number, f: Fields, zone: Zone, epochMs: number): string {
  switch (letter) {
    case 'G':
      return f.year > 0 ? 'AD' : 'BC';
    case 'y':
      return yearText(f.year, count);
    case 'Y':
      return yearText(weekOfYear(f).weekYear, count);
    case 'M':
    case 'L':
      return count >= 4 ? MONTHS[f.month] : count === 3 ? MONTHS[f.month].slice(0, 3) : pad(f.month + 1, count);
    case 'w':
      return pad(weekOfYear(f).week, count);
    case 'W':
      return pad(Math.floor((f.day - 1 + ((f.weekday - ((f.day - 1) % 7) + 7) % 7)) / 7) + 1, count);
    case 'D':
      return pad(f.dayOfYear, count);
    case 'd':
      return pad(f.day, count);
    case 'F':
      return pad(Math.floor((f.day - 1) / 7) + 1, count);
    case 'E':
      return count >= 4 ? DAYS[f.weekday] : DAYS[f.weekday].slice(0, 3);
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      return pad(f.millis, count);
    case 'z':
      return zone.name(epochMs, count >= 4);
    case 'Z':
      return offsetText(f.offsetMinutes, 'Z', count);
    case 'X':
      return offsetText(f.offsetMinutes, 'X', count);
    default:
      throw gasError(`Illegal pattern character '${letter}'`);
  }
}

export function formatDate(epochMs: number, timeZone: string, pattern: string): string {
  const zone = resolveZone(timeZone);
  const f = fieldsAt(epochMs, zone);
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const char = pattern[i];
    if (char === "'") {
      // Quoted literal; '' is an apostrophe, inside or outside quotes.
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      for (; j < pattern.length; j++) {
        if (pattern[j] === "'" && pattern[j + 1] === "'") {
          out += "'";
          j++;
        } else if (pattern[j] === "'") break;
        else out += pattern[j];
      }
      i = j + 1;
    } else if (/[a-zA-Z]/.test(char)) {
      let j = i;
      while (pattern[j] === char) j++;
      out += field(char, j - i, f, zone, epochMs);
      i = j;
    } else {
      out += char;
      i++;
    }
  }
  return out;
}
