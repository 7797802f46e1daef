/**
 * The fake RangeList: exactly the single-value methods Apps Script offers (docs/apps-script-notes.md#ranges-limits-merges-and-rangelist). There is no
 * merge, no getValues/setValues and no plural setter, so calling one is a TypeError as in V8.
 */
import type { Implements } from '../gas-types.js';
import type { BorderFlag } from './borders.js';
import type { BorderStyleArg, FakeRange, WrapStrategyArg } from './range.js';

type GasRangeList = GoogleAppsScript.Spreadsheet.RangeList;
type Implemented =
  | 'activate'
  | 'breakApart'
  | 'clear'
  | 'clearContent'
  | 'clearFormat'
  | 'clearNote'
  | 'getRanges'
  | 'setBackground'
  | 'setBorder'
  | 'setFontColor'
  | 'setFontFamily'
  | 'setFontSize'
  | 'setFontStyle'
  | 'setFontWeight'
  | 'setFormula'
  | 'setHorizontalAlignment'
  | 'setNote'
  | 'setNumberFormat'
  | 'setValue'
  | 'setVerticalAlignment'
  | 'setWrap'
  | 'setWrapStrategy';

export class FakeRangeList implements Implements<GasRangeList, Implemented> {
  static readonly gasName = 'RangeList';

  constructor(readonly ranges: FakeRange[]) {}

  private each(fn: (range: FakeRange) => unknown): this {
    for (const range of this.ranges) fn(range);
    return this;
  }

  /** Selects every range; the last one becomes the active range. */
  activate(): this {
    const [first] = this.ranges;
    if (first) {
      first.activate();
      first.sheetModel.selection = this.ranges.map((r) => r.getA1Notation());
    }
    return this;
  }
  getRanges(): FakeRange[] {
    return [...this.ranges];
  }
  breakApart(): this {
    return this.each((r) => r.breakApart());
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; commentsOnly?: boolean }): this {
    return this.each((r) => r.clear(options));
  }
  clearContent(): this {
    return this.each((r) => r.clearContent());
  }
  clearFormat(): this {
    return this.each((r) => r.clearFormat());
  }
  clearNote(): this {
    return this.each((r) => r.clearNote());
  }
  setBackground(color: string | null): this {
    return this.each((r) => r.setBackground(color));
  }
  setBorder(
    top: BorderFlag,
    left: BorderFlag,
    bottom: BorderFlag,
    right: BorderFlag,
    vertical: BorderFlag,
    horizontal: BorderFlag,
    color?: string | null,
    style?: BorderStyleArg | null,
  ): this {
    return this.each((r) => r.setBorder(top, left, bottom, right, vertical, horizontal, color, style));
  }
  setFontColor(color: string | null): this {
    return this.each((r) => r.setFontColor(color));
  }
  setFontFamily(family: string | null): this {
    return this.each((r) => r.setFontFamily(family));
  }
  setFontSize(size: number): this {
    return this.each((r) => r.setFontSize(size));
  }
  setFontStyle(style: string | null): this {
    return this.each((r) => r.setFontStyle(style));
  }
  setFontWeight(weight: string | null): this {
    return this.each((r) => r.setFontWeight(weight));
  }
  setFormula(formula: string): this {
    return this.each((r) => r.setFormula(formula));
  }
  setHorizontalAlignment(alignment: string | null): this {
    return this.each((r) => r.setHorizontalAlignment(alignment));
  }
  setNote(note: string | null): this {
    return this.each((r) => r.setNote(note));
  }
  setNumberFormat(format: string): this {
    return this.each((r) => r.setNumberFormat(format));
  }
  setValue(value: unknown): this {
    return this.each((r) => r.setValue(value));
  }
  setVerticalAlignment(alignment: string | null): this {
    return this.each((r) => r.setVerticalAlignment(alignment));
  }
  setWrap(wrap: boolean): this {
    return this.each((r) => r.setWrap(wrap));
  }
  setWrapStrategy(strategy: WrapStrategyArg): this {
    return this.each((r) => r.setWrapStrategy(strategy));
  }
}
