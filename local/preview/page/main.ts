/**
 * The preview page: polls the server's version, redraws the active tab when it changes, and
 * turns clicks on menus, cells and tabs into the same actions a Sheets user makes.
 */
import type { PreviewState } from '../state.js';
import { parseRect, type Rect, spanning, toA1 } from './a1.js';
import { getJson, type Outcome, postJson } from './api.js';
import { drawCharts } from './charts.js';
import { el } from './dom.js';
import { freezePanes, renderGrid, showSelection } from './grid.js';
import { closeMenus, renderMenus } from './menus.js';
import { startOutbox } from './outbox.js';
import { Panels } from './panels.js';

const POLL_MS = 1_000;

const byId = (id: string) => document.getElementById(id) as HTMLElement;
const gridArea = byId('grid');
const panels = new Panels(byId('toasts'), byId('sidebar'), byId('overlay'));
const status = byId('status');

let state: PreviewState | null = null;
let selection: Rect[] = [];
let anchor: { row: number; column: number } | null = null;
let table: HTMLTableElement | null = null;
let syncing = false;
/**
 * Cell clicks so far, and how many of them the server has acknowledged. A state requested before the
 * latest click was acknowledged predates it: redrawing from it keeps the page's own selection, or a
 * live update landing just after a click would undo it.
 */
let clicks = 0;
let acknowledgedClicks = 0;
/** Menus are rebuilt only when they change, so a live update never closes an open one. */
let menusShown = '';

function showActiveCell(): void {
  const active = selection.at(-1);
  byId('name-box').textContent = selection.map(toA1).join(', ');
  const value = active && state ? (state.sheet.displayValues[active.row - 1]?.[active.column - 1] ?? '') : '';
  byId('cell-content').textContent = value;
}

function render(next: PreviewState, clicksAcknowledgedBefore: number): void {
  const firstOrNewTab = !state || state.sheet.name !== next.sheet.name;
  const keepOwnSelection = !firstOrNewTab && clicksAcknowledgedBefore < clicks;
  state = next;
  document.title = `${next.title} — local preview`;
  byId('doc-title').textContent = next.title;
  const menus = JSON.stringify(next.menus);
  if (menus !== menusShown) renderMenus(byId('menus'), next.menus, runMenuItem);
  menusShown = menus;
  renderTabs(next);
  const scroll = { top: gridArea.scrollTop, left: gridArea.scrollLeft };
  table = renderGrid(next.sheet);
  table.addEventListener('click', selectCell);
  gridArea.replaceChildren(table);
  freezePanes(table, next.sheet);
  drawCharts(gridArea, table, next.charts, next.sparklines);
  if (!firstOrNewTab) Object.assign(gridArea, { scrollTop: scroll.top, scrollLeft: scroll.left });
  if (!keepOwnSelection) selection = next.sheet.selection.map(parseRect);
  showSelection(table, selection);
  showActiveCell();
  panels.update(next);
  document.body.dataset.version = next.version;
}

function renderTabs(next: PreviewState): void {
  byId('tabs').replaceChildren(
    ...next.tabs.map((tab) => {
      const button = el('button', 'tab', tab.name);
      button.setAttribute('role', 'tab');
      button.setAttribute('aria-selected', String(tab.name === next.sheet.name));
      if (tab.color) button.style.borderBottomColor = tab.color;
      button.addEventListener('click', () => void select({ sheet: tab.name }));
      return button;
    }),
  );
}

async function sync(): Promise<void> {
  if (syncing) return;
  syncing = true;
  const clicksAcknowledgedBefore = acknowledgedClicks;
  try {
    const { version } = await getJson<{ version: string }>('/api/version');
    if (version !== state?.version) render(await getJson<PreviewState>('/api/state'), clicksAcknowledgedBefore);
    status.classList.remove('offline');
  } catch {
    status.textContent = 'The local server stopped; restart npm start.';
    status.classList.add('offline');
  } finally {
    syncing = false;
  }
}

async function select(target: { sheet: string; a1?: string }, click?: number): Promise<void> {
  const answer = await postJson<Outcome>('/api/select', target);
  if (click !== undefined) acknowledgedClicks = Math.max(acknowledgedClicks, click);
  if (!answer.ok) panels.toast('Selection', answer.message);
  await sync();
}

/** Click selects a cell (or merge), shift+click extends from the anchor, ctrl/cmd+click adds a range. */
function selectCell(event: MouseEvent): void {
  const td = (event.target as HTMLElement).closest<HTMLTableCellElement>('td.cell');
  if (!td || !state || !table) return;
  const row = Number(td.dataset.row);
  const column = Number(td.dataset.column);
  const cell: Rect = { row, column, numRows: td.rowSpan, numColumns: td.colSpan };
  if (event.shiftKey && anchor) {
    const far = { row: row + td.rowSpan - 1, column: column + td.colSpan - 1 };
    const from = { row: Math.min(anchor.row, row), column: Math.min(anchor.column, column) };
    selection = [
      ...selection.slice(0, -1),
      spanning(from, { row: Math.max(anchor.row, far.row), column: Math.max(anchor.column, far.column) }),
    ];
  } else {
    anchor = { row, column };
    selection = event.ctrlKey || event.metaKey ? [...selection, cell] : [cell];
  }
  showSelection(table, selection);
  showActiveCell();
  void select({ sheet: state.sheet.name, a1: selection.map(toA1).join(',') }, ++clicks);
}

async function runMenuItem(functionName: string, label: string): Promise<void> {
  status.textContent = `Running ${label}…`;
  status.classList.add('running');
  try {
    const answer = await postJson<Outcome>('/api/menu', { fn: functionName });
    // Sheets shows an uncaught script error in a red bar; here, as an alert.
    if (!answer.ok) panels.alert(`${label} failed`, answer.message);
  } finally {
    status.textContent = '';
    status.classList.remove('running');
    await sync();
  }
}

document.addEventListener('click', () => closeMenus(byId('menus')));
void sync();
setInterval(() => void sync(), POLL_MS);
startOutbox(panels, byId('top'), byId('overlay'));
