/** Test helper: calls a running simulator over HTTP as the product would (Basic auth, JSON). */
import type { Simulator } from '../../../local/aircall-sim/index.js';

export function basicAuth(id: string, token: string): string {
  return `Basic ${Buffer.from(`${id}:${token}`).toString('base64')}`;
}

export function client(sim: Simulator) {
  const authorization = basicAuth(sim.apiId, sim.apiToken);
  return async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${sim.url}${path}`, {
      ...init,
      headers: { authorization, ...(init.headers as Record<string, string>) },
    });
    const text = await response.text();
    // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the simulator answers
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: response.status, headers: response.headers, body };
  };
}
