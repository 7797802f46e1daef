/** Cells outlined in a waiting line's colour: one border group per colour, so one RangeList call each. */
import { LINE_COLORS } from '../tracker/palette';
import { a1, type Cell } from './grid';

/** A cell that may be outlined in a line's colour. */
export type Highlight = { cell: Cell; color: string | null };

export type OutlineGroups = readonly { color: string; a1s: readonly string[] }[];

/**
 * An outline links the agents who could take a waiting call to that call's line: its callers in the
 * queue, the line in the trouble strip and in the Lines table. A line with no agent to outline has
 * nothing to link — its callers already show by the wait colours — so its cells stay plain: the
 * colours a supervisor sees always mean "these agents could pick these callers up now", and a board
 * where nobody can help (the usual case when callers wait) costs no outline calls at all.
 */
export class BorderGroups {
  private readonly byColor = new Map<string, string[]>();
  private readonly withAgents = new Set<string>();

  /** An agent who could take a caller waiting on the line of this colour. */
  outlineAgent(color: string | null, row: number, column: number): void {
    if (!color) return;
    this.withAgents.add(color);
    this.add(color, row, column);
  }

  /** A caller or a line waiting, outlined only if some agent is outlined in its colour. */
  outlineLine(color: string | null, row: number, column: number): void {
    if (color) this.add(color, row, column);
  }

  private add(color: string, row: number, column: number): void {
    const cells = this.byColor.get(color);
    if (cells) cells.push(a1(row, column));
    else this.byColor.set(color, [a1(row, column)]);
  }

  toList(): { color: string; a1s: string[] }[] {
    return LINE_COLORS.filter((color) => this.withAgents.has(color)).map((color) => ({
      color,
      a1s: this.byColor.get(color)!,
    }));
  }
}

/**
 * How to turn the outlines a board shows into the next ones. Neighbouring cells share an edge, and
 * the group drawn last colours it: groups are drawn in LINE_COLORS order, so the board always looks
 * as if every group had just been drawn in that order over plain cells.
 * - `wipe`: every edge of the board goes back to the plain card border first (one call on the board),
 *   then every group is drawn;
 * - otherwise the cells that lost their outline are cleared (one RangeList), and only the groups
 *   whose cells changed, or that share an edge with a cleared or redrawn cell and must win it, are
 *   drawn again.
 * Whichever costs fewer calls (a RangeList call is two: getRangeList, then setBorder).
 */
export interface OutlinePlan {
  wipe: boolean;
  clear: string[];
  draw: { color: string; a1s: string[] }[];
}

/** 0-based row and column of an A1 reference such as "AB12". */
function cellOf(reference: string): [number, number] {
  const match = /^([A-Z]+)(\d+)$/.exec(reference);
  if (!match) throw new Error(`Not a cell: ${reference}`);
  let column = 0;
  for (const letter of match[1]) column = column * 26 + letter.charCodeAt(0) - 64;
  return [Number(match[2]) - 1, column - 1];
}

function neighboursOf(reference: string): string[] {
  const [row, column] = cellOf(reference);
  const around: [number, number][] = [
    [row - 1, column],
    [row + 1, column],
    [row, column - 1],
    [row, column + 1],
  ];
  return around.filter(([r, c]) => r >= 0 && c >= 0).map(([r, c]) => a1(r, c));
}

const colorOfCell = (groups: OutlineGroups) =>
  new Map(groups.flatMap((group) => group.a1s.map((cell) => [cell, group.color] as const)));

/** Calls a plan costs: a wipe is one, a clear or a drawn group two. */
export function outlineCalls(plan: OutlinePlan): number {
  return (plan.wipe ? 1 : plan.clear.length > 0 ? 2 : 0) + 2 * plan.draw.length;
}

export function planOutlines(before: OutlineGroups, after: OutlineGroups): OutlinePlan {
  const was = colorOfCell(before);
  const now = colorOfCell(after);
  const order = (color: string) => after.findIndex((group) => group.color === color);
  const changed = [...new Set([...was.keys(), ...now.keys()])].filter((cell) => was.get(cell) !== now.get(cell));
  const clear = changed.filter((cell) => !now.has(cell));
  const dirty = new Set<string>();
  for (const cell of changed) if (now.has(cell)) dirty.add(now.get(cell)!);
  // A cleared cell takes its shared edges with it: outlined neighbours draw theirs again.
  for (const cell of clear) for (const next of neighboursOf(cell)) if (now.has(next)) dirty.add(now.get(next)!);
  // A redrawn group takes the edges it shares with later groups: those are drawn again after it.
  for (const group of after) {
    if (!dirty.has(group.color)) continue;
    for (const cell of group.a1s) {
      for (const next of neighboursOf(cell)) {
        const color = now.get(next);
        if (color !== undefined && order(color) > order(group.color)) dirty.add(color);
      }
    }
  }
  const partial: OutlinePlan = {
    wipe: false,
    clear,
    draw: after.filter((group) => dirty.has(group.color)).map((group) => ({ ...group, a1s: [...group.a1s] })),
  };
  const whole: OutlinePlan = { wipe: true, clear: [], draw: after.map((group) => ({ ...group, a1s: [...group.a1s] })) };
  return outlineCalls(whole) < outlineCalls(partial) ? whole : partial;
}
