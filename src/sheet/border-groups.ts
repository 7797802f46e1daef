/** Cells outlined in a waiting line's colour: one border group per colour, so one RangeList call each. */
import { LINE_COLORS } from '../tracker/palette';
import { a1, type Cell } from './grid';

/** A cell that may be outlined in a line's colour. */
export type Highlight = { cell: Cell; color: string | null };

export class BorderGroups {
  private readonly byColor = new Map<string, string[]>();

  add(color: string | null, row: number, column: number): void {
    if (!color) return;
    const cells = this.byColor.get(color);
    if (cells) cells.push(a1(row, column));
    else this.byColor.set(color, [a1(row, column)]);
  }

  toList(): { color: string; a1s: string[] }[] {
    return LINE_COLORS.filter((color) => this.byColor.has(color)).map((color) => ({
      color,
      a1s: this.byColor.get(color)!,
    }));
  }
}
