import { describe, expect, it } from '@jest/globals';
import { previewState } from '../../../local/preview/state';
import { createRuntime, manualClock } from '../../../local/runtime/index';

describe('what the preview page is sent', () => {
  const runtime = createRuntime({ clock: manualClock() });
  runtime.run('onOpen', [], { kind: 'simple-trigger' });
  runtime.run('setupFromMenu');

  it('lists the tabs, the two menus and the active tab cut to its used area plus a margin', () => {
    const state = previewState(runtime, '3.0');
    expect(state.version).toBe('3.0');
    expect(state.tabs.map((t) => t.name)).toContain('Activity Tracker');
    expect(state.menus.map((m) => m.title)).toEqual(['Activity Tracker', 'Calls']);
    const sheet = state.sheet;
    expect(sheet.name).toBe('Activity Tracker');
    expect(sheet.rows).toBeLessThan(100);
    expect(sheet.displayValues.length).toBeLessThanOrEqual(sheet.rows);
    expect(sheet.displayValues.flat().join(' ')).toContain('Aircall Activity Tracker');
  });

  it('carries the toasts shown so far with their place in the log, and the selection', () => {
    runtime.spreadsheet.setActive('Activity Tracker', 'B3:C4,A1');
    const state = previewState(runtime, '4.1');
    expect(state.sheet.selection).toEqual(['B3:C4', 'A1']);
    const last = state.toasts.at(-1);
    expect(last?.index).toBe(runtime.ui.toasts.length - 1);
    expect(last?.message).toMatch(/Activity Tracker tab is ready/);
    expect(state.sidebar).toBeNull();
  });
});
