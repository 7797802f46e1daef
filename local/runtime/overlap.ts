/**
 * Overlapping and killed executions, for reliability tests.
 *
 * Apps Script runs a trigger, a sidebar's google.script.run call and a menu click of another user
 * at the same time, and kills any of them at its time limit, between two service calls, keeping
 * whatever it already wrote (developers.google.com/apps-script/guides/services/quotas, "Script
 * runtime"). Here executions are synchronous, so a test chooses the service call of a running
 * execution where something else happens:
 *
 *   runtime.run('refreshFromTrigger', [{}], {
 *     kind: 'trigger',
 *     at: { call: 12 },                                   // or (call) => call.method === 'setValues'
 *     interleave: () => runtime.callFromClient('saveSettings', [form], 'lead@example.com'),
 *   });
 *   runtime.run('refreshFromMenu', [], { killAt: (call) => call.service === 'UrlFetchApp' });
 *
 * - `at` + `interleave`: before the first matching call runs, this execution pauses and
 *   `interleave` runs to its end (typically another runtime.run / callFromClient /
 *   fireDueTriggers); then this execution goes on. The other execution's modeled time moves the
 *   shared clock, as wall time would. A lock this execution holds stays held, so the other one
 *   waits out its timeout on it (it cannot resume us meanwhile).
 * - `killAt`: the first matching call does not run; the execution ends with "Exceeded maximum
 *   execution time", even if the script catches it, and what it wrote so far stays written.
 * - Every execution records its service calls in order (`runtime.executions[i].calls`, qualified
 *   names such as "SpreadsheetApp.Range.setValues"), so a test can run once, then replay with each
 *   index as an interleave or kill point.
 */
export interface ServiceCall {
  /** 0-based position among the execution's service calls. */
  index: number;
  /** The global it hangs from: "SpreadsheetApp", "UrlFetchApp"… */
  service: string;
  /** The method called: "setValues", "fetchAll"… */
  method: string;
  /** Qualified name as the counters show it: "SpreadsheetApp.Range.setValues". */
  name: string;
}

/** A call index, or a predicate on the call. */
export type CallPoint = { call: number } | ((call: ServiceCall) => boolean);

export interface OverlapOptions {
  at?: CallPoint;
  interleave?: (call: ServiceCall) => unknown;
  killAt?: CallPoint;
}

export function serviceCall(index: number, name: string): ServiceCall {
  const parts = name.split('.');
  return { index, service: parts[0], method: parts[parts.length - 1], name };
}

export function matches(point: CallPoint | undefined, call: ServiceCall): boolean {
  if (point === undefined) return false;
  return typeof point === 'function' ? point(call) : point.call === call.index;
}
