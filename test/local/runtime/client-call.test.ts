/**
 * google.script.run's transport, as the HtmlService guide states it
 * (https://developers.google.com/apps-script/guides/html/communication and
 * https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...)): primitives, null, and
 * objects and arrays made of them are legal; a Date, a function, a DOM element other than a form (which must
 * be the only argument) or a circular object makes the call fail; undefined in an array becomes null; the
 * server works on a copy. Return values have the same restrictions. What the guide does not state is in
 * docs/apps-script-notes.md (HtmlService and google.script.run), marked unverified.
 */
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from '@jest/globals';
import { withScriptRunBridge } from '../../../local/preview/sidebar-bridge';
import { serializeArguments, serializeResult } from '../../../local/runtime/client-call';
import { createRuntime } from '../../../local/runtime/index';
import { scriptDir } from './support';

const SERVER = `
  function echo(value) { return value; }
  function touch(value) { value.list.push('server'); value.name = 'changed'; return value; }
  function when() { return [1, { at: new Date(0) }]; }
  function loop() { var a = { n: 1 }; a.self = a; return a; }
`;

describe('google.script.run arguments (the HtmlService guide)', () => {
  it('passes primitives, null and nested objects and arrays unchanged', () => {
    const value = { n: 1.5, s: 'Zoë', t: true, none: null, list: [1, 'two', [3], { four: 4 }] };
    expect(serializeArguments([value, 7, 'x', false, null])).toEqual([value, 7, 'x', false, null]);
  });

  it('gives the server a copy: what it changes does not change the caller’s object', () => {
    const runtime = createRuntime({ distDir: scriptDir(SERVER) });
    const mine = { name: 'Support', list: ['client'] };
    const answer = runtime.callFromClient<{ name: string; list: string[] }>('touch', [mine]);
    expect(answer).toEqual({ name: 'changed', list: ['client', 'server'] });
    expect(mine).toEqual({ name: 'Support', list: ['client'] });
  });

  it('turns undefined inside an array into null', () => {
    expect(serializeArguments([[1, undefined, 3]])).toEqual([[1, null, 3]]);
  });

  it.each([
    ['a Date', [new Date(0)], '0'],
    ['a function', ['ok', () => 1], '1'],
    ['a Date inside an object', [{ filters: { from: new Date(0) } }], 'from'],
    ['a function inside an array', [[1, 2, () => 3]], '2'],
    ['a symbol', [{ tag: Symbol('x') }], 'tag'],
  ])('fails the call on %s, naming the property, before the server runs', (_what, args, property) => {
    const runtime = createRuntime({ distDir: scriptDir(SERVER) });
    expect(() => runtime.callFromClient('echo', args)).toThrow(`Failed due to illegal value in property: ${property}`);
    expect(runtime.executions).toEqual([]);
  });

  it('fails on a circular object but accepts the same object twice', () => {
    const loop: Record<string, unknown> = { n: 1 };
    loop.self = loop;
    expect(() => serializeArguments([loop])).toThrow('Failed due to illegal value in property: self');
    const shared = { id: 3 };
    expect(serializeArguments([{ a: shared, b: shared }])).toEqual([{ a: { id: 3 }, b: { id: 3 } }]);
  });
});

describe('google.script.run return values', () => {
  it('returns plain values as a copy, undefined in arrays as null', () => {
    expect(serializeResult({ rows: [[1, undefined]], ok: true })).toEqual({ rows: [[1, null]], ok: true });
    expect(serializeResult(undefined)).toBeUndefined();
  });

  it('delivers null to the success handler for a value holding a Date or a cycle (observed, see the notes)', () => {
    const runtime = createRuntime({ distDir: scriptDir(SERVER) });
    expect(runtime.callFromClient('when')).toBeNull();
    expect(runtime.callFromClient('loop')).toBeNull();
    expect(runtime.callFromClient('echo', ['still works'])).toBe('still works');
  });
});

/** The preview's google.script.run (local/preview/sidebar-bridge.ts), run as a page would, with a minimal DOM. */
function previewPage() {
  const sent: string[] = [];
  const context = createContext({
    fetch: (_url: string, init: { body: string }) => {
      sent.push(init.body);
      return new Promise(() => {});
    },
    parent: { postMessage() {} },
    location: { origin: 'http://localhost' },
  });
  runInContext(
    `this.window = this;
     class Node {}
     class HTMLFormElement extends Node { constructor(fields) { super(); this.fields = fields; } }
     class FormData { constructor(form) { this.form = form; } [Symbol.iterator]() { return this.form.fields[Symbol.iterator](); } }
     this.Node = Node; this.HTMLFormElement = HTMLFormElement; this.FormData = FormData;`,
    context,
  );
  const html = withScriptRunBridge('');
  runInContext(html.slice('<script>'.length, html.lastIndexOf('</script>')), context);
  return {
    call: (source: string) => runInContext(source, context),
    sent: () => sent.map((body) => JSON.parse(body) as { fn: string; args: unknown[] }),
  };
}

describe('the preview sidebars’ google.script.run', () => {
  it('sends plain arguments, undefined in arrays as null', () => {
    const page = previewPage();
    page.call(`google.script.run.withSuccessHandler(() => {}).saveSettings({ teams: [1, undefined], name: 'Zoë' }, 2)`);
    expect(page.sent()).toEqual([{ fn: 'saveSettings', args: [{ teams: [1, null], name: 'Zoë' }, 2] }]);
  });

  it.each([
    ['a Date', 'google.script.run.f(new Date(0))', '0'],
    ['a Date inside an object', 'google.script.run.f({ range: { from: new Date(0) } })', 'from'],
    ['a function', 'google.script.run.f(1, () => 2)', '1'],
    ['a DOM element other than a form', 'google.script.run.f({ cell: new Node() })', 'cell'],
    ['a form beside another argument', "google.script.run.f(new HTMLFormElement([['a', '1']]), 'x')", '0'],
  ])('throws at the call on %s and sends nothing', (_what, source, property) => {
    const page = previewPage();
    expect(() => page.call(source)).toThrow(`Failed due to illegal value in property: ${property}`);
    expect(page.sent()).toEqual([]);
  });

  it('sends a form given as the only argument as its fields', () => {
    const page = previewPage();
    page.call(`google.script.run.submit(new HTMLFormElement([['agent', 'Ana'], ['team', '7']]))`);
    expect(page.sent()).toEqual([{ fn: 'submit', args: [{ agent: 'Ana', team: '7' }] }]);
  });
});
