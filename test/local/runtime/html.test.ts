import { describe, expect, it } from '@jest/globals';
import { createRuntime } from '../../../local/runtime/index';
import { scriptDir } from './support';

const SCRIPT = `
function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
function render(team) {
  var t = HtmlService.createTemplateFromFile('Page');
  t.team = team;
  return t.evaluate().getContent();
}
function untrusted(text) { return HtmlService.createHtmlOutput('<b>').appendUntrusted(text).append('</b>').getContent(); }
function missing() { return HtmlService.createHtmlOutputFromFile('Nope'); }
`;

const PAGE = `<style><?!= include('Style') ?></style><h1><?= team ?></h1><? for (var i = 0; i < 2; i++) { ?><i><?= i ?></i><? } ?>`;

describe('HtmlService', () => {
  const runtime = createRuntime({
    distDir: scriptDir(SCRIPT, { 'Page.html': PAGE, 'Style.html': 'b{color:red}' }),
  });

  it('evaluates templates: code, escaped and raw printing, with access to script functions', () => {
    expect(runtime.run('render', ['<Sales & Support>'])).toBe(
      '<style>b{color:red}</style><h1>&lt;Sales &amp; Support&gt;</h1><i>0</i><i>1</i>',
    );
  });

  it('accepts printing scriptlets ending in ";", as in Google’s HTML best-practices sample', () => {
    // developers.google.com/apps-script/guides/html/best-practices#separate_html_css_and_javascript
    const withSemicolons = createRuntime({
      distDir: scriptDir(SCRIPT, {
        'Page.html': `<style><?!= include('Style'); ?></style><h1><?= team ;  ?></h1><? var n = 1; ?><i><?= n; ?></i>`,
        'Style.html': 'b{color:red}',
      }),
    });
    expect(withSemicolons.run('render', ['<Ops>'])).toBe('<style>b{color:red}</style><h1>&lt;Ops&gt;</h1><i>1</i>');
  });

  it('escapes appendUntrusted but not append', () => {
    expect(runtime.run('untrusted', ['<script>'])).toBe('<b>&lt;script&gt;</b>');
  });

  it('fails for a file that is not in the project', () => {
    expect(() => runtime.run('missing')).toThrow('No HTML file named Nope was found.');
  });
});
