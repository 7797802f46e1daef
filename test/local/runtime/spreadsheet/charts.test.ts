/**
 * Embedded charts in the fake Sheet, as developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
 * describes them: built from ranges, placed by insertChart, listed, modified and removed.
 */
import { describe, expect, it } from '@jest/globals';
import { chartsOf } from '../../../../local/runtime/spreadsheet/charts.js';
import { newDocument } from './fixture.js';

describe('embedded charts', () => {
  it('newChart → insertChart keeps type, source ranges, anchor and options', () => {
    const { model, sheet } = newDocument();
    const chart = sheet
      .newChart()
      .addRange(sheet.getRange('A1:A25'))
      .addRange(sheet.getRange('B1:C25'))
      .asColumnChart()
      .setNumHeaders(1)
      .setPosition(28, 2, 5, 0)
      .setOption('title', 'Answered vs missed')
      .build();
    expect(chart.getChartId()).toBeNull();
    sheet.insertChart(chart);
    expect(chartsOf(model.sheets[0])).toEqual([
      {
        id: expect.any(Number),
        type: 'COLUMN',
        ranges: ['Sheet1!A1:A25', 'Sheet1!B1:C25'],
        numHeaders: 1,
        position: { row: 28, column: 2, offsetX: 5, offsetY: 0 },
        options: { title: 'Answered vs missed' },
      },
    ]);
    const [listed] = sheet.getCharts();
    expect(listed.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:A25', 'B1:C25']);
    expect([listed.getContainerInfo().getAnchorRow(), listed.getOptions().get('title')]).toEqual([
      28,
      'Answered vs missed',
    ]);
  });

  it('modify → updateChart changes a placed chart; removeChart takes it away', () => {
    const { sheet } = newDocument();
    sheet.insertChart(sheet.newChart().addRange(sheet.getRange('A1:B5')).asLineChart().build());
    const [placed] = sheet.getCharts();
    sheet.updateChart(placed.modify().asAreaChart().setPosition(10, 1, 0, 0).build());
    const [updated] = sheet.getCharts();
    expect([updated.getChartId(), updated.getContainerInfo().getAnchorRow()]).toEqual([placed.getChartId(), 10]);
    sheet.removeChart(updated);
    expect(sheet.getCharts()).toEqual([]);
  });

  it('refuses a chart without data, a chart placed twice and an unknown type', () => {
    const { sheet } = newDocument();
    expect(() => sheet.newChart().build()).toThrow(/no data/);
    const chart = sheet.newChart().addRange(sheet.getRange('A1:A2')).build();
    sheet.insertChart(chart);
    expect(() => sheet.insertChart(chart)).toThrow(/already/);
    expect(() => sheet.newChart().setChartType('PIZZA' as unknown as GoogleAppsScript.Charts.ChartType)).toThrow(
      /Unsupported chart type/,
    );
  });
});
