/** What one client operation cost, for the board's status line ("fetched 23 pages in 3 batches"). */
export interface OperationRecord {
  name: string;
  requests: number;
  pages: number;
  batches: number;
  retries: number;
  sleptMs: number;
}

export function newOperation(name: string): OperationRecord {
  return { name, requests: 0, pages: 0, batches: 0, retries: 0, sleptMs: 0 };
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function describeOperation(op: OperationRecord): string {
  const what =
    op.pages > 0 ? `fetched ${count(op.pages, 'page', 'pages')}` : `sent ${count(op.requests, 'request', 'requests')}`;
  const parts = [`${what} in ${count(op.batches, 'batch', 'batches')}`];
  if (op.retries > 0) parts.push(count(op.retries, 'retry', 'retries'));
  if (op.sleptMs > 0) parts.push(`waited ${Math.round(op.sleptMs / 1000)} s for Aircall`);
  return parts.join(', ');
}
