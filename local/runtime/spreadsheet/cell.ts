/** One cell's stored state: a typed value (or formula) plus its own formatting. */
export type Scalar = string | number | boolean;

export interface BorderEdge {
  color: string;
  style: string;
}

export interface CellBorders {
  top: BorderEdge | null;
  left: BorderEdge | null;
  bottom: BorderEdge | null;
  right: BorderEdge | null;
}

export type Side = keyof CellBorders;

export interface CellFormat {
  background: string;
  fontColor: string;
  fontWeight: string;
  fontStyle: string;
  fontSize: number;
  fontFamily: string;
  horizontalAlignment: string;
  verticalAlignment: string;
  /** 'OVERFLOW' | 'WRAP' | 'CLIP'; getWrap() is true only for WRAP. */
  wrapStrategy: string;
  /** '' = automatic. */
  numberFormat: string;
}

export const DEFAULT_FORMAT: Readonly<CellFormat> = Object.freeze({
  background: '#ffffff',
  fontColor: '#000000',
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontSize: 10,
  fontFamily: 'Arial',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  wrapStrategy: 'OVERFLOW',
  numberFormat: '',
});

export interface Cell {
  /** '' for an empty cell; for a formula, its evaluated result. */
  value: Scalar;
  formula: string;
  /** Link of a rich-text or HYPERLINK cell. */
  link: string | null;
  note: string;
  format: CellFormat;
  borders: CellBorders;
}

export function newCell(): Cell {
  return {
    value: '',
    formula: '',
    link: null,
    note: '',
    format: { ...DEFAULT_FORMAT },
    borders: { top: null, left: null, bottom: null, right: null },
  };
}

export function hasContent(cell: Cell | undefined): boolean {
  return !!cell && (cell.value !== '' || cell.formula !== '');
}

export function isFormatted(cell: Cell): boolean {
  const f = cell.format;
  return (
    Object.keys(DEFAULT_FORMAT).some((k) => f[k as keyof CellFormat] !== DEFAULT_FORMAT[k as keyof CellFormat]) ||
    Object.values(cell.borders).some((edge) => edge !== null)
  );
}

export function clearContent(cell: Cell): void {
  cell.value = '';
  cell.formula = '';
  cell.link = null;
}

export function clearFormat(cell: Cell): void {
  cell.format = { ...DEFAULT_FORMAT };
  cell.borders = { top: null, left: null, bottom: null, right: null };
}
