/** The bench's figures as a console table and as bench/results.md. */
import { type LatencyProfile, OPTIMISTIC_LATENCY, PESSIMISTIC_LATENCY } from '../local/runtime/index';
import { LINE_COLORS } from '../src/tracker/palette';
import type { BenchResult } from './bench';
import { dailyFigures, LIVE_MODE_HOURS, mean, QUOTAS, RUNS_PER_DAY } from './daily';
import type { RunMetrics } from './measure';
import { LIVE_MODE_SEC, type PresetResult, type RefreshSummary } from './preset';
import { ACCOUNT_KIND, outlineCalls, secondsRange } from './targets';

const COLUMNS = [
  'Preset',
  'Operation',
  'Executions',
  'Aircall requests',
  'UrlFetch calls',
  'Spreadsheet calls',
  'Cache calls',
  'Properties calls',
  'Cells written',
  'CPU ms',
  'Peak heap MB',
  'Modeled s (optimistic–pessimistic)',
  'of which waits s',
  'Oldest agent status s',
] as const;

type Row = Record<(typeof COLUMNS)[number], string>;

function row(preset: string, operation: string, m: RunMetrics | null): Row {
  const n = (value: number | undefined) => (m ? (value ?? 0).toLocaleString('en-US') : 'n/a');
  return {
    Preset: preset,
    Operation: operation,
    Executions: n(m?.executions),
    'Aircall requests': n(m?.aircallRequests),
    'UrlFetch calls': n(m?.urlFetchCalls),
    'Spreadsheet calls': n(m?.spreadsheetCalls),
    'Cache calls': n(m?.cacheCalls),
    'Properties calls': n(m?.propertiesCalls),
    'Cells written': n(m?.cellsWritten),
    'CPU ms': m ? m.cpuMs.toFixed(0) : 'n/a',
    'Peak heap MB': m ? m.peakHeapMb.toFixed(1) : 'n/a',
    'Modeled s (optimistic–pessimistic)': m ? secondsRange(m.optimisticMs, m.modeledMs).replace(' s', '') : 'n/a',
    'of which waits s': m ? (m.waitedMs / 1000).toFixed(2) : 'n/a',
    // Refreshes only; null when it shared a recent refresh and read no status.
    'Oldest agent status s':
      m?.oldestStatusAgeSec === undefined ? '' : m.oldestStatusAgeSec === null ? '–' : m.oldestStatusAgeSec.toFixed(0),
  };
}

export function operationRows(result: BenchResult): Row[] {
  return result.presets.flatMap((p) => {
    const label = `${p.preset} (${p.users} agents)`;
    const search = p.advancedSearch;
    const searchState = search.complete ? '' : search.errors.length > 0 ? ', FAILED' : ', NOT DONE';
    return [
      row(label, 'Refresh, cold', p.coldRefresh),
      row(label, `Refresh, steady state (median of ${p.steadyRuns.length}, a minute apart)`, p.steadyRefresh),
      ...(p.fullWriteRefresh
        ? [row(label, 'Refresh, steady state, the whole board rewritten (every 30th)', p.fullWriteRefresh)]
        : []),
      row(
        label,
        `Refresh, Live mode every ${LIVE_MODE_SEC} s (median of ${p.liveWindow.ticks.length} ticks)`,
        p.liveRefresh,
      ),
      row(label, `Map Users to Numbers${p.mapping.done ? '' : ' (NOT DONE)'}`, p.mapping),
      row(label, `Advanced Search, 24 h (${count(search.calls)} calls, ${search.chunks} chunks${searchState})`, search),
    ];
  });
}

function markdownTable(headers: readonly string[], rows: string[][]): string {
  const escapePipes = (cell: string) => cell.replaceAll('|', '\\|');
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((cells) => `| ${cells.map(escapePipes).join(' | ')} |`),
  ].join('\n');
}

const count = (n: number) => n.toLocaleString('en-US');
const maxAge = (runs: readonly RefreshSummary[]) => {
  const ages = runs.flatMap((r) => (r.oldestStatusAgeSec === null ? [] : [r.oldestStatusAgeSec]));
  return ages.length === 0 ? '–' : `${Math.max(...ages).toFixed(0)} s`;
};

function requestsNote(p: PresetResult): string {
  const requests = p.steadyRuns.map((r) => r.aircallRequests);
  const ticks = p.liveWindow.ticks.map((r) => r.aircallRequests);
  return `Aircall requests at ${p.preset} (${count(p.users)} agents, availability pages of 50: ${Math.ceil(p.users / 50)}): ${Math.min(...requests)}–${Math.max(...requests)} per steady refresh (mean ${mean(p.steadyRuns, (r) => r.aircallRequests).toFixed(1)}), ${Math.min(...ticks)}–${Math.max(...ticks)} per Live mode tick. Oldest agent status the board showed at a refresh: ${maxAge(p.steadyRuns)} (steady), ${maxAge(p.liveWindow.ticks)} (Live mode): the time since Aircall last served the availability page listing that agent (bench/status-age.ts).`;
}

