/**
 * Entry of the one-file offline page, dist/selfeval.html (built by
 * webpack.offline.js from offline.html): the standalone page with its
 * scripts, styles, template and example inline, opened by double-click from
 * a folder or a USB stick. Never inside Office, so straight into standalone
 * mode. The xlsx chunk is bundled into the same script and, as on the served
 * page, evaluated only on first use.
 */
import { startStandalone } from './index';

startStandalone(document.getElementById('app') as HTMLElement, { linkStylesheet: false });
