/**
 * Embedded charts: Sheet.newChart() builds one (type, source ranges, position, options), insertChart
 * places it, getCharts/updateChart/removeChart manage it, as in
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder.
 * Nothing is drawn here: the model keeps what a chart shows so tests, the dump and the preview can.
 */
import { gasError } from '../errors.js';
import type { Implements } from '../gas-types.js';
import { parseA1, toA1 } from './a1.js';
import type { FakeContext } from './context.js';
import { FakeRange } from './range.js';
import type { SheetModel } from './sheet-model.js';

type GasBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GasChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

/** A chart as it sits on a tab. */
export interface ChartModel {
  id: number;
  /** Charts.ChartType's name: "LINE", "COLUMN", "AREA"… */
  type: string;
  /** Source ranges as "Tab!A1:B2", header rows included. */
  ranges: string[];
  numHeaders: number;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

const chartsBySheet = new WeakMap<SheetModel, ChartModel[]>();
let nextChartId = 1;

/** The charts on a tab, in insertion order (the live list: the fakes edit it). */
export function chartsOf(sheet: SheetModel): ChartModel[] {
  let charts = chartsBySheet.get(sheet);
  if (!charts) {
    charts = [];
    chartsBySheet.set(sheet, charts);
  }
  return charts;
}

/** Charts.ChartType values as the script sees them; the runtime exposes names, like other enums. */
const CHART_TYPES = ['AREA', 'BAR', 'COLUMN', 'COMBO', 'HISTOGRAM', 'LINE', 'PIE', 'SCATTER', 'TABLE'] as const;

function typeName(type: unknown): string {
  const name = String(type);
  if (!(CHART_TYPES as readonly string[]).includes(name)) throw gasError(`Unsupported chart type: ${name}.`);
  return name;
}

function rangeA1(range: FakeRange): string {
  return `${range.sheetModel.name}!${toA1(range.rect)}`;
}

type BuilderMethods =
  | 'addRange'
  | 'removeRange'
  | 'clearRanges'
  | 'getRanges'
  | 'setChartType'
  | 'getChartType'
  | 'asAreaChart'
  | 'asBarChart'
  | 'asColumnChart'
  | 'asLineChart'
  | 'asPieChart'
  | 'asScatterChart'
  | 'asTableChart'
  | 'setNumHeaders'
  | 'setOption'
  | 'setPosition'
  | 'getContainer'
  | 'build';

export class FakeEmbeddedChartBuilder implements Implements<GasBuilder, BuilderMethods> {
  static readonly gasName = 'EmbeddedChartBuilder';
  private readonly spec: Omit<ChartModel, 'id'> & { id: number | null };
  private readonly sources: FakeRange[];

  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: SheetModel,
    from?: { chart: ChartModel; sources: FakeRange[] },
  ) {
    this.spec = from
      ? structuredClone(from.chart)
      : {
          id: null,
          type: 'LINE',
          ranges: [],
          numHeaders: -1,
          position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
          options: {},
        };
    this.sources = from ? [...from.sources] : [];
  }

  addRange(range: GoogleAppsScript.Spreadsheet.Range | FakeRange): this {
    if (!(range instanceof FakeRange)) throw gasError('Invalid argument: range');
    this.sources.push(range);
    return this;
  }
  removeRange(range: GoogleAppsScript.Spreadsheet.Range | FakeRange): this {
    const target = range as FakeRange;
    const index = this.sources.findIndex((r) => rangeA1(r) === rangeA1(target));
    if (index >= 0) this.sources.splice(index, 1);
    return this;
  }
  clearRanges(): this {
    this.sources.length = 0;
    return this;
  }
  getRanges(): FakeRange[] {
    return [...this.sources];
  }
  setChartType(type: GoogleAppsScript.Charts.ChartType | string): this {
    this.spec.type = typeName(type);
    return this;
  }
  getChartType(): string {
    return this.spec.type;
  }
  private as(type: string): this {
    this.spec.type = type;
    return this;
  }
  asAreaChart() {
    return this.as('AREA');
  }
  asBarChart() {
    return this.as('BAR');
  }
  asColumnChart() {
    return this.as('COLUMN');
  }
  asLineChart() {
    return this.as('LINE');
  }
  asPieChart() {
    return this.as('PIE');
  }
  asScatterChart() {
    return this.as('SCATTER');
  }
  asTableChart() {
    return this.as('TABLE');
  }
  setNumHeaders(headers: number): this {
    this.spec.numHeaders = headers;
    return this;
  }
  setOption(option: string, value: unknown): this {
    this.spec.options[option] = value;
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    if (![anchorRowPos, anchorColPos].every((n) => Number.isInteger(n) && n >= 1)) {
      throw gasError('Those rows are out of bounds.');
    }
    this.spec.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }
  getContainer(): FakeContainerInfo {
    return new FakeContainerInfo(this.spec.position);
  }
  build(): FakeEmbeddedChart {
    if (this.sources.length === 0) throw gasError('The chart has no data. Add a range with addRange.');
    const chart: ChartModel = {
      ...structuredClone(this.spec),
      id: this.spec.id ?? 0,
      ranges: this.sources.map(rangeA1),
    };
    return new FakeEmbeddedChart(this.ctx, this.sheet, chart, [...this.sources]);
  }
}

