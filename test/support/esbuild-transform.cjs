// Jest transform: the same esbuild the build uses turns TypeScript (ESM syntax) into CommonJS for jest.
// `import.meta.url` has no CommonJS equivalent, so it becomes the file's own URL.
const { transformSync } = require('esbuild');

const IMPORT_META_URL = '__importMetaUrl';

module.exports = {
  process(sourceText, sourcePath) {
    const { code, map } = transformSync(sourceText, {
      loader: sourcePath.endsWith('.ts') ? 'ts' : 'js',
      format: 'cjs',
      target: 'node20',
      sourcefile: sourcePath,
      sourcemap: 'both',
      define: { 'import.meta.url': IMPORT_META_URL },
      banner: `const ${IMPORT_META_URL} = require('node:url').pathToFileURL(__filename).href;`,
    });
    return { code, map };
  },
};
