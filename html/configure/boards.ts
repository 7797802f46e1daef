/**
 * The "Boards" section of Configure: extra board tabs, each with its own teams and lines. The list
 * is sent whole, and only once the person changed it, so saving the SLA never touches the boards.
 * Team and line names from Aircall go in as text nodes (dom.ts).
 */
import type { ConfigureView, SettingsForm } from '../../src/sidebar-contract';
import { byId, el } from '../shared/dom';

interface BoardDraft {
  name: string;
  /** The stored name, for a board that already was one: its tab is renamed with it. */
  from?: string;
  teams: Set<string>;
  lines: Set<string>;
}

type Option = { value: string; label: string };

let drafts: BoardDraft[] = [];
let teamOptions: Option[] = [];
let lineOptions: Option[] = [];
let touched = false;

const list = () => byId('boards-list');

function changed(): void {
  touched = true;
}

function checkboxes(
  idPrefix: string,
  legend: string,
  options: Option[],
  chosen: Set<string>,
  empty: string,
): HTMLElement {
  const boxes = options.map((option) => {
    const id = `${idPrefix}-${option.value}`;
    const box = el('input', { type: 'checkbox', id, value: option.value, checked: chosen.has(option.value) });
    box.addEventListener('change', () => {
      if (box.checked) chosen.add(option.value);
      else chosen.delete(option.value);
      changed();
    });
    return el('div', { class: 'field checkbox' }, box, el('label', { for: id }, option.label));
  });
  return el(
    'details',
    { class: 'board-choices' },
    el('summary', {}, legend),
    ...(boxes.length > 0 ? boxes : [el('p', { class: 'hint' }, empty)]),
  );
}

function boardFields(draft: BoardDraft, index: number): HTMLElement {
  const nameId = `board-name-${index}`;
  const name = el('input', { id: nameId, class: 'board-name', autocomplete: 'off', maxlength: '50' });
  name.value = draft.name;
  name.addEventListener('input', () => {
    draft.name = name.value;
    changed();
  });
  const remove = el('button', { type: 'button', class: 'secondary board-remove' }, 'Remove this board');
  remove.addEventListener('click', () => {
    drafts.splice(index, 1);
    changed();
    render();
  });
  return el(
    'fieldset',
    { class: 'board' },
    el('legend', {}, `Board ${index + 1}`),
    el('div', { class: 'field' }, el('label', { for: nameId }, 'Tab name'), name),
    checkboxes(
      `board-${index}-team`,
      'Teams (none ticked = all)',
      teamOptions,
      draft.teams,
      'Teams appear once a key works.',
    ),
    checkboxes(
      `board-${index}-line`,
      'Lines (none ticked = lines with calls or a target)',
      lineOptions,
      draft.lines,
      'No lines yet.',
    ),
    remove,
  );
}

function render(): void {
  list().replaceChildren(...drafts.map(boardFields));
}

export function fillBoards(view: ConfigureView): void {
  teamOptions = view.teams;
  lineOptions = view.lines;
  drafts = view.settings.boards.map((board) => ({
    name: board.name,
    from: board.name,
    teams: new Set(board.teamFilter ?? []),
    lines: new Set(board.lineFilter ?? []),
  }));
  touched = false;
  render();
}

export function startBoards(): void {
  byId('add-board').addEventListener('click', () => {
    drafts.push({ name: '', teams: new Set(), lines: new Set() });
    changed();
    render();
    list().querySelector<HTMLInputElement>('.board:last-child .board-name')?.focus();
  });
}

/** The whole list once changed here; nothing otherwise (a colleague's boards stay as they are). */
export function boardsRequest(): Pick<SettingsForm, 'boards'> {
  if (!touched) return {};
  return {
    boards: drafts.map((draft) => ({
      name: draft.name,
      teamFilter: draft.teams.size > 0 ? [...draft.teams] : null,
      lineFilter: draft.lines.size > 0 ? [...draft.lines] : null,
      ...(draft.from === undefined ? {} : { from: draft.from }),
    })),
  };
}

/** A boards error is shown with the section open. */
export function revealBoardErrors(errors: Record<string, string>): void {
  if (errors.boards) byId<HTMLDetailsElement>('boards-section').open = true;
}