/** The Spreadsheet calls whose count differs between the presets in one kind of run, with each preset's count. */
function differingCalls(result: BenchResult, run: (p: PresetResult) => RunMetrics | null): string {
  const runs = result.presets.map((p) => ({ preset: p.preset, metrics: run(p) }));
  const methods = new Set(
    runs.flatMap(({ metrics }) => Object.keys(metrics?.byMethod ?? {}).filter((m) => m.startsWith('SpreadsheetApp'))),
  );
  const differing = [...methods].sort().flatMap((method) => {
    const counts = runs.map(({ preset, metrics }) => ({ preset, calls: metrics?.byMethod[method] ?? 0 }));
    if (new Set(counts.map((c) => c.calls)).size === 1) return [];
    return [`${method.replace('SpreadsheetApp.', '')} (${counts.map((c) => `${c.preset} ${c.calls}`).join(', ')})`];
  });
  return differing.length > 0 ? differing.join('; ') : 'none';
}

function spreadsheetNote(result: BenchResult): string {
  const perPreset = result.presets
    .map((p) => `${p.preset} ${p.steadyRefresh.spreadsheetCalls} (${outlineCalls(p.steadyRefresh)} of them outlines)`)
    .join(', ');
  return `Spreadsheet calls: a refresh writes the board, History's row and Today's table in batch calls, none per agent, team or line. Median steady refresh: ${perPreset}. The calls whose count differs between sizes — steady: ${differingCalls(result, (p) => p.steadyRefresh)}; cold: ${differingCalls(result, (p) => p.coldRefresh)} — follow what changed on the board, not its size: an attribute (backgrounds, font weights, notes…) is written only when a row of it changed, through a second, shorter range when that saves more cells than a call costs; outlines (a RangeList, 2 calls, per waiting line's colour, ${LINE_COLORS.length} at most, and one to clear those gone) only while an agent could take a waiting caller; and the first refresh cuts or grows a new tab to the board's size. A full write (the first refresh, every 30th, or after the cache lost the last write) sets every attribute of the whole board; the first one also creates the History, Today and Daily tabs and their 4 charts.`;
}

function liveModeNote(p: PresetResult): string {
  const { liveWindow } = p;
  const ticks = liveWindow.ticks;
  const triggers = liveWindow.triggerRuns;
  const shared = triggers.filter((r) => r.urlFetchCalls === 0).length;
  const windowFetches = [...ticks, ...triggers].reduce((total, r) => total + r.urlFetchCalls, 0);
  const perHour = (windowFetches * 60) / liveWindow.minutes;
  const windowRequests = [...ticks, ...triggers].reduce((total, r) => total + r.aircallRequests, 0);
  const steadyMean = mean(p.steadyRuns, (r) => r.urlFetchCalls);
  const day = dailyFigures(p);
  return `Live mode day at ${p.preset}: in ${liveWindow.minutes} min with the sidebar open, ${ticks.length} ticks made ${ticks.reduce((t, r) => t + r.urlFetchCalls, 0)} UrlFetch calls and ${triggers.length} trigger runs (${liveWindow.triggerAfterTickSec} s after a tick) ${triggers.reduce((t, r) => t + r.urlFetchCalls, 0)}, ${shared} of them sharing the tick's refresh (a trigger 15 s or more after a tick refreshes instead, and the next tick shares it): ${count(Math.round(perHour))} an hour, ${(windowRequests / liveWindow.minutes).toFixed(1)} Aircall requests a minute of the company's ${p.rateLimit}. The day: ${24 - LIVE_MODE_HOURS} h × 60 trigger refreshes × ${steadyMean.toFixed(2)} (mean of ${p.steadyRuns.length}) + ${LIVE_MODE_HOURS} h × ${count(Math.round(perHour))} = ${count(day.urlFetchCallsWithLiveMode)}.`;
}

function searchNote(p: PresetResult): string {
  const s = p.advancedSearch;
  const state = s.complete
    ? 'complete'
    : s.errors.length > 0
      ? `FAILED after ${s.chunks} chunks: ${s.errors[0]}`
      : `not done after ${s.chunks} chunks`;
  const quota = QUOTAS[ACCOUNT_KIND[p.preset]].urlFetchCalls;
  return `Advanced Search over 24 h at ${p.preset}: ${state}; ${count(s.calls)} calls in ${count(s.aircallRequests)} Aircall requests (${pct(s.urlFetchCalls, quota)} of a ${ACCOUNT_KIND[p.preset] === 'consumer' ? 'consumer' : 'Workspace'} account's daily URL fetches), ${s.chunks} chunks, one google.script.run call each, the longest ${(s.longestExecutionMs / 1000).toFixed(0)} s of the 6-minute limit; ${(s.waitedMs / 60_000).toFixed(1)} min waiting between chunks for Aircall's rate limit: the supervisor waits about ${(s.modeledMs / 60_000).toFixed(0)} min with the sidebar open.`;
}

