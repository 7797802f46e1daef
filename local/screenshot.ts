/**
 * `npm run screenshot`: starts the wallboard like `npm start` (medium preset, time 10× faster),
 * waits until auto-refresh has redrawn the board, and saves the page to docs/screenshot.png.
 */
import { mkdirSync } from 'node:fs';
import { launchChromium, startPreviewProcess } from './preview/browser.js';

const FILE = 'docs/screenshot.png';
// Tall enough for the queue, the Lines table and the first agents of every team.
const VIEWPORT = { width: 1600, height: 1500 };

async function main(): Promise<void> {
  console.log('Starting the wallboard (medium preset)…');
  const preview = await startPreviewProcess(['--preset', 'medium', '--port', '0', '--speed', '10']);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(preview.url);
    // Agent cells carry a note; a second version means a trigger refresh came in after the page loaded.
    await page.locator('td.has-note').first().waitFor();
    const first = await page.locator('body').getAttribute('data-version');
    await page.waitForFunction((v) => document.body.dataset.version !== v, first, { timeout: 30_000 });
    await page.locator('td.has-note').first().waitFor();
    mkdirSync('docs', { recursive: true });
    await page.screenshot({ path: FILE });
    console.log(`Saved ${FILE}`);
  } finally {
    await browser.close();
    await preview.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`Could not take the screenshot: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
