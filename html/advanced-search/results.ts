/**
 * What the sidebar keeps of a search while its chunks arrive: the newest cards to show (capped, so
 * a busy day cannot swamp the page) and one export row for every match, so Export writes them all.
 */
import { exportRows } from '../../src/calls/export';
import { type CallCard, type ExportCell, MAX_CALL_CARDS } from '../../src/sidebar-contract';

const newestFirst = (a: CallCard, b: CallCard) => b.startedAtSec - a.startedAtSec || b.id - a.id;

export class SearchResults {
  private readonly seen = new Set<number>();
  private shown: CallCard[] = [];
  private readonly rows: { startedAtSec: number; id: number; row: ExportCell[] }[] = [];

  /** Adds a chunk's matches; a call seen before (pages can shift while walked) is kept once. */
  add(cards: readonly CallCard[]): void {
    const fresh = cards.filter((card) => !this.seen.has(card.id) && this.seen.add(card.id));
    const rows = exportRows(fresh);
    fresh.forEach((card, i) => {
      this.rows.push({ startedAtSec: card.startedAtSec, id: card.id, row: rows[i] });
    });
    this.shown = [...this.shown, ...fresh].sort(newestFirst).slice(0, MAX_CALL_CARDS);
  }

  get matches(): number {
    return this.seen.size;
  }

  /** The newest MAX_CALL_CARDS matches, newest first. */
  get cards(): CallCard[] {
    return this.shown;
  }

  /** Every match as an export row (no header), oldest first, as the sheet reads best. */
  exportRows(): ExportCell[][] {
    return [...this.rows].sort((a, b) => a.startedAtSec - b.startedAtSec || a.id - b.id).map((r) => r.row);
  }
}
