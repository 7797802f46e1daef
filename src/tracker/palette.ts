/**
 * Line colours link a waiting caller to the agents who could pick the call up. Each line with a
 * caller waiting gets its own colour — the longest wait first — so two waiting lines never share
 * one; lines beyond the palette's four get none (their callers still show in the queue band). The colours
 * are outlines only, distinct from every status background (sheet/styles.ts).
 */
export const LINE_COLORS = ['#1a73e8', '#d01884', '#e8710a', '#202124'] as const;

/** line id → colour, for the lines in `waitingLineIds` (ordered by urgency, each once). */
export function waitingLineColors(waitingLineIds: readonly number[]): Map<number, string> {
  const colors = new Map<number, string>();
  for (const id of waitingLineIds) {
    if (colors.size === LINE_COLORS.length) break;
    if (!colors.has(id)) colors.set(id, LINE_COLORS[colors.size]);
  }
  return colors;
}
