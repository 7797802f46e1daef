/**
 * The rules that keep the code base in shape fail when broken: the linter refuses a layering
 * violation (biome.json's overrides), the compiler refuses a sidebar ↔ server contract drift
 * (src/sidebar-contract-check.ts, html/shared/server.ts). Each injects one violation, in a scratch
 * directory or in memory, never in the working tree.
 */
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import ts from 'typescript';

const root = resolve(__dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'layering-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Lints `files` (path → source) laid out under a copy of the project's biome.json. */
function lint(files: Record<string, string>): Promise<{ code: number; output: string }> {
  const dir = mkdtempSync(join(scratch, 'case-'));
  copyFileSync(join(root, 'biome.json'), join(dir, 'biome.json'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const biome = join(root, 'node_modules', '.bin', 'biome');
  return new Promise((done) => {
    execFile(biome, ['lint', '--colors=off', '.'], { cwd: dir }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

describe('the linter enforces the layering', () => {
  it('accepts a pure domain module, an adapter and a sidebar that keep to their layer', async () => {
    const result = await lint({
      'src/tracker/probe.ts': "import { byNameThenId } from './names';\n\nexport const order = byNameThenId;\n",
      'src/gas/probe.ts':
        "import { order } from '../tracker/probe';\n\nexport const sheet = () => SpreadsheetApp.getActive() && order;\n",
      'html/probe/main.ts':
        "import { callServer } from '../shared/server';\n\nexport const view = () => callServer('getConfigureView');\n",
    });
    expect(result.output).not.toContain('noRestricted');
    expect(result.code).toBe(0);
  });

  it('refuses Apps Script globals and src/gas, local/ or test/ imports in the pure domain', async () => {
    const result = await lint({
      'src/tracker/probe.ts': [
        "import { refreshBoard } from '../gas/refresh';",
        "import { startRuntime } from '../../local/runtime';",
        "import { eventually } from '../../test/support/eventually';",
        '',
        'export const all = [refreshBoard, startRuntime, eventually];',
        'export const cache = () => CacheService.getDocumentCache();',
        'export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;',
        '',
      ].join('\n'),
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('The pure domain never imports the Apps Script adapters (src/gas/)');
    expect(result.output).toContain('Product code never imports the local tools (local/)');
    expect(result.output).toContain('Product code never imports tests (test/)');
    expect(result.output).toContain('Do not use the global variable CacheService');
    expect(result.output).toContain('Do not use the global variable GoogleAppsScript');
  });

  it('refuses an import cycle in src/, even one made of type-only imports', async () => {
    const result = await lint({
      'src/tracker/board-probe.ts':
        "import type { Totals } from './totals-probe';\n\nexport type Board = { totals: Totals };\n",
      'src/tracker/totals-probe.ts':
        "import type { Board } from './board-probe';\n\nexport type Totals = { of: Board[] };\n",
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('This import is part of a cycle');
  });

  it('refuses local/ in the adapters and src/gas in sidebar code', async () => {
    const result = await lint({
      'src/gas/probe.ts': "import { startRuntime } from '../../local/runtime';\n\nexport const run = startRuntime;\n",
      'html/probe/main.ts':
        "import { refreshBoard } from '../../src/gas/refresh';\n\nexport const refresh = refreshBoard;\n",
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/src\/gas\/probe\.ts[\s\S]*Product code never imports the local tools/);
    expect(result.output).toMatch(/html\/probe\/main\.ts[\s\S]*Sidebar code never imports the Apps Script adapters/);
  });
});

/** Parsed source files shared by every program below: only the edited files are parsed again. */
const parsedFiles = new Map<string, ts.SourceFile>();

/**
 * Type-checks one of the project's tsconfigs with some files' text replaced (or added) in memory,
 * and returns the diagnostics of `of`.
 */
function typecheck(tsconfig: string, edits: Record<string, (text: string) => string>, of: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(root, tsconfig),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic() {},
    },
  );
  if (!parsed) throw new Error(`Cannot read ${tsconfig}`);
  const edited = new Map(Object.entries(edits).map(([path, edit]) => [join(root, path), edit]));
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language) => {
    const path = resolve(file);
    const edit = edited.get(path);
    if (edit) {
      const before = ts.sys.readFile(path) ?? '';
      const after = edit(before);
      if (after === before) throw new Error(`The edit of ${path} changed nothing: update this test`);
      return ts.createSourceFile(path, after, language);
    }
    const cached = parsedFiles.get(path) ?? getSourceFile(file, language);
    if (cached) parsedFiles.set(path, cached);
    return cached;
  };
  host.fileExists = (file) => edited.has(resolve(file)) || ts.sys.fileExists(file);
  const program = ts.createProgram([...new Set([...parsed.fileNames, ...edited.keys()])], parsed.options, host);
  const source = program.getSourceFile(join(root, of));
  if (!source) throw new Error(`${of} is not part of ${tsconfig}`);
  return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) =>
    ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  );
}

describe('the compiler checks the sidebar ↔ server contract', () => {
  const check = 'src/sidebar-contract-check.ts';

  it("accepts src/index.ts's exports as they are", () => {
    expect(typecheck('src/tsconfig.json', {}, check)).toEqual([]);
  });

  it('fails when a server function the sidebars call is no longer exported', () => {
    const errors = typecheck(
      'src/tsconfig.json',
      { 'src/index.ts': (text) => text.replace(/export \{ liveRefresh, (\w+) \}/, 'export { $1 }') },
      check,
    );
    expect(errors.join('\n')).toMatch(/liveRefresh/);
  });

  it('fails when a server function asks for more than the sidebars send', () => {
    const errors = typecheck(
      'src/tsconfig.json',
      {
        'src/gas/live-mode.ts': (text) =>
          text.replace(/export function liveRefresh\(([^)]*)\)/, 'export function liveRefresh($1, force: boolean)'),
      },
      check,
    );
    expect(errors.join('\n')).toMatch(/liveRefresh[\s\S]*not assignable/);
  });

  it('fails when a sidebar calls a server function with the wrong arguments', () => {
    const probe = 'html/live-mode/contract-probe.ts';
    const errors = typecheck(
      'html/tsconfig.json',
      {
        [probe]: () => "import { callServer } from '../shared/server';\n\nvoid callServer('liveRefresh', 'twenty');\n",
      },
      probe,
    );
    expect(errors.join('\n')).toMatch(/'string' is not assignable to parameter of type 'number'/);
  });
});

describe('comments cite sources a reader can open', () => {
  const SOURCE = /\.(ts|mjs|cjs|html|css)$/;
  const files = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return path === 'test/screenshots' ? [] : files(path);
      return SOURCE.test(entry.name) ? [path] : [];
    });
  const sources = ['src', 'html', 'local', 'test', 'bench', 'scripts'].flatMap(files);
  const slug = (heading: string) =>
    heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N} -]/gu, '')
      .replace(/ /g, '-');

  it('never cites sections of notes that are not in the repository', () => {
    const outside = /\u00a7|shared\/reference\//;
    expect(sources.filter((path) => outside.test(readFileSync(join(root, path), 'utf8')))).toEqual([]);
  });

  it('cites docs/ notes and sections that exist', () => {
    const anchors = new Map<string, Set<string>>();
    const broken: string[] = [];
    for (const path of sources) {
      for (const [, doc, anchor] of readFileSync(join(root, path), 'utf8').matchAll(
        /docs\/([\w-]+\.md)(?:#([\w-]+))?/g,
      )) {
        if (!anchors.has(doc)) {
          const text = existsSync(join(root, 'docs', doc)) ? readFileSync(join(root, 'docs', doc), 'utf8') : null;
          anchors.set(doc, new Set(text?.match(/^#+ .+$/gm)?.map((h) => slug(h.replace(/^#+ /, ''))) ?? ['(missing)']));
        }
        const known = anchors.get(doc)!;
        if (known.has('(missing)') || (anchor && !known.has(anchor)))
          broken.push(`${path}: docs/${doc}#${anchor ?? ''}`);
      }
    }
    expect(broken).toEqual([]);
    expect(anchors.size).toBeGreaterThan(0);
  });
});
