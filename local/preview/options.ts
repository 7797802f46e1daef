/** `npm start` options: flags plus the Aircall key from the environment. */
import { parseArgs } from 'node:util';
import type { Preset } from '../aircall-sim/index.js';

export interface StartOptions {
  preset: Preset;
  /** 0 = any free port. */
  port: number;
  /** True when --port was given: a taken port is then an error, not a reason to pick another. */
  portGiven: boolean;
  /** Simulated time factor: 10 makes the every-minute trigger fire every 6 s. */
  speed: number;
  /** A server speaking the Aircall API instead of the simulator; needs `key`. */
  aircallUrl: string | null;
  /** From AIRCALL_API_ID / AIRCALL_API_TOKEN; null = the simulator's own key. */
  key: { apiId: string; apiToken: string } | null;
  /** Setup, Configure, Map, one Refresh, then exit (no page). */
  once: boolean;
  dump: string | null;
  /** --once: refreshes in all, one simulated minute apart (History, Today). */
  refreshes: number;
}

/** A mistake on the command line, told in plain words. */
export class UsageError extends Error {}

export const USAGE = `Usage: npm start -- [options]
  --preset small|medium|large   size of the simulated call center (default medium)
  --port N                      port of the page (default 8080, or a free one when 8080 is taken;
                                0 = any free port)
  --speed X                     simulated time runs X times faster than real time (default 1)
  --aircall-url URL             use this Aircall API server instead of the simulator
                                (needs AIRCALL_API_ID and AIRCALL_API_TOKEN in the environment)
  --once --dump FILE            no page: Setup, Configure, Map Users to Numbers, one Refresh,
                                then write every tab to FILE as JSON
  --refreshes N                 with --once: N refreshes one simulated minute apart (default 1)`;

const PRESETS: readonly Preset[] = ['small', 'medium', 'large'];
const DEFAULT_PORT = 8080;

function number(name: string, text: string, valid: (n: number) => boolean): number {
  const value = Number(text);
  if (text.trim() === '' || !valid(value)) throw new UsageError(`--${name} ${text} is not valid.`);
  return value;
}

export function parseStartOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): StartOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  const preset = values.preset as Preset;
  if (!PRESETS.includes(preset)) throw new UsageError(`--preset must be small, medium or large, not "${preset}".`);
  const port =
    values.port === undefined
      ? DEFAULT_PORT
      : number('port', values.port, (n) => Number.isInteger(n) && n >= 0 && n < 65_536);
  const speed = number('speed', values.speed, (n) => n > 0 && n <= 1000);
  if (values.dump !== undefined && !values.once) throw new UsageError('--dump goes with --once.');
  if (values.once && values.dump === undefined) throw new UsageError('--once needs --dump FILE.');
  const refreshes = number('refreshes', values.refreshes, (n) => Number.isInteger(n) && n >= 1 && n <= 1440);
  if (refreshes > 1 && !values.once) throw new UsageError('--refreshes goes with --once.');

  const apiId = env.AIRCALL_API_ID?.trim() ?? '';
  const apiToken = env.AIRCALL_API_TOKEN?.trim() ?? '';
  const aircallUrl = values['aircall-url'] ?? null;
  if (aircallUrl !== null) {
    if (!/^https?:\/\/[^/]/.test(aircallUrl))
      throw new UsageError(`--aircall-url ${aircallUrl} is not an http(s) URL.`);
    if (!apiId || !apiToken)
      throw new UsageError('--aircall-url needs AIRCALL_API_ID and AIRCALL_API_TOKEN in the environment.');
  }
  return {
    preset,
    port,
    portGiven: values.port !== undefined,
    speed,
    aircallUrl: aircallUrl?.replace(/\/+$/, '') ?? null,
    key: apiId && apiToken ? { apiId, apiToken } : null,
    once: values.once,
    dump: values.dump ?? null,
    refreshes,
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      preset: { type: 'string', default: 'medium' },
      port: { type: 'string' },
      speed: { type: 'string', default: '1' },
      'aircall-url': { type: 'string' },
      once: { type: 'boolean', default: false },
      dump: { type: 'string' },
      refreshes: { type: 'string', default: '1' },
    },
  });
}
