/**
 * Map Users to Numbers, at any size: each execution maps what the rate budget allows within a
 * safe share of the 6-minute limit, checkpoints, and schedules itself to continue until done.
 * 1,000 users under a 60/min limit complete over several executions without losing work.
 */

import { AircallError } from '../aircall/client';
import {
  continueMapping,
  describeMappingProgress,
  isMappingComplete,
  type MappingProgress,
} from '../aircall/user-number-map';
import { describeFailure, MissingKeyError, openAircall } from './aircall';
import { documentCache } from './chunked-store';
import { ensureDirectory, forgetKept, loadKept, loadUserNumberMap, saveUserNumberMap, storeKept } from './directory';
import { loadSettings } from './settings-store';
import { activeSpreadsheet } from './spreadsheet';

const PROGRESS = 'mapping-progress';
export const CONTINUE_MAPPING_HANDLER = 'continueMappingFromTrigger';
/** Leaves 90 s of the 6-minute execution limit for the checkpoint and the toast. */
const EXECUTION_BUDGET_MS = 270_000;
const RESUME_AFTER_MS = 60_000;

function toast(message: string): void {
  activeSpreadsheet().toast(message, 'Map Users to Numbers', 10);
}

function continuationTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === CONTINUE_MAPPING_HANDLER);
}

function scheduleContinuation(): void {
  if (continuationTriggers().length > 0) return;
  ScriptApp.newTrigger(CONTINUE_MAPPING_HANDLER).timeBased().after(RESUME_AFTER_MS).create();
}

function clearContinuation(): void {
  for (const trigger of continuationTriggers()) ScriptApp.deleteTrigger(trigger);
}

export type MappingOutcome =
  | { status: 'done'; users: number; lines: number }
  | { status: 'continuing'; progress: string }
  | { status: 'busy'; heardFromSec: number }
  | { status: 'failed'; reason: string; willRetry: boolean; progress: string | null };

/**
 * Only one mapping execution at a time, through a lease in the document cache that the running
 * execution renews between slices of its work. A run the platform killed stops renewing it, so a
 * retry proceeds once the lease expires — within LEASE_MS, not after the whole execution budget.
 */
const LEASE = 'mapping-lease';
/** One slice of Aircall work between renewals; a slice can overrun by one hung request (60 s). */
const SLICE_MS = 15_000;
const LEASE_MS = 90_000;

interface Lease {
  runId: string;
  renewedAtMs: number;
}

function readLease(cache: GoogleAppsScript.Cache.Cache): Lease | null {
  try {
    const lease = JSON.parse(cache.get(LEASE) ?? 'null') as Partial<Lease> | null;
    return lease && typeof lease.runId === 'string' && typeof lease.renewedAtMs === 'number' ? (lease as Lease) : null;
  } catch {
    return null;
  }
}

function writeLease(cache: GoogleAppsScript.Cache.Cache, runId: string): void {
  cache.put(LEASE, JSON.stringify({ runId, renewedAtMs: Date.now() } satisfies Lease), LEASE_MS / 1000);
}

/** Takes the lease unless another run holds a live one; the check and the write under the script lock. */
function takeLease(cache: GoogleAppsScript.Cache.Cache, runId: string): Lease | null {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(5_000)) return { runId: '', renewedAtMs: Date.now() };
  try {
    const held = readLease(cache);
    if (held && Date.now() - held.renewedAtMs < LEASE_MS) return held;
    writeLease(cache, runId);
    return null;
  } finally {
    lock.releaseLock();
  }
}

export function isMappingProgress(value: unknown): value is MappingProgress {
  const p = value as Partial<MappingProgress> | null;
  const ids = (list: unknown) => Array.isArray(list) && list.every((id) => Number.isSafeInteger(id));
  return (
    typeof p === 'object' &&
    p !== null &&
    p.v === 1 &&
    (p.strategy === 'per_number' || p.strategy === 'per_user') &&
    ids(p.todo) &&
    typeof p.done === 'number' &&
    typeof p.total === 'number' &&
    typeof p.numbersByUser === 'object' &&
    p.numbersByUser !== null &&
    Object.values(p.numbersByUser).every(ids)
  );
}

