/**
 * One Advanced Search from start to end: the server answers in chunks, so this asks again with the
 * cursor until it is null, waits out Aircall's rate limit when the server says so, and can be
 * stopped. A failed chunk ends in a message; retry() carries on from where it failed.
 */
import type { AdvancedSearchChunk, AdvancedSearchCriteria, SearchProgress } from '../../src/sidebar-contract';
import { callServer, failureMessage } from '../shared/server';
import { SearchResults } from './results';

export type SearchPhase =
  | { kind: 'searching'; progress: SearchProgress | null }
  | { kind: 'waiting'; untilMs: number; progress: SearchProgress | null }
  | { kind: 'failed'; message: string }
  | { kind: 'done' }
  | { kind: 'stopped' };

export class SearchRun {
  readonly results = new SearchResults();
  readonly startedMs = Date.now();
  phase: SearchPhase = { kind: 'searching', progress: null };
  /** The latest chunk: period text, "now" for the cards. */
  last: AdvancedSearchChunk | null = null;
  private cursor: string | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly criteria: AdvancedSearchCriteria,
    private readonly onChange: (run: SearchRun) => void,
  ) {}

  get running(): boolean {
    return this.phase.kind === 'searching' || this.phase.kind === 'waiting';
  }

  /** Resolves once the search is complete, stopped or failed (never rejects). */
  async start(): Promise<void> {
    const progress = this.last?.progress ?? null;
    this.set({ kind: 'searching', progress });
    do {
      let chunk: AdvancedSearchChunk;
      try {
        chunk = await callServer('advancedSearch', this.criteria, this.cursor);
      } catch (error) {
        if (this.running) this.set({ kind: 'failed', message: failureMessage(error) });
        return;
      }
      if (!this.running) return; // stopped meanwhile: this late answer is dropped
      this.results.add(chunk.calls);
      this.last = chunk;
      this.cursor = chunk.cursor;
      if (chunk.cursor !== null && chunk.resumeInSec !== null) {
        this.set({ kind: 'waiting', untilMs: Date.now() + chunk.resumeInSec * 1000, progress: chunk.progress });
        await new Promise<void>((resume) => {
          this.wake = resume;
          window.setTimeout(resume, chunk.resumeInSec! * 1000);
        });
        if (!this.running) return;
      }
      this.set({ kind: 'searching', progress: chunk.progress });
    } while (this.cursor !== null);
    this.set({ kind: 'done' });
  }

  /** After a failure: carries on from the last chunk that succeeded. */
  retry(): Promise<void> {
    return this.start();
  }

  /** Keeps what was found so far; a chunk still on its way is ignored. */
  stop(): void {
    if (this.phase.kind === 'done') return;
    this.set({ kind: 'stopped' });
    this.wake?.();
  }

  private set(phase: SearchPhase): void {
    this.phase = phase;
    this.onChange(this);
  }
}
