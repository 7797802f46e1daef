import { type CellStyle, DEFAULT_STYLE } from './styles';

export interface Cell {
  value: string;
  style?: CellStyle;
  note?: string;
}

/** "A", …, "Z", "AA", … for a 1-based column. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A1 notation of a 0-based cell. */
export function a1(row: number, column: number): string {
  return `${columnLetters(column + 1)}${row + 1}`;
}

/** What changes from one refresh to the next: the matrices a refresh compares and writes. */
export interface Matrices {
  rows: number;
  columns: number;
  values: string[][];
  backgrounds: string[][];
  fontColors: string[][];
  fontWeights: ('bold' | 'normal')[][];
  notes: string[][];
}

export type MatrixName = 'values' | 'backgrounds' | 'fontColors' | 'fontWeights' | 'notes';
export const MATRIX_NAMES: readonly MatrixName[] = ['values', 'backgrounds', 'fontColors', 'fontWeights', 'notes'];

/** A sparse sheet of cells, turned into dense matrices at the end. */
export class CellGrid {
  private readonly cells = new Map<number, Map<number, Cell>>();
  private height = 0;
  private width = 0;

  set(row: number, column: number, cell: Cell): void {
    let line = this.cells.get(row);
    if (!line) {
      line = new Map();
      this.cells.set(row, line);
    }
    line.set(column, cell);
    this.height = Math.max(this.height, row + 1);
    this.width = Math.max(this.width, column + 1);
  }

  get rows(): number {
    return this.height;
  }

  /** Dense matrices of exactly the given size (at least the cells set): unset cells take the default look. */
  toMatrices(minRows: number, minColumns: number): Matrices {
    const rows = Math.max(this.height, minRows, 1);
    const columns = Math.max(this.width, minColumns, 1);
    const m: Matrices = { rows, columns, values: [], backgrounds: [], fontColors: [], fontWeights: [], notes: [] };
    for (let r = 0; r < rows; r++) {
      const line = this.cells.get(r);
      const values: string[] = [];
      const backgrounds: string[] = [];
      const fontColors: string[] = [];
      const fontWeights: ('bold' | 'normal')[] = [];
      const notes: string[] = [];
      for (let c = 0; c < columns; c++) {
        const cell = line?.get(c);
        const style = cell?.style ?? DEFAULT_STYLE;
        values.push(cell?.value ?? '');
        backgrounds.push(style.background);
        fontColors.push(style.fontColor);
        fontWeights.push(style.bold ? 'bold' : 'normal');
        notes.push(cell?.note ?? '');
      }
      m.values.push(values);
      m.backgrounds.push(backgrounds);
      m.fontColors.push(fontColors);
      m.fontWeights.push(fontWeights);
      m.notes.push(notes);
    }
    return m;
  }
}
