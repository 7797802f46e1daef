/**
 * DOM building without innerHTML: every value from Aircall or the server goes in as a text node or
 * an attribute set through the DOM, so "<img onerror=…>" shows as text and runs nothing.
 */
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from the page`);
  return node as T;
}

export type StatusKind = 'info' | 'success' | 'error';

/** Shows a message in a live region (role=status/alert set in the page). */
export function showStatus(target: HTMLElement, text: string, kind: StatusKind = 'info'): void {
  target.textContent = text;
  target.dataset.kind = kind;
  target.hidden = text === '';
}

/** Only web links may become href/src: a "javascript:" asset URL stays inert text. */
export function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
