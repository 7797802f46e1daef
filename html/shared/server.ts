/**
 * The one way pages talk to the server: google.script.run wrapped in a typed promise, always with
 * both a success and a failure handler, so a server error becomes a message and never an endless wait.
 */
import type { SidebarServer } from '../../src/sidebar-contract';

type ServerName = keyof SidebarServer;

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error | string) => void): ScriptRun;
  [fn: string]: unknown;
}
declare const google: { script: { run: ScriptRun } };

export function callServer<K extends ServerName>(
  fn: K,
  ...args: Parameters<SidebarServer[K]>
): Promise<ReturnType<SidebarServer[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<SidebarServer[K]>))
      .withFailureHandler((error) => reject(new Error(failureMessage(error))));
    (runner[fn] as (...a: unknown[]) => void)(...args);
  });
}

/** Apps Script passes an Error (or sometimes a string); either way the person sees its text. */
export function failureMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error ?? '');
  return text.trim() || 'The server did not answer. Please try again.';
}
