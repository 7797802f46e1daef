/** Issue 8's budgets, checked against what the bench measured. Only presets that ran are checked. */
import type { AggregationResult } from './aggregation';
import { dailyFigures, QUOTAS } from './daily';
import type { PresetResult } from './preset';

export interface TargetCheck {
  target: string;
  /** Why this limit: the Apps Script quota it comes from. */
  why: string;
  measured: string;
  pass: boolean;
}

/** Daily trigger runtime ÷ 1,440 runs of an every-minute refresh (developers.google.com/apps-script/guides/services/quotas). */
const CONSUMER_REFRESH_BUDGET_MS = (90 * 60_000) / 1_440;
const WORKSPACE_REFRESH_BUDGET_MS = (6 * 3_600_000) / 1_440;
const MAX_SPREADSHEET_CALLS = 20;
const MAX_STEADY_REQUESTS_AT_LARGE = 25;
const MAX_AGGREGATION_CPU_MS = 50;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
/** A modeled figure as its optimistic–pessimistic range. */
export const secondsRange = (optimisticMs: number, pessimisticMs: number) =>
  `${(optimisticMs / 1000).toFixed(2)}–${(pessimisticMs / 1000).toFixed(2)} s`;
const count = (n: number) => n.toLocaleString('en-US');

function modeledTimeTarget(results: PresetResult[], preset: string, budgetMs: number, why: string): TargetCheck[] {
  const result = results.find((r) => r.preset === preset);
  if (!result) return [];
  const { modeledMs, optimisticMs } = result.steadyRefresh;
  return [
    {
      target: `Steady-state refresh at ${preset} ≤ ${seconds(budgetMs)} modeled (pessimistic)`,
      why,
      measured: secondsRange(optimisticMs, modeledMs),
      pass: modeledMs <= budgetMs,
    },
  ];
}

export function checkTargets(results: PresetResult[], aggregation: AggregationResult): TargetCheck[] {
  const large = results.find((r) => r.preset === 'large');
  return [
    ...modeledTimeTarget(
      results,
      'medium',
      CONSUMER_REFRESH_BUDGET_MS,
      'consumer account: 90 min/day of trigger runtime over 1,440 runs',
    ),
    ...modeledTimeTarget(
      results,
      'large',
      WORKSPACE_REFRESH_BUDGET_MS,
      'Workspace account: 6 h/day of trigger runtime over 1,440 runs',
    ),
    ...results.map((r) => {
      const worst = Math.max(r.coldRefresh.spreadsheetCalls, r.steadyRefresh.spreadsheetCalls);
      return {
        target: `Spreadsheet calls ≤ ${MAX_SPREADSHEET_CALLS} per refresh at ${r.preset}`,
        why: 'a constant number of batch calls, whatever the size of the board',
        measured: `cold ${r.coldRefresh.spreadsheetCalls}, steady ${r.steadyRefresh.spreadsheetCalls}`,
        pass: worst <= MAX_SPREADSHEET_CALLS,
      };
    }),
    ...(large
      ? [
          {
            target: `Aircall requests ≤ ${MAX_STEADY_REQUESTS_AT_LARGE} per steady-state refresh at large`,
            why: "an every-minute refresh's share of Aircall's company-wide rate limit",
            measured: String(large.steadyRefresh.aircallRequests),
            pass: large.steadyRefresh.aircallRequests <= MAX_STEADY_REQUESTS_AT_LARGE,
          },
        ]
      : []),
    ...results.flatMap((r) => {
      const { urlFetchCalls } = dailyFigures(r);
      return (['consumer', 'workspace'] as const).map((account) => ({
        target: `UrlFetch calls per day ≤ ${count(QUOTAS[account].urlFetchCalls)} at ${r.preset}, refresh every minute`,
        why: `${account === 'consumer' ? 'consumer' : 'Workspace'} account's daily URL Fetch quota`,
        measured: count(urlFetchCalls),
        pass: urlFetchCalls <= QUOTAS[account].urlFetchCalls,
      }));
    }),
    ...results.map((r) => ({
      target: `Map Users to Numbers completes without a 429 at ${r.preset}`,
      why: 'the mapping paces itself under the rate limit and resumes across executions',
      measured: `${r.mapping.done ? 'done' : 'not done'} in ${r.mapping.executions} execution${r.mapping.executions === 1 ? '' : 's'}, ${r.mapping.rateLimited} × 429`,
      pass: r.mapping.done && r.mapping.rateLimited === 0,
    })),
    {
      target: `Aggregating ${aggregation.calls.toLocaleString('en-US')} calls ≤ ${MAX_AGGREGATION_CPU_MS} ms CPU`,
      why: 'buildBoard + renderBoard at the 10,000-call cap, on this machine',
      measured: `${aggregation.cpuMs.toFixed(1)} ms`,
      pass: aggregation.cpuMs <= MAX_AGGREGATION_CPU_MS,
    },
  ];
}
