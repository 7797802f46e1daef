/**
 * Line colours link a waiting caller to the agents who can pick the call up. They are fixed and
 * distinct from the status colours, and a line's colour depends only on its place among all
 * numbers sorted by id, so it stays the same from one refresh to the next.
 */
export const LINE_COLORS = ['#1a73e8', '#9334e6', '#d01884', '#129eaf'] as const;

/** number id → line colour, for every known number. */
export function lineColors(numbers: readonly { id: number }[]): Map<number, string> {
  const ids = numbers.map((n) => n.id).sort((a, b) => a - b);
  return new Map(ids.map((id, index) => [id, LINE_COLORS[index % LINE_COLORS.length]]));
}
