#!/usr/bin/env node
import { CLI_TEXT } from '../messages/cli';
import { EXIT } from './exit-codes';
import { nodeFileSystem } from './node-file-system';
import { WORKER_FLAG } from './batch/worker-flag';
import { runCli } from './run';

// The thin entry (npm-check-updates style): wire the real world to runCli and set the exit code.
// package.json sits outside rootDir: require keeps it out of the compiled tree (read at run time by
// dist/cli/selfeval.js; baked into dist/selfeval.cjs by webpack, which keeps only `version`).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const version: string = require('../../package.json').version;

// node:crypto is required only when a file is written: loading it costs more than the rest of --version.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tempTag = () => `${process.pid}-${(require('crypto') as typeof import('crypto')).randomBytes(4).toString('hex')}`;

// A batch worker is this same file started again as a worker thread (`new Worker(__filename)`): the one-file
// bundle has no other file to start. The flag alone never makes a worker: runBatchWorker checks it is one.
if (process.argv[2] === WORKER_FLAG) void import('./batch/worker').then((w) => w.runBatchWorker(tempTag) || main());
else main();

function main(): void {
  runCli(process.argv.slice(2), {
    fs: nodeFileSystem,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    version,
    tempTag,
    batch: {
      workerScript: __filename,
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      parallelism: (require('os') as typeof import('os')).availableParallelism(),
      progress: process.stderr.isTTY ? process.stderr : null,
      onInterrupt(handler) {
        process.on('SIGINT', handler);
        return () => void process.off('SIGINT', handler);
      },
    },
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
}
