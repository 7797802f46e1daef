/**
 * Time-ordered queue of simulation events (a binary min-heap on (atMs, insertion order)), so events at the same
 * instant always run in the order they were scheduled: the replay is deterministic.
 */
interface Entry {
  atMs: number;
  seq: number;
  run: () => void;
}

export class EventQueue {
  private readonly heap: Entry[] = [];
  private seq = 0;

  schedule(atMs: number, run: () => void): void {
    this.heap.push({ atMs, seq: this.seq++, run });
    this.up(this.heap.length - 1);
  }

  /** Runs every event due at or before `untilMs`, including those the running events schedule. */
  runUntil(untilMs: number, onEvent: (atMs: number) => void): void {
    while (this.heap.length > 0 && this.heap[0].atMs <= untilMs) {
      const entry = this.pop();
      onEvent(entry.atMs);
      entry.run();
    }
  }

  private pop(): Entry {
    const top = this.heap[0];
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    const x = this.heap[a];
    const y = this.heap[b];
    return x.atMs < y.atMs || (x.atMs === y.atMs && x.seq < y.seq);
  }

  private swap(a: number, b: number): void {
    [this.heap[a], this.heap[b]] = [this.heap[b], this.heap[a]];
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.heap.length && this.less(left, smallest)) smallest = left;
      if (right < this.heap.length && this.less(right, smallest)) smallest = right;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }
}
