/**
 * Draws the active tab's embedded charts (line, column, area) as SVG floating over the grid at their
 * anchor cell, and SPARKLINE cells as small polylines, roughly as Sheets would. Text (titles, series
 * names, categories) goes in through textContent only.
 */
import type { ChartView, SparklineView } from '../chart-data.js';

const SVG = 'http://www.w3.org/2000/svg';
const COLORS = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6'];
const DEFAULT_ROW_HEIGHT = 21;
const PAD = { top: 36, right: 36, bottom: 48, left: 44 };

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

function text(x: number, y: number, content: string, attributes: Record<string, string | number> = {}) {
  const element = svg('text', {
    x,
    y,
    'font-size': 11,
    fill: '#5f6368',
    'font-family': 'Arial, sans-serif',
    ...attributes,
  });
  element.textContent = content;
  return element;
}

/** Where an anchor cell's top-left corner sits in the table, extrapolating below the rows drawn. */
function anchorPoint(table: HTMLTableElement, row: number, column: number): { x: number; y: number } {
  const rows = table.tBodies[0]?.rows ?? [];
  const header = table.tHead?.rows[0];
  const x = header?.cells[column] ? (header.cells[column] as HTMLElement).offsetLeft : 0;
  const drawn = rows[Math.min(row, rows.length) - 1] as HTMLElement | undefined;
  if (!drawn) return { x, y: 0 };
  const extra = Math.max(0, row - rows.length) * DEFAULT_ROW_HEIGHT;
  return { x, y: drawn.offsetTop + extra };
}

function niceMax(values: number[]): number {
  const max = Math.max(1, ...values);
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
}

function drawChart(chart: ChartView): SVGSVGElement {
  const { width, height } = chart;
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img' });
  root.setAttribute('aria-label', chart.title);
  root.append(svg('rect', { width, height, fill: '#fff', stroke: '#dadce0' }));
  root.append(text(PAD.left, 22, chart.title, { 'font-size': 14, fill: '#202124' }));
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const numbers = (right: boolean) =>
    chart.series.filter((s) => s.right === right).flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = niceMax(numbers(false));
  const rightMax = niceMax(numbers(true));
  const hasRight = chart.series.some((s) => s.right);
  const y = (v: number, right = false) => PAD.top + plotH - (v / (right ? rightMax : max)) * plotH;
  const n = Math.max(1, chart.categories.length);
  const slot = plotW / n;
  const x = (i: number) => PAD.left + slot * (i + 0.5);
  for (let t = 0; t <= 4; t++) {
    const v = (max / 4) * t;
    root.append(svg('line', { x1: PAD.left, x2: PAD.left + plotW, y1: y(v), y2: y(v), stroke: '#e8eaed' }));
    root.append(text(PAD.left - 6, y(v) + 4, String(Math.round(v * 10) / 10), { 'text-anchor': 'end' }));
    if (hasRight) root.append(text(PAD.left + plotW + 4, y(v) + 4, String(Math.round((rightMax / 4) * t))));
  }
  chart.categories.forEach((category, i) => {
    if (i % 3 === 0)
      root.append(text(x(i), PAD.top + plotH + 14, category, { 'text-anchor': 'middle', 'font-size': 10 }));
  });
  chart.series.forEach((series, s) => {
    const color = COLORS[s % COLORS.length];
    if (chart.type === 'COLUMN' || chart.type === 'BAR') {
      const barW = (slot * 0.8) / chart.series.length;
      series.values.forEach((v, i) => {
        if (v === null) return;
        const left = PAD.left + slot * i + slot * 0.1 + barW * s;
        root.append(svg('rect', { x: left, y: y(v), width: Math.max(1, barW - 1), height: y(0) - y(v), fill: color }));
      });
    } else {
      // Blank hours break the line, as Sheets leaves gaps for empty cells.
      const runs: string[][] = [[]];
      series.values.forEach((v, i) => {
        if (v === null) runs.push([]);
        else runs.at(-1)!.push(`${x(i)},${y(v, series.right)}`);
      });
      for (const run of runs.filter((r) => r.length > 0)) {
        if (chart.type === 'AREA') {
          const first = run[0].split(',')[0];
          const last = run.at(-1)!.split(',')[0];
          const area = `${first},${y(0)} ${run.join(' ')} ${last},${y(0)}`;
          root.append(svg('polygon', { points: area, fill: color, 'fill-opacity': 0.3 }));
        }
        root.append(svg('polyline', { points: run.join(' '), fill: 'none', stroke: color, 'stroke-width': 2 }));
        if (run.length === 1) {
          const [cx, cy] = run[0].split(',');
          root.append(svg('circle', { cx, cy, r: 3, fill: color }));
        }
      }
    }
    const legendX = PAD.left + s * 170;
    root.append(svg('rect', { x: legendX, y: height - 18, width: 10, height: 10, fill: color }));
    root.append(text(legendX + 14, height - 9, series.right ? `${series.name} (right axis)` : series.name));
  });
  return root;
}

function drawSparkline(values: number[], width: number, height: number): SVGSVGElement {
  const root = svg('svg', { width, height, class: 'sparkline' });
  if (values.length === 0) return root;
  const max = Math.max(...values);
  const min = Math.min(...values);
  const span = max - min || 1;
  const step = values.length > 1 ? (width - 4) / (values.length - 1) : 0;
  const points = values.map((v, i) => `${2 + i * step},${height - 2 - ((v - min) / span) * (height - 4)}`).join(' ');
  root.append(svg('polyline', { points, fill: 'none', stroke: '#4285f4', 'stroke-width': 1.5 }));
  return root;
}

/** Call after the table is in the page: charts go in a layer over the grid area, sparklines into their cells. */
export function drawCharts(
  area: HTMLElement,
  table: HTMLTableElement,
  charts: readonly ChartView[],
  sparklines: readonly SparklineView[],
): void {
  for (const { row, column, values } of sparklines) {
    const td = table.querySelector<HTMLTableCellElement>(`td[data-row="${row}"][data-column="${column}"]`);
    if (!td) continue;
    const width = Math.max(20, td.clientWidth - 8);
    td.replaceChildren(
      drawSparkline(
        values.filter((v): v is number => v !== null),
        width,
        16,
      ),
    );
  }
  if (charts.length === 0) return;
  const layer = document.createElement('div');
  layer.className = 'chart-layer';
  Object.assign(layer.style, { position: 'absolute', left: '0', top: '0', width: '0', height: '0', zIndex: '2' });
  for (const chart of charts) {
    const { x, y } = anchorPoint(table, chart.row, chart.column);
    const drawn = drawChart(chart);
    Object.assign(drawn.style, { position: 'absolute', left: `${x}px`, top: `${y}px`, boxShadow: '0 1px 3px #0003' });
    layer.append(drawn);
  }
  area.append(layer);
}
