/**
 * HtmlService (docs/apps-script-notes.md#htmlservice-and-googlescriptrun): outputs read from `${distDir}/<name>.html`, templates with
 * `<? code ?>`, `<?= escaped ?>` and `<?!= raw ?>` scriptlets evaluated in the script's global
 * scope, and HtmlOutput's builder methods. Sandbox and X-Frame modes are accepted and ignored,
 * as on the platform (IFRAME is the only mode left).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gasError, MESSAGES } from './errors.js';
import type { Implements } from './gas-types.js';

export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

type GasHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export class HtmlOutput
  implements
    Implements<
      GasHtmlOutput,
      | 'setTitle'
      | 'getTitle'
      | 'setWidth'
      | 'getWidth'
      | 'setHeight'
      | 'getHeight'
      | 'getContent'
      | 'setContent'
      | 'append'
      | 'appendUntrusted'
      | 'clear'
      | 'setSandboxMode'
      | 'setXFrameOptionsMode'
      | 'addMetaTag'
      | 'setFaviconUrl'
    >
{
  static readonly gasName = 'HtmlOutput';
  title = '';
  width = 0;
  height = 0;
  readonly metaTags: { name: string; content: string }[] = [];

  /** `file` is the HTML file it came from, if any (recorded with sidebars and dialogs). */
  constructor(
    public content = '',
    readonly file?: string,
  ) {}

  setTitle(title: string): HtmlOutput {
    this.title = String(title);
    return this;
  }

  getTitle(): string {
    return this.title;
  }

  setWidth(width: number): HtmlOutput {
    this.width = width;
    return this;
  }

  getWidth(): number {
    return this.width;
  }

  setHeight(height: number): HtmlOutput {
    this.height = height;
    return this;
  }

  getHeight(): number {
    return this.height;
  }

  getContent(): string {
    return this.content;
  }

  setContent(content: string): HtmlOutput {
    this.content = String(content);
    return this;
  }

  append(addedContent: string): HtmlOutput {
    this.content += String(addedContent);
    return this;
  }

  appendUntrusted(addedContent: string): HtmlOutput {
    this.content += escapeHtml(addedContent);
    return this;
  }

  clear(): HtmlOutput {
    this.content = '';
    return this;
  }

  setSandboxMode(_mode: unknown): HtmlOutput {
    return this;
  }

  setXFrameOptionsMode(_mode: unknown): HtmlOutput {
    return this;
  }

  addMetaTag(name: string, content: string): HtmlOutput {
    this.metaTags.push({ name: String(name), content: String(content) });
    return this;
  }

  setFaviconUrl(_iconUrl: string): HtmlOutput {
    return this;
  }
}

/** Runs template code in the script's global scope (so scriptlets can call its functions). */
export type ScriptEvaluator = (code: string) => unknown;

/** Turns a template into the source of `function (data, print, printEscaped)`. */
export function compileTemplate(source: string): string {
  const lines: string[] = [];
  const scriptlet = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let match = scriptlet.exec(source); match; match = scriptlet.exec(source)) {
    lines.push(`__print(${JSON.stringify(source.slice(last, match.index))});`);
    const [, kind, code] = match;
    // A printing scriptlet may end its expression with ";", as Google's own samples do:
    // <?!= HtmlService.createHtmlOutputFromFile('Stylesheet').getContent(); ?>
    // (developers.google.com/apps-script/guides/html/best-practices#separate_html_css_and_javascript).
    const printed = code.replace(/[\s;]+$/, '');
    if (kind === '=') lines.push(`__printEscaped(${printed});`);
    else if (kind === '!=') lines.push(`__print(${printed});`);
    else lines.push(code);
    last = scriptlet.lastIndex;
  }
  lines.push(`__print(${JSON.stringify(source.slice(last))});`);
  // Sloppy-mode `with` exposes the template's fields as variables, as Apps Script does.
  return `(function (__data, __print, __printEscaped) { with (__data) {\n${lines.join('\n')}\n} })`;
}

type GasHtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;

export class HtmlTemplate implements Implements<GasHtmlTemplate, 'evaluate' | 'getCode' | 'getRawContent'> {
  static readonly gasName = 'HtmlTemplate';
  [field: string]: unknown;

  constructor(source: string, file: string | undefined, evaluator: ScriptEvaluator) {
    // Non-enumerable so that only the fields the script sets become template variables.
    Object.defineProperties(this, {
      source: { value: source },
      file: { value: file },
      evaluator: { value: evaluator },
    });
  }

  evaluate(): HtmlOutput {
    const parts: string[] = [];
    const render = this.evaluator as ScriptEvaluator;
    const run = render(compileTemplate(this.source as string)) as (
      data: object,
      print: (value: unknown) => void,
      printEscaped: (value: unknown) => void,
    ) => void;
    run(
      { ...this },
      (value) => parts.push(String(value)),
      (value) => parts.push(escapeHtml(value)),
    );
    return new HtmlOutput(parts.join(''), this.file as string | undefined);
  }

  getCode(): string {
    return compileTemplate(this.source as string);
  }

  getRawContent(): string {
    return this.source as string;
  }
}

type GasHtmlService = GoogleAppsScript.HTML.HtmlService;

export class HtmlService
  implements
    Implements<
      GasHtmlService,
      'createHtmlOutput' | 'createHtmlOutputFromFile' | 'createTemplate' | 'createTemplateFromFile'
    >
{
  static readonly gasName = 'HtmlService';
  readonly SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
  readonly XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

  constructor(
    private readonly distDir: string,
    private readonly evaluator: ScriptEvaluator,
  ) {}

  createHtmlOutput(html?: string): HtmlOutput {
    return new HtmlOutput(html === undefined ? '' : String(html));
  }

  createHtmlOutputFromFile(filename: string): HtmlOutput {
    const { name, text } = this.read(filename);
    return new HtmlOutput(text, name);
  }

  createTemplate(html: string): HtmlTemplate {
    return new HtmlTemplate(String(html), undefined, this.evaluator);
  }

  createTemplateFromFile(filename: string): HtmlTemplate {
    const { name, text } = this.read(filename);
    return new HtmlTemplate(text, name, this.evaluator);
  }

  /** Apps Script file names carry no extension; "Sidebar.html" is accepted too. */
  private read(filename: string): { name: string; text: string } {
    const name = String(filename).replace(/\.html$/, '');
    const path = join(this.distDir, `${name}.html`);
    if (!existsSync(path)) throw gasError(MESSAGES.htmlFileNotFound(name));
    return { name, text: readFileSync(path, 'utf8') };
  }
}
