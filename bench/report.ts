/** The bench's figures as a console table and as bench/results.md. */
import { type LatencyProfile, OPTIMISTIC_LATENCY, PESSIMISTIC_LATENCY } from '../local/runtime/index';
import type { BenchResult } from './bench';
import { dailyFigures, LIVE_MODE_HOURS, QUOTAS, RUNS_PER_DAY } from './daily';
import type { RunMetrics } from './measure';
import { LIVE_MODE_SEC } from './preset';
import { secondsRange } from './targets';

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
  };
}

export function operationRows(result: BenchResult): Row[] {
  return result.presets.flatMap((p) => {
    const label = `${p.preset} (${p.users} agents)`;
    return [
      row(label, 'Refresh, cold', p.coldRefresh),
      row(label, 'Refresh, steady state (median)', p.steadyRefresh),
      row(label, `Refresh, Live mode every ${LIVE_MODE_SEC} s (median)`, p.liveRefresh),
      row(label, `Map Users to Numbers${p.mapping.done ? '' : ' (NOT DONE)'}`, p.mapping),
      row(
        label,
        p.advancedSearch ? `Advanced Search, 24 h (${p.advancedSearch.calls} calls)` : 'Advanced Search, 24 h',
        p.advancedSearch,
      ),
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

export function notes(result: BenchResult): string[] {
  const missingSearch = result.presets.some((p) => !p.advancedSearch);
  const errors = result.presets.flatMap((p) =>
    [p.coldRefresh, p.steadyRefresh, p.liveRefresh, p.mapping, p.advancedSearch].flatMap((m) =>
      (m?.errors ?? []).map((e) => `${p.preset}: ${e}`),
    ),
  );
  const large = result.presets.find((p) => p.preset === 'large');
  return [
    `Aircall rate limit simulated: ${result.rateLimit} requests/min for the company (Aircall's current docs and the simulator's default say 120; older third-party sources say 60). As Aircall documents, the X-AircallApi-* headers come only on 429 answers: the add-on learns the limit from the first one and keeps it (docs/aircall-notes.md).`,
    'Simulated traffic (local/aircall-sim/activity.ts; `npm run traffic` prints the figures): inbound arrivals per line sized to its agents for a target occupancy (60 % small, 85 % medium, 80 % large), callers queued per line first come first served with no cap on the wait, giving up after a patience drawn per caller (5–10 % abandon), 5 % of answered calls transferred to a colleague, outbound calls by free agents with no one waiting, agents logging in and out and taking breaks, and a day of history at every preset.',
    ...(large
      ? [
          "Aircall requests at large: every refresh needs ⌈1,000 agents / 50⌉ = 20 availability pages, plus the calls started since the last refresh (30 s margin) or since the oldest call still ringing, 50 a page. The large preset starts about 4 calls a second, so a steady refresh takes about 30 requests (20 of them availability pages): it fits Aircall's current 120/min with room for other integrations, and the team filter does not reduce the availability pages.",
        ]
      : []),
    `Spreadsheet calls: a steady refresh makes no call per agent, team or line: about 20 batch calls (the board's values and changed formats, History's row and Today's table), plus two per outline colour of agents who could pick up a waiting call (4 colours at most) and two to clear outlines gone. A board with fewer lines waiting (small) makes fewer, so the calls are bounded rather than equal across sizes. The first refresh also creates the History, Today and Daily tabs and their charts, once (about 90 calls): the cold figure.`,
    `Live mode: a sidebar left open refreshes every ${LIVE_MODE_SEC} s, and the every-minute trigger shares its refreshes meanwhile; "with Live mode" counts ${LIVE_MODE_HOURS} h of those and the other ${24 - LIVE_MODE_HOURS} h of trigger refreshes.`,
    'Each refresh lists the calls and the availabilities in one `fetchAll`: the page counts are guessed from the directory (availabilities) and the pace of recent calls; pages announced beyond the guess go in a second one.',
    ...(missingSearch ? ['Advanced Search: n/a — dist/Code.js has no `advancedSearch` entry point yet.'] : []),
    ...errors.map((e) => `Failed execution — ${e}`),
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
      'Aircall requests / day',
      'UrlFetch calls / day',
      `UrlFetch calls / day with Live mode ${LIVE_MODE_HOURS} h`,
      `of consumer quota (${consumer.urlFetchCalls.toLocaleString('en-US')})`,
      `of Workspace quota (${workspace.urlFetchCalls.toLocaleString('en-US')})`,
      'Trigger runtime / day, min (optimistic–pessimistic)',
      `of consumer (${minutes(consumer.triggerRuntimeMs)} min)`,
      `of Workspace (${minutes(workspace.triggerRuntimeMs)} min)`,
    ],
    result.presets.map((p) => {
      const day = dailyFigures(p);
      const [optimistic, pessimistic] = day.triggerRuntimeMs;
      return [
        p.preset,
        day.aircallRequests.toLocaleString('en-US'),
        day.urlFetchCalls.toLocaleString('en-US'),
        day.urlFetchCallsWithLiveMode.toLocaleString('en-US'),
        pct(day.urlFetchCalls, consumer.urlFetchCalls),
        pct(day.urlFetchCalls, workspace.urlFetchCalls),
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
  ['Target', 'Why', 'Measured', 'Result'],
  result.targets.map((t) => [t.target, t.why, t.measured, t.pass ? 'PASS' : 'FAIL']),
)}

## Per operation

${markdownTable(
  COLUMNS,
  rows.map((r) => COLUMNS.map((c) => r[c])),
)}

## A day of every-minute refreshes

The steady-state refresh × ${RUNS_PER_DAY.toLocaleString('en-US')} runs of the every-minute trigger, against the daily quotas of each account kind (developers.google.com/apps-script/guides/services/quotas). A Live mode sidebar left open adds its own refreshes and fetches on top.

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
- **Steady state**: a refresh one simulated minute after the previous, caches warm; the median of several by modeled time. **Cold**: the first refresh after Setup and Configure, caches empty. **Map Users to Numbers**: the menu entry, then each continuation trigger as it comes due, until done.
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