export class FakeContainerInfo
  implements Implements<GoogleAppsScript.Spreadsheet.ContainerInfo, keyof GoogleAppsScript.Spreadsheet.ContainerInfo>
{
  static readonly gasName = 'ContainerInfo';
  constructor(private readonly position: ChartModel['position']) {}
  getAnchorColumn(): number {
    return this.position.column;
  }
  getAnchorRow(): number {
    return this.position.row;
  }
  getOffsetX(): number {
    return this.position.offsetX;
  }
  getOffsetY(): number {
    return this.position.offsetY;
  }
}

class FakeChartOptions implements Implements<GoogleAppsScript.Charts.ChartOptions, 'get'> {
  static readonly gasName = 'ChartOptions';
  constructor(private readonly options: Record<string, unknown>) {}
  get(option: string): unknown {
    return this.options[option] ?? null;
  }
}

type ChartMethods = 'getChartId' | 'getContainerInfo' | 'getNumHeaders' | 'getOptions' | 'getRanges' | 'modify';

/** A built chart: detached until insertChart gives it an id. */
export class FakeEmbeddedChart implements Implements<GasChart, ChartMethods> {
  static readonly gasName = 'EmbeddedChart';
  constructor(
    private readonly ctx: FakeContext,
    readonly sheet: SheetModel,
    readonly chart: ChartModel,
    readonly sources: FakeRange[],
  ) {}

  getChartId(): number | null {
    return this.chart.id === 0 ? null : this.chart.id;
  }
  getContainerInfo(): FakeContainerInfo {
    return new FakeContainerInfo(this.chart.position);
  }
  getNumHeaders(): number {
    return this.chart.numHeaders;
  }
  getOptions(): FakeChartOptions {
    return new FakeChartOptions(this.chart.options);
  }
  getRanges(): FakeRange[] {
    return [...this.sources];
  }
  modify(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this.ctx, this.sheet, { chart: this.chart, sources: this.sources });
  }
}

/** Sheet.newChart/insertChart/getCharts/updateChart/removeChart for one tab. */
export class SheetCharts {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: SheetModel,
  ) {}

  newChart(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this.ctx, this.sheet);
  }

  private unwrap(chart: unknown): FakeEmbeddedChart {
    if (!(chart instanceof FakeEmbeddedChart)) throw gasError('Invalid argument: chart');
    return chart;
  }

  insert(chart: unknown): void {
    const built = this.unwrap(chart);
    if (built.chart.id !== 0) throw gasError('This chart is already on a sheet: use updateChart.');
    built.chart.id = nextChartId++;
    chartsOf(this.sheet).push(built.chart);
  }

  list(): FakeEmbeddedChart[] {
    const sources = (chart: ChartModel) =>
      chart.ranges.map((a1) => {
        const [tab, cells] = [a1.slice(0, a1.lastIndexOf('!')), a1.slice(a1.lastIndexOf('!') + 1)];
        const target = this.ctx.doc.sheetByName(tab) ?? this.sheet;
        return new FakeRange(this.ctx, target, parseA1(cells, target.maxRows, target.maxColumns));
      });
    return chartsOf(this.sheet).map((chart) => new FakeEmbeddedChart(this.ctx, this.sheet, chart, sources(chart)));
  }

  update(chart: unknown): void {
    const built = this.unwrap(chart);
    const charts = chartsOf(this.sheet);
    const index = charts.findIndex((c) => c.id === built.chart.id);
    if (index < 0) throw gasError('The chart is not on this sheet.');
    charts[index] = built.chart;
  }

  remove(chart: unknown): void {
    const built = this.unwrap(chart);
    const charts = chartsOf(this.sheet);
    const index = charts.findIndex((c) => c.id === built.chart.id);
    if (index >= 0) charts.splice(index, 1);
  }
}
