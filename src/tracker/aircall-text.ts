/**
 * Text from Aircall as the product shows it. Aircall may send null where a name is expected (a team
 * or line without one) and, from a misbehaving integration, text longer than a Sheets cell holds.
 */

/** Google Sheets refuses a cell of more than 50,000 characters. */
export const MAX_CELL_CHARS = 50_000;
/** Far beyond any real agent, team or line name; keeps every cell, note and sidebar readable. */
export const MAX_NAME_CHARS = 500;

/** `text` cut to `max` characters, the cut marked with an ellipsis. */
export function cutText(text: string, max: number = MAX_CELL_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A name to show: the text Aircall sent (cut to fit), or `fallback` when it sent none. */
export function nameOr(value: unknown, fallback: string): string {
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
  return text ? cutText(text, MAX_NAME_CHARS) : fallback;
}

/**
 * `value` with every string inside it cut to `max` characters; the same object when none is longer,
 * so the usual case copies nothing. For records that go to the board whole (calls).
 */
export function fitTexts<T>(value: T, max: number = MAX_NAME_CHARS): T {
  if (typeof value === 'string') return (value.length > max ? cutText(value, max) : value) as T;
  if (Array.isArray(value)) {
    const items = value.map((item) => fitTexts(item, max));
    return (items.some((item, i) => item !== value[i]) ? items : value) as T;
  }
  if (typeof value === 'object' && value !== null) {
    let copy: Record<string, unknown> | null = null;
    for (const [key, field] of Object.entries(value)) {
      const fitted = fitTexts(field, max);
      if (fitted !== field) {
        copy ??= { ...(value as Record<string, unknown>) };
        copy[key] = fitted;
      }
    }
    return (copy ?? value) as T;
  }
  return value;
}
