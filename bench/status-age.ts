/**
 * How old the oldest agent status on the board is when a refresh writes it, measured from the
 * outside: which /v1/users/availabilities pages the simulated Aircall served, and when. An agent's
 * status is as old as the last read of the page that lists it (pages list agents in a fixed order,
 * per_page at a time), whatever the product does to choose its pages.
 */
import type { RequestLogEntry } from '../local/aircall-sim/index';

const AVAILABILITIES = '/v1/users/availabilities';
/** Aircall's default page size (docs.aircall.io, pagination). */
const DEFAULT_PER_PAGE = 20;

export class StatusAges {
  /** Per agent, in the order Aircall lists them: when its status was last served (simulated ms). */
  private readMs: number[] = [];

  constructor(private readonly agents: number) {}

  /**
   * Takes one operation's request log. Returns the age in seconds of the oldest status the board
   * could show at the operation's last availability read (its "now"), or null when it read none.
   */
  record(requests: readonly RequestLogEntry[]): number | null {
    const reads = requests.filter((r) => r.path === AVAILABILITIES && r.status === 200);
    if (reads.length === 0) return null;
    for (const read of reads) {
      const query = new URLSearchParams(read.query);
      const perPage = Number(query.get('per_page')) || DEFAULT_PER_PAGE;
      const page = Number(query.get('page')) || 1;
      const end = Math.min(this.agents, page * perPage);
      for (let i = (page - 1) * perPage; i < end; i++) this.readMs[i] = Math.max(this.readMs[i] ?? 0, read.atMs);
    }
    const nowMs = Math.max(...reads.map((r) => r.atMs));
    let oldestMs = nowMs;
    for (let i = 0; i < this.agents; i++) oldestMs = Math.min(oldestMs, this.readMs[i] ?? Number.NEGATIVE_INFINITY);
    return Number.isFinite(oldestMs) ? (nowMs - oldestMs) / 1000 : Number.POSITIVE_INFINITY;
  }
}
