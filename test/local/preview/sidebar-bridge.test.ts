import { describe, expect, it } from '@jest/globals';
import { answerRpc, withScriptRunBridge } from '../../../local/preview/sidebar-bridge';

describe('google.script.run bridge for sidebars', () => {
  it('puts the shim before the page’s own scripts, inside <head>', () => {
    const html = withScriptRunBridge('<!DOCTYPE html><html><head lang="en"><script>main()</script></head></html>');
    expect(html.startsWith('<!DOCTYPE html><html><head lang="en"><script>(() => {')).toBe(true);
    expect(html.indexOf('google = {')).toBeLessThan(html.indexOf('main()'));
  });

  it('prepends the shim to a fragment without <head>', () => {
    expect(withScriptRunBridge('<p>hi</p>')).toMatch(/^<script>[\s\S]*<\/script><p>hi<\/p>$/);
  });

  it('answers the server function’s value, or its error message for the failure handler', () => {
    const call = (fn: string, args: unknown[]) => {
      if (fn === 'boom') throw new Error('Exception: Aircall rejected the key');
      return { fn, args };
    };
    expect(answerRpc(call, { fn: 'getCallHistory', args: [{ scope: 'all' }] })).toEqual({
      ok: true,
      value: { fn: 'getCallHistory', args: [{ scope: 'all' }] },
    });
    expect(answerRpc(call, { fn: 'boom', args: [] })).toEqual({
      ok: false,
      message: 'Exception: Aircall rejected the key',
    });
    expect(answerRpc(call, { fn: 'x' })).toEqual({ ok: false, message: 'Malformed google.script.run call' });
  });
});
