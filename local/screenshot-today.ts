/**
 * `npx tsx local/screenshot-today.ts`: the Today tab in the local preview after a simulated working
 * day (a refresh every five simulated minutes for eight hours, on the simulator's manual clock),
 * with its charts and sparklines drawn, saved to docs/today.png.
 */
import { mkdirSync } from 'node:fs';
import { launchChromium } from './preview/browser.js';
import { parseStartOptions } from './preview/options.js';
import { servePreview } from './preview/server.js';
import { bootWallboard } from './preview/wallboard.js';

const FILE = 'docs/today.png';
const VIEWPORT = { width: 1400, height: 1400 };
const STEP_MS = 5 * 60_000;
const REFRESHES = 8 * 12;

async function main(): Promise<void> {
  const options = parseStartOptions(['--preset', 'small', '--once', '--dump', FILE]);
  const wallboard = await bootWallboard(options, () => {});
  const { runtime, sim } = wallboard;
  try {
    console.log(`${REFRESHES} refreshes, five simulated minutes apart…`);
    for (let i = 0; i < REFRESHES; i++) {
      await sim!.advance(STEP_MS);
      runtime.run('refreshFromMenu');
    }
    const preview = await servePreview(runtime, 0);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: VIEWPORT });
      await page.goto(preview.url);
      await page.locator('button.tab', { hasText: 'Today' }).click();
      await page.locator('svg.chart').nth(3).waitFor();
      mkdirSync('docs', { recursive: true });
      await page.screenshot({ path: FILE });
      console.log(`Saved ${FILE}`);
    } finally {
      await browser.close();
      await preview.close();
    }
  } finally {
    await wallboard.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`Could not take the screenshot: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
