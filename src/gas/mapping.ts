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
const RUNNING_FLAG = 'mapping-running';

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
  | { status: 'busy' }
  | { status: 'failed'; reason: string; willRetry: boolean; progress: string | null };

/** One execution's share of the mapping: resumes the checkpoint if there is one, else starts afresh. */
export function runMapping(): MappingOutcome {
  const startedMs = Date.now();
  const cache = documentCache();
  // Refreshes keep running meanwhile: only two mapping executions must not overlap.
  if (cache.get(RUNNING_FLAG)) return { status: 'busy' };
  cache.put(RUNNING_FLAG, '1', Math.ceil(EXECUTION_BUDGET_MS / 1000) + 60);
  let progressText: string | null = null;
  try {
    const client = openAircall();
    const directory = ensureDirectory(client, loadSettings(), startedMs);
    const previous = loadKept<MappingProgress>(PROGRESS);
    const ids = { users: directory.users.map((u) => u.id), numbers: directory.numbers.map((n) => n.id) };
    const { progress, failure } = continueMapping(client, previous, ids, startedMs + EXECUTION_BUDGET_MS);
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
    // key will not fix itself, so only other failures retry on their own.
    const keyProblem = error instanceof MissingKeyError || (error instanceof AircallError && error.kind === 'auth');
    if (!keyProblem) scheduleContinuation();
    return { status: 'failed', reason: describeFailure(error), willRetry: !keyProblem, progress: progressText };
  } finally {
    cache.remove(RUNNING_FLAG);
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
      toast('Mapping is already running.');
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