export function notes(result: BenchResult): string[] {
  const errors = result.presets.flatMap((p) =>
    [p.coldRefresh, p.steadyRefresh, p.fullWriteRefresh, p.liveRefresh, p.mapping, p.advancedSearch].flatMap((m) =>
      (m?.errors ?? []).map((e) => `${p.preset}: ${e}`),
    ),
  );
  const steadyErrors = result.presets.flatMap((p) =>
    [...p.steadyRuns, ...p.liveWindow.ticks, ...p.liveWindow.triggerRuns].some((r) => r.errors > 0)
      ? [`${p.preset}: some steady or Live mode refreshes failed (results.json has the runs)`]
      : [],
  );
  return [
    `Aircall rate limit simulated: ${result.rateLimit} requests/min for the company (Aircall's current docs and the simulator's default say 120; older third-party sources say 60). As Aircall documents, the X-AircallApi-* headers come only on 429 answers: the add-on learns the limit from the first one and keeps it (docs/aircall-notes.md).`,
    'Simulated traffic (local/aircall-sim/activity.ts; `npm run traffic` prints the figures): inbound arrivals per line sized to its agents for a target occupancy (60 % small, 85 % medium, 80 % large), callers queued per line first come first served with no cap on the wait, giving up after a patience drawn per caller (5–10 % abandon), 5 % of answered calls transferred to a colleague, outbound calls by free agents with no one waiting, agents logging in and out and taking breaks, and a day of history at every preset.',
    `Account kinds: small and medium are checked against a consumer account's quotas, large against Google Workspace's (a 1,000-agent company), as issue 15 prices them; the daily table shows both for every size.`,
    ...result.presets.map(requestsNote),
    spreadsheetNote(result),
    ...result.presets.map(liveModeNote),
    'Each refresh lists the calls and the availabilities in one `fetchAll`: the page counts are guessed from the directory (availabilities) and the pace of recent calls; pages announced beyond the guess go in a second one.',
    ...result.presets.map(searchNote),
    ...errors.map((e) => `Failed execution — ${e}`),
    ...steadyErrors,
  ];
}

/** The constants themselves, so the page never drifts from the profiles the figures used. */
function latencyProfileText(profile: LatencyProfile): string {
  const { urlFetchMs, fetchAllExtraShare, perCellWriteMs, perCallMs, defaultMs } = profile;
  return [
    `${urlFetchMs} ms per UrlFetch round trip, each further request of a \`fetchAll\` +${fetchAllExtraShare * 100}% of one`,
    `${perCellWriteMs * 1000} µs per cell of a 2-D setter, charged when flushed`,
    ...Object.entries(perCallMs).map(([call, ms]) => `${ms} ms per \`${call}\``),
    `${defaultMs} ms for any other call`,
  ].join('; ');
}

const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)} %`;
const minutes = (ms: number) => (ms / 60_000).toFixed(0);

/** A day of every-minute refreshes against both accounts' quotas. */
function dailyTable(result: BenchResult): string {
  const { consumer, workspace } = QUOTAS;
  return markdownTable(
    [
      'Preset',
      'Checked as',
      'Aircall requests / day',
      'UrlFetch calls / day',
      `UrlFetch calls / day with Live mode ${LIVE_MODE_HOURS} h`,
      `of consumer quota (${count(consumer.urlFetchCalls)})`,
      `of Workspace quota (${count(workspace.urlFetchCalls)})`,
      'Trigger runtime / day, min (optimistic–pessimistic)',
      `of consumer (${minutes(consumer.triggerRuntimeMs)} min)`,
      `of Workspace (${minutes(workspace.triggerRuntimeMs)} min)`,
    ],
    result.presets.map((p) => {
      const day = dailyFigures(p);
      const [optimistic, pessimistic] = day.triggerRuntimeMs;
      const both = (quota: number) => `${pct(day.urlFetchCalls, quota)} (${pct(day.urlFetchCallsWithLiveMode, quota)})`;
      return [
        p.preset,
        ACCOUNT_KIND[p.preset] === 'consumer' ? 'consumer' : 'Workspace',
        count(day.aircallRequests),
        count(day.urlFetchCalls),
        count(day.urlFetchCallsWithLiveMode),
        both(consumer.urlFetchCalls),
        both(workspace.urlFetchCalls),
        `${minutes(optimistic)}–${minutes(pessimistic)}`,
        `${pct(optimistic, consumer.triggerRuntimeMs)}–${pct(pessimistic, consumer.triggerRuntimeMs)}`,
        `${pct(optimistic, workspace.triggerRuntimeMs)}–${pct(pessimistic, workspace.triggerRuntimeMs)}`,
      ];
    }),
  );
}

export function toMarkdown(result: BenchResult): string {
  const { machine } = result;
  const rows = operationRows(result);
  return `# Benchmark: the cost of a refresh against Apps Script's budgets

