/**
 * The "Line targets" section of Configure: which lines the Lines panel shows, and per line (or for
 * All lines) a yellow and a red threshold per metric. Lines are loaded only when the section is
 * opened, and targets and filter are sent only once the person changed them.
 */

import type { ConfigureView } from '../../src/sidebar-contract';
import {
  ALL_LINES,
  type LineTargets,
  METRIC_NAMES,
  TARGET_METRICS,
  type TargetMetric,
} from '../../src/tracker/targets';
import { byId, el, showStatus } from '../shared/dom';

/** What the form sends for this section; thresholds stay text so the server names what is wrong. */
export interface LineTargetsForm {
  lineTargets?: Record<string, Partial<Record<TargetMetric, { yellow: string; red: string }>>>;
  lineFilter?: string[];
}

type TextTargets = NonNullable<LineTargetsForm['lineTargets']>;

const UNIT_WORDS = { calls: 'calls', seconds: 'seconds', percent: '%', agents: 'agents' } as const;

const lineBoxes = () => byId('lineFilter');
const targetLine = () => byId<HTMLSelectElement>('targetLine');
const thresholdInput = (metric: TargetMetric, level: 'yellow' | 'red') =>
  byId<HTMLInputElement>(`target-${metric}-${level}`);

let targets: TextTargets = {};
let shownLine = ALL_LINES;
let targetsTouched = false;
let filterTouched = false;
let linesLoaded = false;
let lineFilter: string[] = [];

function toText(stored: LineTargets): TextTargets {
  const text: TextTargets = {};
  for (const [line, metrics] of Object.entries(stored)) {
    text[line] = {};
    for (const [metric, t] of Object.entries(metrics)) {
      text[line][metric as TargetMetric] = { yellow: String(t.yellow), red: String(t.red) };
    }
  }
  return text;
}

function metricRow(metric: TargetMetric): HTMLElement {
  const { label, unit, worse } = TARGET_METRICS[metric];
  const when = worse === 'higher' ? 'from' : 'below';
  const box = (level: 'yellow' | 'red') =>
    el(
      'label',
      {},
      `${level === 'yellow' ? 'Yellow' : 'Red'} ${when} `,
      el('input', { id: `target-${metric}-${level}`, inputmode: 'numeric', 'data-metric': metric }),
    );
  return el(
    'fieldset',
    { class: 'bare field' },
    el('legend', {}, `${label} (${UNIT_WORDS[unit]})`),
    el('div', { class: 'inline' }, box('yellow'), box('red')),
  );
}

/** Keeps what is in the inputs for the line shown; a metric with both boxes empty has no target. */
function readInputs(): void {
  const line: TextTargets[string] = {};
  for (const metric of METRIC_NAMES) {
    const yellow = thresholdInput(metric, 'yellow').value.trim();
    const red = thresholdInput(metric, 'red').value.trim();
    if (yellow || red) line[metric] = { yellow, red };
  }
  if (Object.keys(line).length > 0) targets[shownLine] = line;
  else delete targets[shownLine];
}

function showInputs(): void {
  const line = targets[shownLine] ?? {};
  for (const metric of METRIC_NAMES) {
    thresholdInput(metric, 'yellow').value = line[metric]?.yellow ?? '';
    thresholdInput(metric, 'red').value = line[metric]?.red ?? '';
  }
}

function addLineOption(select: HTMLSelectElement, value: string, label: string): void {
  if (!Array.from(select.options).some((o) => o.value === value)) select.append(new Option(label, value));
}

function lineCheckbox(value: string, label: string): HTMLElement {
  const id = `line-${value}`;
  return el(
    'div',
    { class: 'field checkbox' },
    el('input', { type: 'checkbox', id, value, checked: lineFilter.includes(value) }),
    el('label', { for: id }, label),
  );
}

/** The lines come with the Configure view; their boxes are built the first time the section opens. */
let knownLines: ConfigureView['lines'] = [];

function showLines(): void {
  if (linesLoaded) return;
  linesLoaded = true;
  showStatus(
    byId('lines-status'),
    knownLines.length ? '' : 'No lines yet: refresh the board once, then reopen Configure.',
  );
  for (const line of knownLines) {
    addLineOption(targetLine(), line.value, line.label);
    lineBoxes().append(lineCheckbox(line.value, line.label));
  }
  for (const box of Array.from(lineBoxes().querySelectorAll<HTMLInputElement>('input'))) {
    box.checked = lineFilter.includes(box.value);
  }
}

/** Called with each Configure view (on open and after a save). */
export function fillLineTargets(view: ConfigureView): void {
  knownLines = view.lines;
  targets = toText(view.settings.lineTargets);
  lineFilter = view.settings.lineFilter ?? [];
  for (const line of Object.keys(targets)) if (line !== ALL_LINES) addLineOption(targetLine(), line, `Line ${line}`);
  for (const box of Array.from(lineBoxes().querySelectorAll<HTMLInputElement>('input'))) {
    box.checked = lineFilter.includes(box.value);
  }
  showInputs();
  targetsTouched = false;
  filterTouched = false;
}

/** The section's part of the save request: only what the person changed. */
export function lineTargetsRequest(): LineTargetsForm {
  const request: LineTargetsForm = {};
  if (targetsTouched) {
    readInputs();
    request.lineTargets = targets;
  }
  if (filterTouched) {
    request.lineFilter = Array.from(lineBoxes().querySelectorAll<HTMLInputElement>('input:checked')).map(
      (b) => b.value,
    );
  }
  return request;
}

/** A closed section would hide its own error messages. */
export function revealLineTargetErrors(errors: Record<string, string>): void {
  if (errors.lineTargets || errors.lineFilter) byId<HTMLDetailsElement>('lines-section').open = true;
}

export function startLineTargets(): void {
  byId('target-metrics').append(...METRIC_NAMES.map(metricRow));
  lineBoxes().addEventListener('change', () => {
    filterTouched = true;
  });
  targetLine().addEventListener('change', () => {
    readInputs();
    shownLine = targetLine().value;
    showInputs();
  });
  byId('target-metrics').addEventListener('input', () => {
    targetsTouched = true;
  });
  const section = byId<HTMLDetailsElement>('lines-section');
  section.addEventListener('toggle', () => {
    if (section.open) showLines();
  });
}
