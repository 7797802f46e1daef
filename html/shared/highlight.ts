/** Wraps literal matches in <mark> by splitting text nodes; never rewrites innerHTML. */
import { findMatches } from './text-match';

export function clearHighlights(root: HTMLElement): void {
  for (const mark of Array.from(root.querySelectorAll('mark.hit'))) mark.replaceWith(mark.textContent ?? '');
  root.normalize();
}

export function highlight(root: HTMLElement, query: string): number {
  clearHighlights(root);
  if (query === '') return 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const textNodes: Text[] = [];
  while (walker.nextNode()) textNodes.push(walker.currentNode as Text);
  let count = 0;
  for (const node of textNodes) {
    const ranges = findMatches(node.data, query);
    // Split from the end so earlier offsets stay valid.
    for (const [start, end] of ranges.reverse()) {
      const hit = node.splitText(start);
      hit.splitText(end - start);
      const mark = document.createElement('mark');
      mark.className = 'hit';
      hit.replaceWith(mark);
      mark.append(hit);
      count++;
    }
  }
  return count;
}
