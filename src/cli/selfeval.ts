#!/usr/bin/env node
import { CLI_TEXT } from '../messages/cli';
import { EXIT } from './exit-codes';
import { nodeFileSystem } from './node-file-system';
import { runCli } from './run';

// The thin entry (npm-check-updates style): wire the real world to runCli and set the exit code.
// package.json sits outside rootDir: require keeps it out of the compiled tree (read at run time by
// dist/cli/selfeval.js; baked into dist/selfeval.cjs by webpack, which keeps only `version`).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const version: string = require('../../package.json').version;

runCli(process.argv.slice(2), {
  fs: nodeFileSystem,
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  version,
  // node:crypto is required only when a file is written: loading it costs more than the rest of --version.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  tempTag: () => `${process.pid}-${(require('crypto') as typeof import('crypto')).randomBytes(4).toString('hex')}`,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // A bug, not bad input: say so in Chinese, keep the detail for a report, never a bare stack trace.
    process.stderr.write(CLI_TEXT.internalError(e instanceof Error ? e.message : String(e)) + '\n');
    process.exitCode = EXIT.usageOrFile;
  },
);
