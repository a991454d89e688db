/**
 * Shared pieces of the real-browser tests: Debian's Chromium driven by
 * playwright-core (never a downloaded browser), the web build, a static
 * server on 127.0.0.1 and a recorder of every request a page makes.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from '../../support/paths';

export const CHROMIUM = '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Whether the browser tests can run. Without Chromium they fail with a clear
 * message in CI (.ci/run installs it) and are skipped elsewhere with a warning.
 */
export function chromiumAvailable(suite: string): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  const message = `${suite}: ${CHROMIUM} not found. Install Debian's Chromium (apt-get install -y chromium; .ci/run does this).`;
  if (process.env.CI) throw new Error(message);
  console.warn(message + ' Skipping the browser tests.');
  return false;
}

/** A fresh Chromium profile (user data dir) in a temporary folder; 360 px wide like a task pane. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 360, height: 760 },
    acceptDownloads: true,
    locale: 'zh-CN',
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

function webpack(args: string[]): Promise<void> {
  const bin = path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js');
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [bin, ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      err ? reject(new Error(`webpack ${args.join(' ')} failed:\n${stdout}\n${stderr}`)) : resolve(),
    ),
  );
}

/** The production web build (what `npm run build:web` makes) into `out`, relative to the repository. */
export function buildWeb(out: string): Promise<void> {
  return webpack(['--mode', 'production', '--env', `out=${out}`]);
}

/** The strict office.js fake bundled for the browser: `out`/fake-office.js. */
export function buildFakeOffice(out: string): Promise<void> {
  return webpack(['--config', path.join(ROOT, 'test', 'e2e', 'support', 'webpack.fake-office.js'), '--env', `out=${out}`]);
}

/** scripts/serve.js on 127.0.0.1 and a free port. */
export async function serve(dir: string): Promise<{ origin: string; close(): Promise<void> }> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { createStaticServer } = require(path.join(ROOT, 'scripts', 'serve.js')) as { createStaticServer(dir: string): import('http').Server };
  const server = createStaticServer(dir);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Everything a page did that a test should look at: its requests, console errors, page errors and CSP violations. */
export interface PageLog {
  requests: string[];
  errors: string[];
}

/**
 * Records every request the page makes, and answers the ones that would leave
 * `origin`: `answer` may fulfil one (office.js); every other is aborted (and
 * stays in the log, so the test fails). Console errors and CSP violations are
 * recorded too.
 */
export async function watch(page: Page, origin: string, answer: (url: string) => { body: string | Buffer; contentType: string } | null = () => null): Promise<PageLog> {
  const log: PageLog = { requests: [], errors: [] };
  page.on('request', (request) => log.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') log.errors.push(message.text());
  });
  page.on('pageerror', (error) => log.errors.push(String(error)));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/')) return route.continue();
    const reply = answer(url);
    return reply ? route.fulfill({ status: 200, body: reply.body, contentType: reply.contentType }) : route.abort('blockedbyclient');
  });
  return log;
}

/** The requests that left the page's origin (blob: URLs of the page itself stay local). */
export function foreignRequests(log: PageLog, origin: string): string[] {
  return log.requests.filter((url) => !url.startsWith(origin + '/') && !url.startsWith('blob:' + origin + '/') && !url.startsWith('data:'));
}
