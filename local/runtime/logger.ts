/** Logger and console: every line lands in the runtime's log, in order. */
import { formatWithOptions } from 'node:util';

type Sink = (line: string) => void;

const render = (args: unknown[]) => formatWithOptions({ depth: 6, breakLength: Number.POSITIVE_INFINITY }, ...args);

export class Logger {
  static readonly gasName = 'Logger';
  private readonly lines: string[] = [];

  constructor(private readonly sink: Sink) {}

  /** Logger.log(data) or Logger.log(format, values…) with %s placeholders. */
  log(...args: unknown[]): Logger {
    const line = render(args);
    this.lines.push(line);
    this.sink(line);
    return this;
  }

  getLog(): string {
    return this.lines.join('\n');
  }

  clear(): void {
    this.lines.length = 0;
  }
}

export function createConsole(sink: Sink): Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'> {
  const level =
    (prefix: string) =>
    (...args: unknown[]) =>
      sink(prefix + render(args));
  return { log: level(''), info: level(''), debug: level(''), warn: level('WARNING: '), error: level('ERROR: ') };
}
