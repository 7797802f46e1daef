/**
 * onSelectionChange(e): the simple trigger Sheets runs when a user selects cells, with the
 * selected range, the document and the user in its event
 * (developers.google.com/apps-script/guides/triggers#onselectionchangee,
 * developers.google.com/apps-script/guides/triggers/events#change_selection).
 */
import { describe, expect, it } from '@jest/globals';
import { createRuntime } from '../../../local/runtime/index';
import { scriptDir } from './support';

const WITH_TRIGGER = `
function onSelectionChange(e) {
  var range = e.range;
  PropertiesService.getDocumentProperties().setProperty('last', [
    range.getSheet().getName() + '!' + range.getA1Notation(), String(e.authMode), e.user.getEmail(), e.source.getName(),
  ].join(' | '));
}
function last() { return PropertiesService.getDocumentProperties().getProperty('last'); }
function docName() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }
`;

describe('onSelectionChange', () => {
  it('runs as a simple trigger with the selected range, the document and the user', () => {
    const runtime = createRuntime({ distDir: scriptDir(WITH_TRIGGER), user: 'owner@example.com' });
    const sheet = runtime.spreadsheet.sheetNames()[0];
    expect(runtime.select(sheet, 'B2:C4')).toBe(true);
    const [run] = runtime.executions;
    expect(run).toMatchObject({ name: 'onSelectionChange', kind: 'simple-trigger' });
    expect(run.error).toBeUndefined();
    expect(runtime.run('last')).toBe(`${sheet}!B2:C4 | LIMITED | owner@example.com | ${runtime.run('docName')}`);
  });

  it('gives a blank user on a consumer account for someone else than the owner', () => {
    const runtime = createRuntime({ distDir: scriptDir(WITH_TRIGGER), account: 'consumer', user: 'owner@gmail.com' });
    const sheet = runtime.spreadsheet.sheetNames()[0];
    runtime.select(sheet, 'A1', 'agent@gmail.com');
    expect(runtime.run<string>('last').split(' | ')[2]).toBe('');
  });

  it('runs nothing for a script without the trigger, and still moves the selection', () => {
    const runtime = createRuntime({ distDir: scriptDir('function other() {}') });
    const sheet = runtime.spreadsheet.sheetNames()[0];
    expect(runtime.select(sheet, 'D5')).toBe(false);
    expect(runtime.executions).toEqual([]);
    expect(runtime.spreadsheet.sheetByName(sheet)?.selection).toEqual(['D5']);
  });
});
