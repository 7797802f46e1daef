// Every test runs under jest; TypeScript goes through esbuild (test/support/esbuild-transform.cjs).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: { '\\.(ts|mjs)$': '<rootDir>/test/support/esbuild-transform.cjs' },
  // The simulator's sources import each other as './x.js' (Node ESM style); jest resolves them to the .ts files.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  testTimeout: 60_000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
};
