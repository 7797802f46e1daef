/** Utilities (docs/apps-script-notes.md#utilities): Java-flavoured formatting, base64 over UTF-8, signed byte arrays, sleep on the runtime clock. */
import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from './clock.js';
import { gasEnum } from './enums.js';
import { gasError, MESSAGES } from './errors.js';
import { formatDate } from './format-date.js';
import type { Implements } from './gas-types.js';

const MAX_SLEEP_MS = 300_000;

export const Charset = gasEnum('US_ASCII', 'UTF_8');
export const DigestAlgorithm = gasEnum('MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512');
const HASHES: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

export const toSignedBytes = (bytes: Uint8Array): number[] => Array.from(bytes, (b) => (b > 127 ? b - 256 : b));

function bytesOf(data: string | number[], charset?: unknown): Buffer {
  if (typeof data === 'string') return Buffer.from(data, String(charset) === 'US_ASCII' ? 'latin1' : 'utf8');
  return Buffer.from(Array.from(data, (byte) => Number(byte) & 0xff));
}

/** The token Apps Script prints for an argument's type in signature errors (docs/apps-script-notes.md#errors-and-messages). */
function typeToken(value: unknown): string {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  return '(class)';
}

const isDate = (value: unknown): value is GoogleAppsScript.Base.Date =>
  Object.prototype.toString.call(value) === '[object Date]';

/** Java String.format for the common conversions: %s %d %f %x %%, with flags, width and precision. */
export function formatString(template: string, args: unknown[]): string {
  let next = 0;
  return template.replace(
    /%([-0]*)(\d+)?(?:\.(\d+))?([sdfx%])/g,
    (_all, flags: string, width, precision, conversion) => {
      if (conversion === '%') return '%';
      const arg = args[next++];
      let text: string;
      if (conversion === 'd') text = String(Math.trunc(Number(arg)));
      else if (conversion === 'f') text = Number(arg).toFixed(precision === undefined ? 6 : Number(precision));
      else if (conversion === 'x') text = Math.trunc(Number(arg)).toString(16);
      else text = precision === undefined ? String(arg) : String(arg).slice(0, Number(precision));
      const size = Number(width ?? 0);
      if (flags.includes('-')) return text.padEnd(size);
      return flags.includes('0') && conversion !== 's' ? text.padStart(size, '0') : text.padStart(size);
    },
  );
}

type GasBlob = GoogleAppsScript.Base.Blob;

export class Blob
  implements Implements<GasBlob, 'getBytes' | 'getDataAsString' | 'getContentType' | 'getName' | 'setName'>
{
  static readonly gasName = 'Blob';

  constructor(
    private readonly bytes: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {}

  getBytes(): number[] {
    return toSignedBytes(this.bytes);
  }

  getDataAsString(charset?: string): string {
    return new TextDecoder(charset ?? 'utf-8').decode(this.bytes);
  }

  getContentType(): string | null {
    return this.contentType;
  }

  setContentType(contentType: string): Blob {
    this.contentType = contentType;
    return this;
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: string): Blob {
    this.name = name;
    return this;
  }
}

type GasUtilities = GoogleAppsScript.Utilities.Utilities;

export class Utilities
  implements
    Implements<
      GasUtilities,
      | 'base64Encode'
      | 'base64EncodeWebSafe'
      | 'base64Decode'
      | 'base64DecodeWebSafe'
      | 'formatDate'
      | 'formatString'
      | 'sleep'
      | 'computeDigest'
      | 'newBlob'
      | 'getUuid'
    >
{
  static readonly gasName = 'Utilities';
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;

  constructor(private readonly clock: Clock) {}

  base64Encode(data: string | number[], charset?: unknown): string {
    return bytesOf(data, charset).toString('base64');
  }

  /** Web-safe alphabet, padding kept (as Java's URL-safe encoder does). */
  base64EncodeWebSafe(data: string | number[], charset?: unknown): string {
    return this.base64Encode(data, charset).replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string, _charset?: unknown): number[] {
    return toSignedBytes(Buffer.from(String(encoded), 'base64'));
  }

  base64DecodeWebSafe(encoded: string, _charset?: unknown): number[] {
    return toSignedBytes(Buffer.from(String(encoded), 'base64url'));
  }

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string')
      throw gasError(
        `The parameters (${[date, timeZone, format].map(typeToken).join(',')}) don't match the method signature for Utilities.formatDate.`,
      );
    return formatDate(date.getTime(), timeZone, format);
  }

  formatString(template: string, ...args: unknown[]): string {
    return formatString(String(template), args);
  }

  sleep(milliseconds: number): void {
    if (milliseconds > MAX_SLEEP_MS) throw gasError(MESSAGES.sleepTooLong);
    this.clock.sleep(Math.max(0, Number(milliseconds) || 0));
  }

  computeDigest(algorithm: unknown, value: string | number[], charset?: unknown): number[] {
    const hash = HASHES[String(algorithm)];
    if (!hash) throw gasError(`Unsupported digest algorithm: ${String(algorithm)}`);
    return toSignedBytes(createHash(hash).update(bytesOf(value, charset)).digest());
  }

  newBlob(data: string | number[], contentType?: string, name?: string): Blob {
    return new Blob(bytesOf(data), contentType ?? null, name ?? null);
  }

  getUuid(): string {
    return randomUUID();
  }
}