Generated by \`npm run bench\` on ${result.date.slice(0, 10)} — ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB RAM, ${machine.os}, Node ${machine.node}. Simulator seed ${result.seed}.

## Targets

${markdownTable(
  ['Target', 'From', 'Why', 'Measured', 'Result'],
  result.targets.map((t) => [t.target, t.source, t.why, t.measured, t.pass ? 'PASS' : 'FAIL']),
)}

## Per operation

${markdownTable(
  COLUMNS,
  rows.map((r) => COLUMNS.map((c) => r[c])),
)}

## A day of every-minute refreshes

The mean steady refresh × ${RUNS_PER_DAY.toLocaleString('en-US')} runs of the every-minute trigger, against the daily quotas of both account kinds (developers.google.com/apps-script/guides/services/quotas); in brackets, the day with one Live mode sidebar open ${LIVE_MODE_HOURS} h. "Checked as" is the account kind the targets use for that size; the other is information.

${dailyTable(result)}

Aggregation alone (buildBoard + renderBoard, ${result.aggregation.calls.toLocaleString('en-US')} calls, ${result.aggregation.agents.toLocaleString('en-US')} agents): ${result.aggregation.cpuMs.toFixed(1)} ms CPU, median of ${result.aggregation.runs} runs.

${notes(result)
  .map((n) => `- ${n}`)
  .join('\n')}

## How each figure is measured

- **Modeled s**: the built add-on runs in the local Apps Script runtime, whose clock is charged the pessimistic profile's latency for every service call (so the 6-minute limit, the product's deadlines and the simulated Aircall see it); the optimistic figure prices the same calls with the other profile (local/runtime/latency.ts, each constant with its source). Optimistic: ${latencyProfileText(OPTIMISTIC_LATENCY)}. Pessimistic: ${latencyProfileText(PESSIMISTIC_LATENCY)}. A request that hangs costs Apps Script's 60 s timeout. Sleeps (rate-limit waits, retry backoff, lock waits) are added as they are: the "of which waits" column. JavaScript time is not included. Budgets are checked against the pessimistic figure.
- **Aircall requests**: HTTP requests the simulated Aircall received. **UrlFetch calls**: requests sent through \`UrlFetchApp\`, each request inside a \`fetchAll\` counted, as the daily URL Fetch quota counts them. **Spreadsheet / Cache / Properties calls**: every method call on those services, handles included (\`getActiveSpreadsheet\`, \`getRange\`…).
- **Cells written**: the sum over every 2-D setter call (\`setValues\`, \`setBackgrounds\`, \`setNotes\`…) of the cells in its matrix.
- **CPU ms**: user + system CPU of the bench process during the operation (the script, the runtime's fakes, its HTTP worker thread; the simulator runs in its own process and is excluded).
- **Peak heap MB**: V8 heap in use, high-water mark sampled at every service call after a full GC before the operation; it includes the runtime's own objects.
- **Steady state**: the every-minute trigger's refreshes, on the minute, caches warm: the row shows the median by modeled time, the targets and the day the mean (which includes the whole-board rewrite every 30th refresh) or the worst. **Cold**: the first refresh after Setup and Configure, caches empty. **Live mode**: a sidebar opened half a minute after a trigger run, ticking every ${LIVE_MODE_SEC} s for a few minutes while the trigger keeps firing. **Map Users to Numbers**: the menu entry, then each continuation trigger as it comes due, until done. **Advanced Search**: as the sidebar runs it, chunk after chunk with the cursor, waiting as told for the rate limit.
- **Oldest agent status s**: at a refresh's last availability read, the age of the oldest status it could show: the time since the simulated Aircall last served the page listing that agent (– when the refresh shared a recent one and read nothing).
- The bench runs a private copy of dist/ taken when it starts, so a build made meanwhile does not change or break what is measured.
`;
}

export function printConsole(result: BenchResult): void {
  const rows = operationRows(result);
  console.log(
    markdownTable(
      COLUMNS,
      rows.map((r) => COLUMNS.map((c) => r[c])),
    ),
  );
  console.log(
    `\nAggregation: ${result.aggregation.cpuMs.toFixed(1)} ms CPU for ${result.aggregation.calls.toLocaleString('en-US')} calls`,
  );
  for (const note of notes(result)) console.log(`Note: ${note}`);
  for (const t of result.targets) console.log(`${t.pass ? 'PASS' : 'FAIL'}  ${t.target}: ${t.measured}`);
}
