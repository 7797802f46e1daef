import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createRuntime, type Runtime } from '../../local/runtime/index';

const code = readFileSync('dist/Code.js', 'utf8');
const topLevelFunctions = new Set([...code.matchAll(/^function ([A-Za-z_$][\w$]*)\(/gm)].map((m) => m[1]));

/** Every google.script.run target named in the sidebars' client code (`serverCall('name'` or `.run.name(`). */
function clientTargets(): string[] {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        const source = readFileSync(path, 'utf8');
        for (const m of source.matchAll(/\bcallServer(?:<[^>]*>)?\(\s*'([A-Za-z_$][\w$]*)'/g)) names.add(m[1]);
      }
    }
  };
  walk('html');
  return [...names];
}

describe('entry points in dist/Code.js', () => {
  let runtime: Runtime;
  beforeAll(() => {
    runtime = createRuntime();
  });
  afterAll(() => runtime.dispose());

  it('onOpen builds both menus, and every item names a top-level function', () => {
    runtime.run('onOpen', [{ authMode: 'LIMITED' }], { kind: 'simple-trigger', authMode: 'LIMITED' });
    const titles = runtime.ui.menus.map((m) => m.title);
    expect(titles).toEqual(['Activity Tracker', 'Calls']);
    const items = runtime.ui.menus.flatMap((m) => m.items.filter((i) => i.functionName));
    expect(items.map((i) => i.label)).toEqual(
      expect.arrayContaining(['Refresh', 'Configure', 'Setup Activity Tracker', 'Map Users to Numbers', 'Clear Cache']),
    );
    expect(items.map((i) => i.label)).toEqual(
      expect.arrayContaining([
        'Switch User Status',
        'Start auto-refresh',
        'Stop auto-refresh',
        'Select User',
        'All Users',
        'Advanced Search',
      ]),
    );
    const missing = items.filter((item) => !topLevelFunctions.has(item.functionName ?? ''));
    expect(missing.map((item) => `${item.label} → ${item.functionName}`)).toEqual([]);
  });

  it('onOpen builds the menus in AuthMode.NONE, as an editor add-on before it is enabled', () => {
    runtime.run('onOpen', [{ authMode: 'NONE' }], { kind: 'simple-trigger', authMode: 'NONE' });
    expect(runtime.ui.menus.map((m) => m.title)).toEqual(['Activity Tracker', 'Calls']);
  });

  it('the auto-refresh trigger names a top-level function', () => {
    // The trigger runs as its creator, who must hold a key.
    runtime.runSnippet(
      `PropertiesService.getUserProperties().setProperty('aircall.credentials', JSON.stringify({ apiId: 'id', apiToken: 'token' }))`,
    );
    runtime.run('startAutoRefreshFromMenu');
    expect(runtime.triggers.length).toBe(1);
    for (const trigger of runtime.triggers) expect(topLevelFunctions).toContain(trigger.handler);
  });

  it('every google.script.run target of the sidebars is a top-level, public function', () => {
    const targets = clientTargets();
    expect(targets.length).toBeGreaterThan(0);
    for (const name of targets) {
      expect(topLevelFunctions).toContain(name);
      expect(name.endsWith('_')).toBe(false);
    }
  });
});
