/**
 * The one-file builds, made by the tests into test-output (never into dist/):
 * webpack.cli.js (selfeval.cjs) and webpack.offline.js (selfeval.html).
 */
import { execFile } from 'child_process';
import * as path from 'path';
import { ROOT } from '../../support/paths';

function webpack(config: string, out: string): Promise<void> {
  const bin = path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js');
  const args = [bin, '--mode', 'production', '--config', path.join(ROOT, config), '--env', `out=${path.relative(ROOT, out)}`];
  return new Promise((resolve, reject) =>
    execFile(process.execPath, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      err ? reject(new Error(`webpack --config ${config} failed:\n${stdout}\n${stderr}`)) : resolve(),
    ),
  );
}

/** `out`/selfeval.cjs, the CLI in one file. */
export async function buildCliBundle(out: string): Promise<string> {
  await webpack('webpack.cli.js', out);
  return path.join(out, 'selfeval.cjs');
}

/** `out`/selfeval.html, the standalone page in one file. */
export async function buildOfflinePage(out: string): Promise<string> {
  await webpack('webpack.offline.js', out);
  return path.join(out, 'selfeval.html');
}
