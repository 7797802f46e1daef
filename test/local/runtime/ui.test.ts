import { describe, expect, it } from '@jest/globals';
import { createRuntime } from '../../../local/runtime/index';
import { scriptDir } from './support';

const SCRIPT = `
function onOpen() {
  var ui = SpreadsheetApp.getUi();
  ui.createMenu('Activity Tracker')
    .addItem('Refresh', 'refresh')
    .addSeparator()
    .addSubMenu(ui.createMenu('Calls').addItem('All Users', 'allUsers'))
    .addToUi();
}
function confirm() {
  var ui = SpreadsheetApp.getUi();
  return String(ui.alert('Reset', 'Clear the board?', ui.ButtonSet.YES_NO)) + ':' + (ui.alert('Done') === ui.Button.OK);
}
function ask() {
  var ui = SpreadsheetApp.getUi();
  var r = ui.prompt('Team name', ui.ButtonSet.OK_CANCEL);
  return [String(r.getSelectedButton()), r.getResponseText(), r.getSelectedButton() === ui.Button.CANCEL];
}
function sidebar() {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Tracker'));
}
function toast() { SpreadsheetApp.getActiveSpreadsheet().toast('Refreshed', 'Board', 5); }
`;

describe('Ui', () => {
  it('records menus; running onOpen again replaces them rather than adding duplicates', () => {
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT) });
    runtime.run('onOpen', [], { kind: 'simple-trigger' });
    runtime.run('onOpen', [], { kind: 'simple-trigger' });
    expect(runtime.ui.menus).toEqual([
      {
        title: 'Activity Tracker',
        addon: false,
        items: [
          { label: 'Refresh', functionName: 'refresh' },
          { separator: true },
          { submenu: { title: 'Calls', addon: false, items: [{ label: 'All Users', functionName: 'allUsers' }] } },
        ],
      },
    ]);
    expect(runtime.ui.menuFunction('Activity Tracker > Calls > All Users')).toBe('allUsers');
  });

  it('answers alerts with queued buttons, else the default one', () => {
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT) });
    runtime.answerNextDialog({ button: 'NO' });
    expect(runtime.run('confirm')).toBe('NO:true');
    expect(runtime.ui.alerts.map(({ title, message, buttons, answer }) => [title, message, buttons, answer])).toEqual([
      ['Reset', 'Clear the board?', 'YES_NO', 'NO'],
      ['', 'Done', 'OK', 'OK'],
    ]);
  });

  it('answers prompts with the queued text and button', () => {
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT) });
    runtime.answerNextDialog({ button: 'CANCEL', text: 'Support' });
    expect(runtime.run('ask')).toEqual(['CANCEL', 'Support', true]);
  });

  it('records sidebars with their title, HTML and file', () => {
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT, { 'Sidebar.html': '<p>Hello</p>' }) });
    runtime.run('sidebar');
    expect(runtime.ui.sidebars).toEqual([
      { title: 'Tracker', html: '<p>Hello</p>', file: 'Sidebar', width: undefined, height: undefined },
    ]);
  });

  it('records toasts', () => {
    const runtime = createRuntime({ distDir: scriptDir(SCRIPT) });
    runtime.run('toast');
    expect(runtime.ui.toasts.map(({ message, title, timeoutSeconds }) => [message, title, timeoutSeconds])).toEqual([
      ['Refreshed', 'Board', 5],
    ]);
  });
});
