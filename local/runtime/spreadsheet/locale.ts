/** What a spreadsheet locale changes in typing and display: separators and day/month order. */
export interface LocaleSymbols {
  decimal: string;
  group: string;
  /** "01/02/2024" is 1 February rather than 2 January. */
  dayFirst: boolean;
}

const COMMA_DECIMAL_DOT_GROUP = ['de', 'es', 'it', 'nl', 'pt', 'id', 'tr', 'da'];
const COMMA_DECIMAL_SPACE_GROUP = ['fr', 'ru', 'pl', 'cs', 'sv', 'fi', 'nb', 'uk', 'hu', 'sk'];

export function localeSymbols(locale: string): LocaleSymbols {
  const language = locale.split(/[_-]/)[0].toLowerCase();
  if (COMMA_DECIMAL_DOT_GROUP.includes(language)) return { decimal: ',', group: '.', dayFirst: true };
  if (COMMA_DECIMAL_SPACE_GROUP.includes(language)) return { decimal: ',', group: '\u202f', dayFirst: true };
  return { decimal: '.', group: ',', dayFirst: locale !== 'en_US' && locale !== 'en' };
}
