/**
 * The list part of Call History and Advanced Search: quick search (filters as you type),
 * Highlight (marks matches) and Auto-Search (selected text becomes the query).
 */
import type { CallListResult } from '../../src/sidebar-contract';
import { renderCard } from './call-card';
import { el } from './dom';
import { plural } from './format';
import { clearHighlights, highlight } from './highlight';
import { containsText } from './text-match';

export interface CallList {
  show(result: CallListResult): void;
  clear(): void;
}

function toggleButton(label: string, onChange: (on: boolean) => void): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'toggle', 'aria-pressed': 'false' }, label);
  button.addEventListener('click', () => {
    const on = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(on));
    onChange(on);
  });
  return button;
}

export function mountCallList(container: HTMLElement): CallList {
  const query = el('input', { id: 'quick-search', type: 'search', autocomplete: 'off', placeholder: 'Filter calls…' });
  const summary = el('p', { class: 'list-summary', role: 'status' });
  const cards = el('div', { class: 'cards' });
  let searchText = new Map<HTMLElement, string>();
  let highlighting = false;
  let autoSearch = false;

  function apply(): void {
    const q = query.value.trim();
    let shown = 0;
    for (const [card, text] of searchText) {
      card.hidden = !containsText(text, q);
      if (!card.hidden) shown++;
    }
    if (highlighting) highlight(cards, q);
    else clearHighlights(cards);
    const total = searchText.size;
    summary.textContent =
      total === 0
        ? 'No calls found for this period.'
        : q === ''
          ? plural(total, 'call')
          : `${shown} of ${plural(total, 'call')} match "${q}"`;
  }

  const highlightButton = toggleButton('Highlight', (on) => {
    highlighting = on;
    apply();
  });
  const autoButton = toggleButton('Auto-Search', (on) => {
    autoSearch = on;
  });
  const takeSelection = () => {
    const selection = window.getSelection();
    const text = selection?.toString().trim() ?? '';
    if (!autoSearch || !text || !selection?.anchorNode || !cards.contains(selection.anchorNode)) return;
    query.value = text;
    apply();
  };
  cards.addEventListener('mouseup', takeSelection);
  cards.addEventListener('keyup', takeSelection);
  query.addEventListener('input', apply);

  container.replaceChildren(
    el(
      'div',
      { class: 'list-tools' },
      el('label', { for: 'quick-search', class: 'tool-label' }, 'Quick search'),
      query,
      el('div', { class: 'button-row' }, highlightButton, autoButton),
    ),
    summary,
    cards,
  );
  container.hidden = true;

  return {
    show(result) {
      searchText = new Map();
      const rendered = result.calls.map((call) => {
        const card = renderCard(call, result.nowSec);
        // Raw JSON is searchable even while collapsed (e.g. "no_available_agent").
        searchText.set(card, `${card.textContent ?? ''}\n${call.rawJson}`);
        return card;
      });
      cards.replaceChildren(...rendered);
      container.hidden = false;
      apply();
    },
    clear() {
      searchText = new Map();
      cards.replaceChildren();
      container.hidden = true;
    },
  };
}
