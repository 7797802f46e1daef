/**
 * Parent-side handle on the simulated Aircall: starts server.ts in a child process (so a synchronously blocked
 * caller can still be answered) and drives it through the /__sim/ control endpoints.
 */
import { fileURLToPath } from 'node:url';
import { startChildServer } from '../child-server.js';
import type { Fault, GroundTruth, RequestLogEntry, SimulatorOptions } from './types.js';

export type {
  ClockOptions,
  Fault,
  GroundTruth,
  Preset,
  RequestLogEntry,
  Scenario,
  ScenarioAgent,
  ScenarioEvent,
  SimulatorOptions,
} from './types.js';
export { DEFAULT_START_MS } from './types.js';

export interface Simulator {
  /** http://127.0.0.1:PORT; https://api.aircall.io/v1/... maps to `${url}/v1/...`. */
  url: string;
  port: number;
  apiId: string;
  apiToken: string;
  nowMs(): Promise<number>;
  /** Moves simulated time forward; the call center's events up to then happen. */
  advance(ms: number): Promise<void>;
  setFaults(faults: Fault[]): Promise<void>;
  clearFaults(): Promise<void>;
  revokeKey(): Promise<void>;
  restoreKey(): Promise<void>;
  setRateLimit(perMinute: number): Promise<void>;
  /**
   * The simulation's own state; `{ calls: false }` skips the (large: a day of history) call list, and
   * `{ callsSinceMs }` keeps only the calls started since then.
   */
  truth(options?: { calls?: boolean; callsSinceMs?: number }): Promise<GroundTruth>;
  requests(): Promise<RequestLogEntry[]>;
  resetRequests(): Promise<void>;
  stop(): Promise<void>;
}

const SERVER_PATH = fileURLToPath(new URL('./server.ts', import.meta.url));

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const { url, port, control, stop } = await startChildServer({
    name: 'aircall-sim',
    serverPath: SERVER_PATH,
    optionsEnv: 'AIRCALL_SIM_OPTIONS',
    options,
    controlPrefix: '__sim',
  });
  const post = async (path: string, body: unknown) => {
    await control('POST', path, body);
  };

  return {
    url,
    port,
    apiId: options.apiId ?? 'sim-api-id',
    apiToken: options.apiToken ?? 'sim-api-token',
    nowMs: async () => (await control<{ nowMs: number }>('GET', 'clock')).nowMs,
    advance: (ms) => post('advance', { ms }),
    setFaults: (faults) => post('faults', { faults }),
    clearFaults: () => post('faults', { faults: [] }),
    revokeKey: () => post('key', { revoked: true }),
    restoreKey: () => post('key', { revoked: false }),
    setRateLimit: (perMinute) => post('rate-limit', { perMinute }),
    truth: (truthOptions) =>
      control(
        'GET',
        truthOptions?.calls === false
          ? 'truth?calls=false'
          : truthOptions?.callsSinceMs !== undefined
            ? `truth?since=${truthOptions.callsSinceMs}`
            : 'truth',
      ),
    requests: () => control('GET', 'requests'),
    resetRequests: async () => {
      await control('DELETE', 'requests');
    },
    stop,
  };
}
