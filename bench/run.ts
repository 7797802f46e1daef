/**
 * `npm run bench [--preset small|medium|large]… [--out bench/results.json] [--rate-limit 120] [--seed 1]`
 * Writes the JSON results to --out and the markdown table to bench/results.md (committed when the figures change).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Preset } from '../local/aircall-sim/index';
import { trafficMarkdown } from '../local/aircall-sim/traffic';
import { type BenchResult, DOCUMENTED_RATE_LIMIT, PRESETS, runBench } from './bench';
import { snapshotDist } from './dist-snapshot';
import { benchHistory, historyMarkdown } from './history';
import { printConsole, toMarkdown } from './report';

function options() {
  const { values } = parseArgs({
    options: {
      preset: { type: 'string', multiple: true },
      out: { type: 'string', default: 'bench/results.json' },
      'rate-limit': { type: 'string', default: String(DOCUMENTED_RATE_LIMIT) },
      seed: { type: 'string', default: '1' },
    },
  });
  const presets = values.preset ?? [...PRESETS];
  for (const preset of presets) {
    if (!PRESETS.includes(preset as Preset)) throw new Error(`--preset must be one of ${PRESETS.join(', ')}`);
  }
  const rateLimit = Number(values['rate-limit']);
  const seed = Number(values.seed);
  if (!(rateLimit > 0) || !Number.isInteger(seed)) throw new Error('--rate-limit must be > 0 and --seed an integer');
  return { presets: presets as Preset[], out: values.out, rateLimit, seed };
}

const { out, ...benchOptions } = options();
// The build `npm run bench` just made, copied: a build run meanwhile does not change what is measured.
const dist = await snapshotDist();
let result: BenchResult;
const history = [];
try {
  result = await runBench({ ...benchOptions, distDir: dist.dir });
  printConsole(result);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  for (const preset of benchOptions.presets)
    history.push(await benchHistory(preset, { ...benchOptions, distDir: dist.dir }));
} finally {
  dist.dispose();
}
const markdown = fileURLToPath(new URL('./results.md', import.meta.url));
const historyTable = historyMarkdown(history);
console.log(historyTable);
writeFileSync(markdown, toMarkdown(result) + historyTable + trafficMarkdown(benchOptions.presets, benchOptions.seed));
console.log(`Wrote ${out} and ${markdown}`);
