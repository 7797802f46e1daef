/** RichTextValue: text only (never parsed as a number or date, docs/apps-script-notes.md#cell-values) plus an optional link. */
import type { Implements } from '../gas-types.js';

type RichText = GoogleAppsScript.Spreadsheet.RichTextValue;
type RichTextBuilder = GoogleAppsScript.Spreadsheet.RichTextValueBuilder;

export class FakeRichTextValue implements Implements<RichText, 'getText' | 'getLinkUrl' | 'copy' | 'getRuns'> {
  static readonly gasName = 'RichTextValue';

  constructor(
    readonly text: string,
    readonly link: string | null,
  ) {}

  getText(): string {
    return this.text;
  }

  getLinkUrl(): string | null {
    return this.link;
  }

  getRuns(): FakeRichTextValue[] {
    return [this];
  }

  copy(): FakeRichTextValueBuilder {
    return new FakeRichTextValueBuilder().setText(this.text).setLinkUrl(this.link);
  }
}

export class FakeRichTextValueBuilder
  implements Implements<RichTextBuilder, 'build' | 'setText' | 'setLinkUrl' | 'setTextStyle'>
{
  static readonly gasName = 'RichTextValueBuilder';
  private text = '';
  private link: string | null = null;

  setText(text: string): this {
    this.text = String(text);
    return this;
  }

  /** setLinkUrl(url) or setLinkUrl(start, end, url); a partial link is kept as the cell's link. */
  setLinkUrl(...args: [string | null] | [number, number, string | null]): this {
    this.link = args.length === 1 ? args[0] : args[2];
    return this;
  }

  /** Styles are accepted and not modelled. */
  setTextStyle(..._args: unknown[]): this {
    return this;
  }

  build(): FakeRichTextValue {
    return new FakeRichTextValue(this.text, this.link);
  }
}
