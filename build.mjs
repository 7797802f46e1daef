// Builds the Apps Script project into dist/ (clasp's rootDir):
//   dist/Code.js          src/index.ts bundled as an IIFE, plus one top-level delegating
//                         function per export so menus, triggers and google.script.run find them;
//   dist/<Page>.html      each sidebar in html/<page>/ as one self-contained file, with jQuery,
//                         select2, flatpickr and our client TypeScript inlined (no CDN);
//   dist/appsscript.json  the manifest.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
/** The IIFE's global. Not a name Apps Script already uses (Logger, Utilities…). */
export const GLOBAL_NAME = 'AircallTracker';

const VENDOR = {
  jquery: { js: 'node_modules/jquery/dist/jquery.min.js' },
  select2: { js: 'node_modules/select2/dist/js/select2.full.js', css: 'node_modules/select2/dist/css/select2.min.css' },
  flatpickr: {
    js: 'node_modules/flatpickr/dist/flatpickr.min.js',
    css: 'node_modules/flatpickr/dist/flatpickr.min.css',
  },
};

async function buildServer() {
  const common = {
    entryPoints: [join(root, 'src/index.ts')],
    bundle: true,
    platform: 'neutral',
    target: 'es2020',
    write: false,
    metafile: true,
    logLevel: 'error',
  };
  // esbuild reports no exports for IIFE output, so a first ESM pass lists them.
  const meta = await esbuild.build({ ...common, format: 'esm', outfile: join(dist, 'meta.js') });
  const exportNames = Object.values(meta.metafile.outputs)[0].exports;
  const iife = await esbuild.build({
    ...common,
    format: 'iife',
    globalName: GLOBAL_NAME,
    outfile: join(dist, 'Code.js'),
  });
  const stubs = exportNames.map((name) => `function ${name}(...args) { return ${GLOBAL_NAME}.${name}(...args); }`);
  writeFileSync(join(dist, 'Code.js'), `${iife.outputFiles[0].text}\n${stubs.join('\n')}\n`);
  return exportNames;
}

/** Inlined code must not close the surrounding <script> element early. */
const scriptSafe = (code) => code.replace(/<\/(script)/gi, '<\\/$1');

const vendorCache = new Map();
async function vendorJs(name) {
  if (!vendorCache.has(name)) {
    const source = readFileSync(join(root, VENDOR[name].js), 'utf8');
    const min = VENDOR[name].js.endsWith('.min.js') ? source : (await esbuild.transform(source, { minify: true })).code;
    vendorCache.set(name, scriptSafe(min));
  }
  return vendorCache.get(name);
}

async function buildPage(dir) {
  const pageDir = join(root, 'html', dir);
  let html = readFileSync(join(pageDir, 'page.html'), 'utf8');
  const sharedCss = existsSync(join(root, 'html/shared/style.css'))
    ? readFileSync(join(root, 'html/shared/style.css'), 'utf8')
    : '';
  // <!-- @vendor jquery select2 flatpickr --> inlines those libraries' CSS and JS, in that order.
  const vendorMatch = html.match(/<!--\s*@vendor([^>]*)-->/);
  const vendors = vendorMatch ? vendorMatch[1].trim().split(/\s+/).filter(Boolean) : [];
  for (const v of vendors) if (!VENDOR[v]) throw new Error(`${dir}/page.html: unknown vendor "${v}"`);
  const css = vendors.filter((v) => VENDOR[v].css).map((v) => readFileSync(join(root, VENDOR[v].css), 'utf8'));
  const js = await Promise.all(vendors.map(vendorJs));
  const app = await esbuild.build({
    entryPoints: [join(pageDir, 'main.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2019',
    minify: true,
    write: false,
    logLevel: 'error',
  });
  const styleBlock = `<style>\n${[...css, sharedCss].join('\n')}\n</style>`;
  const vendorBlock = js.map((code) => `<script>${code}</script>`).join('\n');
  const appBlock = `<script>${scriptSafe(app.outputFiles[0].text)}</script>`;
  if (vendorMatch) html = html.replace(vendorMatch[0], () => vendorBlock);
  html = html.replace('<!-- @styles -->', () => styleBlock).replace('<!-- @app -->', () => appBlock);
  const outName = dir.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase());
  writeFileSync(join(dist, `${outName}.html`), html);
  return outName;
}

export async function build() {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  const exportNames = await buildServer();
  const pages = [];
  if (existsSync(join(root, 'html'))) {
    for (const dir of readdirSync(join(root, 'html'))) {
      if (existsSync(join(root, 'html', dir, 'page.html'))) pages.push(await buildPage(dir));
    }
  }
  copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
  return { exportNames, pages };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const { exportNames, pages } = await build();
  console.log(
    `built dist/: Code.js (${exportNames.length} entry points), ${pages.map((p) => `${p}.html`).join(', ') || 'no pages'}, appsscript.json in ${Date.now() - started} ms`,
  );
}
