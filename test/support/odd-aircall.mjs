// A proxy in front of the simulated Aircall that rewrites its JSON answers: the odd records a real
// account may hold (a team or line without a name, a call without answered_at, text longer than a
// cell). It runs in its own process, since the runtime's UrlFetchApp blocks the test's thread while
// it waits. Rules are set with POST /__odd/rules: [{ path, key, field, value | text+times | remove, index? }].
import http from 'node:http';

const target = process.env.ODD_AIRCALL_TARGET;
let rules = [];

function setField(item, field, rule) {
  const parts = field.split('.');
  const last = parts.pop();
  let holder = item;
  for (const part of parts) {
    if (holder === null || typeof holder !== 'object') return;
    holder = holder[part];
  }
  if (holder === null || typeof holder !== 'object') return;
  if (rule.remove) delete holder[last];
  else holder[last] = rule.text !== undefined ? rule.text.repeat(rule.times ?? 1) : rule.value;
}

function rewrite(pathname, body) {
  for (const rule of rules) {
    if (!pathname.startsWith(rule.path)) continue;
    const found = body?.[rule.key];
    const items = Array.isArray(found) ? found : found && typeof found === 'object' ? [found] : [];
    items.forEach((item, i) => {
      if (rule.index === undefined || rule.index === i) setField(item, rule.field, rule);
    });
  }
  return body;
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    const url = new URL(req.url, 'http://proxy');
    if (url.pathname === '/__odd/rules') {
      rules = JSON.parse(Buffer.concat(chunks).toString() || '[]');
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      return;
    }
    try {
      const headers = { ...req.headers };
      delete headers.host;
      delete headers['content-length'];
      const answer = await fetch(`${target}${req.url}`, {
        method: req.method,
        headers,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      });
      let text = await answer.text();
      if (answer.ok && (answer.headers.get('content-type') ?? '').includes('json')) {
        try {
          text = JSON.stringify(rewrite(url.pathname, JSON.parse(text)));
        } catch {
          // not JSON after all: passed through as it came
        }
      }
      const out = {};
      answer.headers.forEach((value, name) => {
        if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name))
          out[name] = value;
      });
      res.writeHead(answer.status, out).end(text);
    } catch (error) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
