#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npm run huizong` works right after `npm ci` with no build step.
require('tsx/cjs');
const { main } = require('../src/cli/main.ts');

main(process.argv.slice(2), { out: (t) => process.stdout.write(t + '\n'), err: (t) => process.stderr.write(t + '\n') }).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(String((error && error.stack) || error) + '\n');
    process.exitCode = 2;
  },
);
