/**
 * One name order for the whole product — board, Lines table, sidebars, Configure: locale-aware, so
 * "Émilie" sorts with the E's and "Ömer" with the O's, case and accents ignored, digits compared as
 * numbers ("Team 2" before "Team 10"). Ties fall back to the id, so the order is total and stable.
 */
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}

export function byNameThenId(a: { name: string; id: number }, b: { name: string; id: number }): number {
  return compareNames(a.name, b.name) || a.id - b.id;
}
