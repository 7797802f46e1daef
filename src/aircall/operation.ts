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

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 'es'.slice(word.endsWith('ch') ? 0 : 1)}`;

export function describeOperation(op: OperationRecord): string {
  const what = op.pages > 0 ? `fetched ${plural(op.pages, 'page')}` : `sent ${plural(op.requests, 'request')}`;
  const parts = [`${what} in ${plural(op.batches, 'batch')}`];
  if (op.retries > 0) parts.push(plural(op.retries, 'retry').replace('retrys', 'retries'));
  if (op.sleptMs > 0) parts.push(`waited ${Math.round(op.sleptMs / 1000)} s`);
  return parts.join(', ');
}