/** One execution's share of the mapping: resumes the checkpoint if there is one, else starts afresh. */
export function runMapping(): MappingOutcome {
  const startedMs = Date.now();
  const endMs = startedMs + EXECUTION_BUDGET_MS;
  const cache = documentCache();
  const runId = Utilities.getUuid();
  // Refreshes keep running meanwhile: only two mapping executions must not overlap.
  const held = takeLease(cache, runId);
  if (held) return { status: 'busy', heardFromSec: Math.max(0, Math.round((Date.now() - held.renewedAtMs) / 1000)) };
  let progressText: string | null = null;
  try {
    const client = openAircall();
    const directory = ensureDirectory(client, loadSettings(), startedMs);
    let progress = loadKept(PROGRESS, isMappingProgress);
    const ids = { users: directory.users.map((u) => u.id), numbers: directory.numbers.map((n) => n.id) };
    let failure: AircallError | null = null;
    while (Date.now() < endMs) {
      const before = progress?.done ?? -1;
      const step = continueMapping(client, progress, ids, Math.min(endMs, Date.now() + SLICE_MS));
      progress = step.progress;
      failure = step.failure;
      if (isMappingComplete(progress) || failure) break;
      // Each slice is checkpointed: a run killed later keeps it, and a retry resumes from it.
      if (progress.done !== before) storeKept(PROGRESS, progress);
      if (readLease(cache)?.runId !== runId) break; // expired and taken: the other run goes on
      writeLease(cache, runId);
      if (progress.done === before) {
        // Nothing sent: the rate-limit window is used up. Wait for it if the budget allows.
        const waitMs = client.rateBudgetNow().resetInMs;
        if (waitMs <= 0 || waitMs >= LEASE_MS || Date.now() + waitMs >= endMs) break;
        Utilities.sleep(waitMs);
        writeLease(cache, runId);
      }
    }
    if (!progress) throw new Error('Mapping did not start.');
    if (!isMappingComplete(progress)) {
      storeKept(PROGRESS, progress); // kept even when Aircall failed: the next run resumes from here
      progressText = describeMappingProgress(progress);
      if (failure) throw failure;
      scheduleContinuation();
      return { status: 'continuing', progress: describeMappingProgress(progress) };
    }
    const byUser: Record<number, number[]> = {};
    for (const [userId, numberIds] of Object.entries(progress.numbersByUser)) byUser[Number(userId)] = numberIds;
    saveUserNumberMap({ byUser, mappedAtMs: Date.now() });
    forgetKept([PROGRESS]);
    clearContinuation();
    const lines = new Set(Object.values(byUser).flat()).size;
    return { status: 'done', users: Object.keys(byUser).length, lines };
  } catch (error) {
    // The checkpoint stays: the next attempt resumes where this one stopped. A wrong or missing
    // key, or a request Aircall no longer serves, will not fix itself: only other failures retry.
    const permanent =
      error instanceof MissingKeyError ||
      (error instanceof AircallError && (error.kind === 'auth' || error.kind === 'unsupported'));
    if (!permanent) scheduleContinuation();
    return { status: 'failed', reason: describeFailure(error), willRetry: !permanent, progress: progressText };
  } finally {
    if (readLease(cache)?.runId === runId) cache.remove(LEASE);
  }
}

function report(outcome: MappingOutcome): void {
  switch (outcome.status) {
    case 'done':
      toast(`Done: ${outcome.users.toLocaleString('en-US')} users mapped to ${outcome.lines} lines.`);
      break;
    case 'continuing':
      toast(`${outcome.progress} mapped — continuing by itself in a minute, within Aircall's rate limit.`);
      break;
    case 'busy':
      toast(
        `Mapping is already running (last heard from ${outcome.heardFromSec} s ago). If it was stopped, try again in ${Math.ceil(LEASE_MS / 60_000)} minutes at most.`,
      );
      break;
    case 'failed': {
      const at = outcome.progress ? ` at ${outcome.progress}` : '';
      toast(
        outcome.willRetry
          ? `Mapping paused${at}: ${outcome.reason} It will resume by itself from where it stopped.`
          : `Mapping stopped${at}: ${outcome.reason}`,
      );
      break;
    }
  }
}

export function mapUsersToNumbersFromMenu(): void {
  toast('Mapping users to numbers…');
  report(runMapping());
}

export function continueMappingFromTrigger(): void {
  // A one-shot trigger stays listed after it fires until deleted; 20 triggers is the cap.
  clearContinuation();
  report(runMapping());
}

/** Clear Cache forgets the map too; one that existed is rebuilt in the background. */
export function scheduleMapRebuild(): void {
  forgetKept([PROGRESS]);
  scheduleContinuation();
}

export const hasUserNumberMap = (): boolean => loadUserNumberMap() !== null;
