/**
 * `npm start`: the wallboard running locally on a simulated call center, in a browser page.
 * `npm start -- --once --dump FILE`: the same without the page, every tab written to FILE.
 * See local/preview/options.ts for the flags.
 */
import { writeFileSync } from 'node:fs';
import { AlertsReport, dumpAlerts } from './preview/alerts.js';
import { dumpWorkbook } from './preview/dump.js';
import { refreshEveryMinute } from './preview/more-refreshes.js';
import { parseStartOptions, type StartOptions, USAGE, UsageError } from './preview/options.js';
import { choosePort } from './preview/port.js';
import { servePreview } from './preview/server.js';
import { bootWallboard, type LocalWallboard } from './preview/wallboard.js';

const say = (line: string) => console.log(line);
/** How often due triggers are checked, in real time. */
const TRIGGER_CHECK_MS = 1_000;

async function once(wallboard: LocalWallboard, file: string, refreshes: number): Promise<number> {
  await refreshEveryMinute(wallboard, refreshes - 1, say);
  const alerts = await dumpAlerts(wallboard.runtime, wallboard.chat);
  const dump = { ...dumpWorkbook(wallboard.runtime), alerts };
  writeFileSync(file, `${JSON.stringify(dump, null, 1)}\n`);
  say(
    `Wrote ${dump.sheets.length} tabs, ${alerts.mail.length} emails and ${alerts.chat.length} Chat messages to ${file}`,
  );
  if (wallboard.problems.length === 0) return 0;
  console.error(`Finished with ${wallboard.problems.length} problem(s):`);
  for (const problem of wallboard.problems) console.error(`- ${problem}`);
  return 1;
}

async function live(wallboard: LocalWallboard, options: StartOptions): Promise<void> {
  const preview = await servePreview(wallboard.runtime, options.port, () =>
    dumpAlerts(wallboard.runtime, wallboard.chat),
  );
  const alerts = new AlertsReport(wallboard.runtime, wallboard.chat, say);
  const timer = setInterval(() => {
    wallboard.runtime.fireDueTriggers();
    wallboard.report.flush();
    void alerts.flush();
  }, TRIGGER_CHECK_MS);
  say(`Wallboard on ${preview.url}`);
  say(`TV mode on ${preview.url}tv (add ?teams=ID,ID&lines=ID&mask=1 to choose what a screen shows)`);
  say(
    `The every-minute auto-refresh runs on simulated time${options.speed === 1 ? '' : ` (${options.speed}× faster)`}. Ctrl+C stops.`,
  );
  const stop = async () => {
    clearInterval(timer);
    await preview.close();
    await wallboard.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main(): Promise<number> {
  let options: StartOptions;
  try {
    options = parseStartOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (!options.once) {
    // Settled before booting: a taken port fails (or moves) now, not after the whole boot.
    const chosen = await choosePort(options.port, options.portGiven);
    if (chosen.note) say(chosen.note);
    options = { ...options, port: chosen.port };
  }
  const wallboard = await bootWallboard(options, say);
  if (options.once) {
    try {
      return await once(wallboard, options.dump ?? '', options.refreshes);
    } finally {
      await wallboard.stop();
    }
  }
  await live(wallboard, options);
  return 0;
}

main().then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(`Could not start the wallboard: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
