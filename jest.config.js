/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' } },
    ],
  },
  // Office.js' test double pulls in office-addin-manifest, whose dependencies are ESM-only.
  moduleNameMapper: {
    '^office-addin-manifest$': '<rootDir>/tests/stubs/office-addin-manifest.ts',
    // import.meta.url (the worker's address) is for webpack only.
    '/rollup/workerUrl$': '<rootDir>/tests/stubs/workerUrl.ts',
  },
  // Generous on purpose: a passing test never waits this long, and a loaded machine may be
  // many times slower than a quiet one. Speed is measured by `npm run bench`, not here.
  testTimeout: 600_000,
};
