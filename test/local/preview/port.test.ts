import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseStartOptions } from '../../../local/preview/options';
import { choosePort } from '../../../local/preview/port';

/** Another npm start already holding a port. */
let taken: Server;
let takenPort: number;
beforeAll(async () => {
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  takenPort = (taken.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

describe('the page port of npm start', () => {
  it('is 8080 by default, and a --port given is marked as given', () => {
    expect(parseStartOptions([], {})).toMatchObject({ port: 8080, portGiven: false });
    expect(parseStartOptions(['--port', '9090'], {})).toMatchObject({ port: 9090, portGiven: true });
  });

  it('moves to a free port, and says so, when the default one is taken', async () => {
    const chosen = await choosePort(takenPort, false);
    expect(chosen.port).not.toBe(takenPort);
    expect(chosen.port).toBeGreaterThan(0);
    expect(chosen.note).toBe(`Port ${takenPort} is in use (another npm start?): using ${chosen.port} instead.`);
    // The port handed back is free: the page can listen on it.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(chosen.port, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('refuses a taken port asked for with --port, before anything boots', async () => {
    await expect(choosePort(takenPort, true)).rejects.toThrow(
      `Port ${takenPort} is already in use (another npm start?). Choose another with --port N, or --port 0 for any free one.`,
    );
  });

  it('keeps a free port as it is, and turns --port 0 into the port it got', async () => {
    const free = await choosePort(0, true);
    expect(free.port).toBeGreaterThan(0);
    expect(await choosePort(free.port, false)).toEqual({ port: free.port, note: null });
  });
});
