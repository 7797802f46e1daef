/**
 * Outlines redrawn from one refresh to the next: whatever changed, the board ends up looking exactly
 * as if every outline had been drawn afresh, and a refresh where little changed costs fewer calls.
 */
import { describe, expect, it } from '@jest/globals';
import { type OutlineGroups, type OutlinePlan, outlineCalls, planOutlines } from '../../src/sheet/border-groups';
import { a1 } from '../../src/sheet/grid';
import { LINE_COLORS } from '../../src/tracker/palette';

const ROWS = 4;
const COLUMNS = 5;
const PLAIN = 'plain';

/**
 * The board's edges as the sheet keeps them: one edge between two neighbouring cells, coloured by
 * whichever border was drawn over it last ("h r c": the top edge of cell r,c; "v r c": its left edge).
 */
class Edges {
  readonly colors = new Map<string, string>();

  constructor() {
    this.wipe();
  }

  wipe(): void {
    for (let r = 0; r <= ROWS; r++) for (let c = 0; c < COLUMNS; c++) this.colors.set(`h ${r} ${c}`, PLAIN);
    for (let r = 0; r < ROWS; r++) for (let c = 0; c <= COLUMNS; c++) this.colors.set(`v ${r} ${c}`, PLAIN);
  }

  outline(cells: readonly string[], color: string): void {
    for (const cell of cells) {
      const [r, c] = position(cell);
      for (const edge of [`h ${r} ${c}`, `h ${r + 1} ${c}`, `v ${r} ${c}`, `v ${r} ${c + 1}`])
        this.colors.set(edge, color);
    }
  }

  apply(plan: OutlinePlan): void {
    if (plan.wipe) this.wipe();
    this.outline(plan.clear, PLAIN);
    for (const group of plan.draw) this.outline(group.a1s, group.color);
  }
}

const CELLS = Array.from({ length: ROWS * COLUMNS }, (_, i) => a1(Math.floor(i / COLUMNS), i % COLUMNS));
const position = (cell: string): [number, number] => {
  const i = CELLS.indexOf(cell);
  return [Math.floor(i / COLUMNS), i % COLUMNS];
};

/** The board drawn afresh: plain cells, then every group in order. */
function drawnAfresh(groups: OutlineGroups): Map<string, string> {
  const edges = new Edges();
  for (const group of groups) edges.outline(group.a1s, group.color);
  return edges.colors;
}

/** Groups in LINE_COLORS order, as the layout makes them. */
function groupsOf(colorByCell: Map<string, string>): OutlineGroups {
  return LINE_COLORS.flatMap((color) => {
    const a1s = CELLS.filter((cell) => colorByCell.get(cell) === color);
    return a1s.length > 0 ? [{ color, a1s }] : [];
  });
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

function randomOutlines(next: () => number, density: number): Map<string, string> {
  const colors = new Map<string, string>();
  for (const cell of CELLS) {
    if (next() < density) colors.set(cell, LINE_COLORS[Math.floor(next() * LINE_COLORS.length)]);
  }
  return colors;
}

/** What the writer did before: clear every cell no longer outlined, then draw every group. */
const redrawEverything = (before: OutlineGroups, after: OutlineGroups) => {
  const now = new Set(after.flatMap((g) => g.a1s));
  const stale = before.flatMap((g) => g.a1s).filter((cell) => !now.has(cell));
  return (stale.length > 0 ? 2 : 0) + 2 * after.length;
};

describe('planOutlines', () => {
  it('leaves every edge as a fresh drawing would, over 2,000 random refreshes of a 4 × 5 board', () => {
    const next = random(7);
    for (let run = 0; run < 2_000; run++) {
      const before = groupsOf(randomOutlines(next, next()));
      // Often a small change of the previous outlines, sometimes a whole new set.
      const afterColors = next() < 0.3 ? randomOutlines(next, next()) : colorByCellOf(before);
      for (let n = Math.floor(next() * 3); n > 0; n--) {
        const cell = CELLS[Math.floor(next() * CELLS.length)];
        if (next() < 0.4) afterColors.delete(cell);
        else afterColors.set(cell, LINE_COLORS[Math.floor(next() * LINE_COLORS.length)]);
      }
      const after = groupsOf(afterColors);
      const edges = new Edges();
      for (const group of before) edges.outline(group.a1s, group.color);
      const plan = planOutlines(before, after);
      edges.apply(plan);
      expect({ run, edges: [...edges.colors] }).toEqual({ run, edges: [...drawnAfresh(after)] });
      expect(outlineCalls(plan)).toBeLessThanOrEqual(redrawEverything(before, after));
    }
  });

  it('costs nothing when the outlines did not change', () => {
    const groups = groupsOf(
      new Map([
        ['B2', LINE_COLORS[0]],
        ['D4', LINE_COLORS[1]],
      ]),
    );
    expect(outlineCalls(planOutlines(groups, groups))).toBe(0);
  });

  it('redraws only the colour whose cells changed when the others are apart from it', () => {
    const before = groupsOf(
      new Map([
        ['A1', LINE_COLORS[0]],
        ['E4', LINE_COLORS[1]],
        ['C1', LINE_COLORS[2]],
      ]),
    );
    const after = groupsOf(
      new Map([
        ['A1', LINE_COLORS[0]],
        ['E4', LINE_COLORS[1]],
        ['C2', LINE_COLORS[2]],
      ]),
    );
    const plan = planOutlines(before, after);
    expect(plan).toEqual({ wipe: false, clear: ['C1'], draw: [{ color: LINE_COLORS[2], a1s: ['C2'] }] });
    expect(outlineCalls(plan)).toBe(4);
    expect(redrawEverything(before, after)).toBe(8);
  });

  it('gives a cell that lost its outline back its plain border, and its outlined neighbour its full outline', () => {
    const before = groupsOf(
      new Map([
        ['B2', LINE_COLORS[0]],
        ['C2', LINE_COLORS[3]],
      ]),
    );
    const after = groupsOf(new Map([['B2', LINE_COLORS[0]]]));
    const edges = new Edges();
    for (const group of before) edges.outline(group.a1s, group.color);
    edges.apply(planOutlines(before, after));
    // The edge B2 shares with C2 is B2's colour again; C2's other edges are plain.
    expect(edges.colors.get('v 1 2')).toBe(LINE_COLORS[0]);
    expect(edges.colors.get('v 1 3')).toBe(PLAIN);
    expect(edges.colors.get('h 1 2')).toBe(PLAIN);
  });
});

function colorByCellOf(groups: OutlineGroups): Map<string, string> {
  return new Map(groups.flatMap((group) => group.a1s.map((cell) => [cell, group.color] as const)));
}
