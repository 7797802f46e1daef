/**
 * Sidebars and dialogs are the built dist/*.html as the add-on served them, with google.script.run
 * provided by a small shim that POSTs {fn, args} to the preview server, which runs the real server
 * function in the local runtime (runtime.callFromClient).
 */

/**
 * Runs in the sidebar before its own scripts. Kept as plain ES2017 so it needs no build.
 * The arguments follow google.script.run's rules before they leave the page, as the platform's client
 * does (https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...)):
 * a Date, a function or a DOM node throws "Failed due to illegal value in property: <key>" at the call,
 * a form is legal as the only argument and arrives as its fields. runtime.callFromClient then applies
 * the rest (local/runtime/client-call.ts); docs/apps-script-notes.md lists what is unverified.
 */
const SHIM = `(() => {
  const illegal = (key) => new Error('Failed due to illegal value in property: ' + key);
  const encode = (args) => {
    if (args.length === 1 && args[0] instanceof HTMLFormElement) {
      const fields = {};
      for (const [name, value] of new FormData(args[0])) if (!(name in fields)) fields[name] = value;
      return '[' + JSON.stringify(fields) + ']';
    }
    return JSON.stringify(args, function (key, value) {
      const raw = this[key];
      const type = typeof raw;
      if (type === 'function' || type === 'symbol' || type === 'bigint') throw illegal(key);
      if (raw instanceof Date || raw instanceof Node) throw illegal(key);
      return value;
    });
  };
  const runner = (onSuccess, onFailure, userObject) => new Proxy({}, {
    get(_target, prop) {
      if (prop === 'withSuccessHandler') return (h) => runner(h, onFailure, userObject);
      if (prop === 'withFailureHandler') return (h) => runner(onSuccess, h, userObject);
      if (prop === 'withUserObject') return (o) => runner(onSuccess, onFailure, o);
      if (typeof prop !== 'string' || prop === 'then') return undefined;
      return (...args) => {
        const body = '{"fn":' + JSON.stringify(prop) + ',"args":' + encode(args) + '}';
        fetch('/api/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })
          .then((response) => response.json())
          .then(
            (answer) => {
              if (answer.ok) { if (onSuccess) onSuccess(answer.value, userObject); }
              else if (onFailure) onFailure(new Error(answer.message), userObject);
            },
            (error) => { if (onFailure) onFailure(new Error('The server did not answer: ' + error.message), userObject); },
          );
      };
    },
  });
  const close = () => parent.postMessage({ type: 'close-panel' }, location.origin);
  window.google = {
    script: { run: runner(), host: { close, setHeight() {}, setWidth() {}, editor: { focus() {} } } },
  };
})();`;

/** The page's HTML with the shim as the first script in <head> (or first thing, for a fragment). */
export function withScriptRunBridge(html: string): string {
  const tag = `<script>${SHIM}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  return tag + html;
}

export type RpcAnswer = { ok: true; value: unknown } | { ok: false; message: string };

/** One google.script.run call; errors become the failure handler's message, as in Apps Script. */
export function answerRpc(call: (fn: string, args: unknown[]) => unknown, body: unknown): RpcAnswer {
  const { fn, args } = (body ?? {}) as { fn?: unknown; args?: unknown };
  if (typeof fn !== 'string' || !Array.isArray(args)) return { ok: false, message: 'Malformed google.script.run call' };
  try {
    // undefined drops out of the JSON, so the success handler gets undefined as in Apps Script.
    return { ok: true, value: call(fn, args) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
