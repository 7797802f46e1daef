/**
 * Opens a built sidebar (dist/<Page>.html) in Chromium at the Apps Script sidebar width, with a
 * google.script.run shim whose calls go to a pluggable backend. Today the backend answers with
 * fixtures (fixture-backend.ts); it can be swapped for the real server functions run in the local
 * Apps Script runtime without touching the tests.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../local/preview/browser';

export type Backend = (fn: string, args: unknown[]) => Promise<unknown>;
export type SidebarName = 'Configure' | 'CallHistory' | 'AdvancedSearch' | 'LiveMode';

export const SIDEBAR_WIDTH = 300;
const ORIGIN = 'https://sidebar.test';
const SCREENSHOTS = 'test/screenshots';

/** Debian's chromium, headless, never a downloaded browser (shared with the local preview). */
export const launchBrowser = launchChromium;

export function builtPage(name: SidebarName): string {
  const file = join('dist', `${name}.html`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run "node build.mjs" first (npm test does)`);
  return readFileSync(file, 'utf8');
}

export interface Sidebar {
  page: Page;
  /** Server calls the page made, in order, with arguments as they crossed the bridge. */
  calls: { fn: string; args: unknown[] }[];
  /** Every request the page made (only the page itself is allowed). */
  requests: string[];
  /** alert/confirm/prompt texts: hostile data must never open one. */
  dialogs: string[];
  /** Rule breaks seen by the shim or the page: missing failure handler, Date over the bridge, uncaught errors. */
  problems: string[];
  pageUrl: string;
  /** Width of the page's content; must fit the sidebar. */
  scrollWidth(): Promise<number>;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Runs in the page before any of its scripts: google.script.run as Apps Script provides it. */
function installShim(): void {
  type Handler = (value: unknown) => void;
  const w = window as unknown as {
    google: unknown;
    __sidebarCall(fn: string, argsJson: string, withFailure: boolean, hasDate: boolean): Promise<string>;
  };
  const runner = (onSuccess?: Handler, onFailure?: Handler): unknown =>
    new Proxy(
      {},
      {
        get(_target, prop) {
          if (prop === 'withSuccessHandler') return (h: Handler) => runner(h, onFailure);
          if (prop === 'withFailureHandler') return (h: Handler) => runner(onSuccess, h);
          return (...args: unknown[]) => {
            let hasDate = false;
            const json = JSON.stringify(args, function (this: Record<string, unknown>, key, value) {
              if (this[key] instanceof Date) hasDate = true;
              return value;
            });
            void w.__sidebarCall(String(prop), json, !!onFailure, hasDate).then((answer) => {
              const result = JSON.parse(answer) as { ok: boolean; value?: unknown; message?: string };
              if (result.ok) onSuccess?.(result.value);
              else onFailure?.(new Error(result.message));
            });
          };
        },
      },
    );
  w.google = { script: { run: runner() } };
}

export async function openSidebar(
  browser: Browser,
  name: SidebarName,
  backend: Backend,
  options: { html?: string; height?: number; timezoneId?: string } = {},
): Promise<Sidebar> {
  const context = await browser.newContext({
    viewport: { width: SIDEBAR_WIDTH, height: options.height ?? 900 },
    timezoneId: options.timezoneId,
  });
  const page = await context.newPage();
  const pageUrl = `${ORIGIN}/${name}.html`;
  const html = options.html ?? builtPage(name);
  const sidebar: Sidebar = {
    page,
    calls: [],
    requests: [],
    dialogs: [],
    problems: [],
    pageUrl,
    scrollWidth: () => page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0),
    async screenshot(shot) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, `${shot}.png`), fullPage: true });
    },
    close: () => context.close(),
  };
  page.on('request', (request) => sidebar.requests.push(request.url()));
  page.on('dialog', (dialog) => {
    sidebar.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => sidebar.problems.push(`page error: ${error.message}`));
  // Nothing may come from the network: the page is served here and everything else is refused.
  await context.route('**/*', (route) =>
    route.request().url() === pageUrl
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.abort('blockedbyclient'),
  );
  await page.exposeFunction(
    '__sidebarCall',
    async (fn: string, argsJson: string, withFailure: boolean, hasDate: boolean) => {
      const args = JSON.parse(argsJson) as unknown[];
      sidebar.calls.push({ fn, args });
      if (!withFailure) sidebar.problems.push(`${fn} called without a failure handler`);
      if (hasDate) sidebar.problems.push(`${fn} was passed a Date`);
      try {
        return JSON.stringify({ ok: true, value: await backend(fn, args) });
      } catch (error) {
        return JSON.stringify({ ok: false, message: error instanceof Error ? error.message : String(error) });
      }
    },
  );
  await page.addInitScript(installShim);
  await page.goto(pageUrl);
  return sidebar;
}

/** A backend answer that waits until the test releases it (to see progress messages). */
export function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: Error): void } {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export { eventually } from '../../support/eventually';
