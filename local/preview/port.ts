/**
 * The page's port, settled before anything boots: the asked-for port when it is free; when the
 * default (8080) is taken — a second `npm start` — any free port, said out loud; when a port given
 * with --port is taken, a clear error instead of an EADDRINUSE after the whole boot.
 */
import { createServer } from 'node:net';

/** Listens on the port for a moment: the port it got (0 asks for any free one), or null when taken. */
function tryListen(port: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(null);
      else reject(error);
    });
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const got = typeof address === 'object' && address ? address.port : port;
      server.close(() => resolve(got));
    });
  });
}

export async function choosePort(port: number, explicit: boolean): Promise<{ port: number; note: string | null }> {
  const got = await tryListen(port);
  if (got !== null) return { port: got, note: null };
  if (explicit)
    throw new Error(
      `Port ${port} is already in use (another npm start?). Choose another with --port N, or --port 0 for any free one.`,
    );
  const free = await tryListen(0);
  if (free === null) throw new Error('No free port to serve the page on.');
  return { port: free, note: `Port ${port} is in use (another npm start?): using ${free} instead.` };
}
