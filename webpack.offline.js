/* eslint-env node */
'use strict';
/**
 * The standalone page as one offline HTML file, dist/selfeval.html: opened by
 * double-click from a folder or a USB stick (file://), it loads nothing and
 * connects nowhere. Everything is inline:
 *
 * - one <script>: the standalone UI, the xlsx host and the engine. The
 *   chunks that the served page (dist/web/index.html) loads with import()
 *   are folded into it (LimitChunkCountPlugin): file:// forbids fetching
 *   them, and blob:/data: scripts would need a weaker CSP. webpack keeps each
 *   import() as a module of the same script that is evaluated on first use,
 *   so start-up still runs only the UI;
 * - two <style> elements: taskpane.css and standalone.css, as served;
 * - the icon, the blank template and the example as data: URLs (the
 *   download links of the 模板与示例 card: a bureau hands out one file, and
 *   units need the template to fill in).
 *
 * The CSP has no 'unsafe-inline': the script and each style are allowed by
 * their SHA-256 hash, computed here over the exact text written into the
 * page; default-src 'none' leaves no way to fetch, connect or frame anything.
 * Modern browsers only (like the served page's xlsx chunk), compiled as ES2017.
 *
 *   npx webpack --mode production --config webpack.offline.js                 dist/selfeval.html
 *   npx webpack --mode production --config webpack.offline.js --env out=dir   dir/selfeval.html
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');
const { bundledLicenses, licenseComment } = require('./webpack.licenses');

const MinimizerPlugin = require(require.resolve('minimizer-webpack-plugin', { paths: [path.dirname(require.resolve('webpack'))] }));

const PAGE = 'selfeval.html';
const SCRIPT = 'selfeval.js'; // inlined into PAGE, never written
const TEMPLATE = path.resolve(__dirname, 'src/taskpane/standalone/offline.html');
const STYLES = ['src/taskpane/taskpane.css', 'src/taskpane/standalone/standalone.css'].map((f) => path.resolve(__dirname, f));
const ICON = path.resolve(__dirname, 'assets/icons/icon-32.png');
const SAMPLE_FILES = path.resolve(__dirname, 'src/taskpane/standalone/sample-files.ts');
const INLINE_SAMPLE_FILES = path.resolve(__dirname, 'scripts/offline-page/sample-files.js');

const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The offline page's Content-Security-Policy: the inline script and styles by hash, images only from data: URLs, nothing else. */
function offlineCsp(scriptHashes, styleHashes) {
  return [
    "default-src 'none'",
    ['script-src'].concat(scriptHashes).join(' '),
    ['style-src'].concat(styleHashes).join(' '),
    'img-src data:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Text that is safe inside <script> or <style>: without `</script` (`</style`) it cannot end the element early,
 * and without `<!--` the parser never enters its escaped states. Minified code has neither today; fail rather than guess.
 */
function inlineSafe(text, tag, what) {
  const bad = new RegExp(`</${tag}|<!--`, 'i').exec(text);
  if (bad) throw new Error(`${what}: contains "${bad[0]}" at ${bad.index}, which would break the inline <${tag}>`);
  return text.replace(/\r\n?/g, '\n');
}

/** Writes selfeval.html from offline.html with the bundle, the styles and the icon inline, and drops the separate script. */
class OfflinePage {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('OfflinePage', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'OfflinePage', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE }, () => {
        const scripts = Object.keys(compilation.assets).filter((name) => name.endsWith('.js'));
        if (scripts.length !== 1 || scripts[0] !== SCRIPT) throw new Error(`offline page: expected one script ${SCRIPT}, got ${scripts.join(', ')}`);
        const { version } = require('./package.json');
        const banner = licenseComment(`selfeval ${version}: the standalone page in one file`, bundledLicenses(compilation));
        const script = inlineSafe(banner + compilation.assets[SCRIPT].source().toString(), 'script', SCRIPT);
        const styles = STYLES.map((file) => inlineSafe(fs.readFileSync(file, 'utf8'), 'style', path.basename(file)));
        for (const file of STYLES.concat([TEMPLATE, ICON])) compilation.fileDependencies.add(file);
        const values = {
          csp: offlineCsp([sha256(script)], styles.map(sha256)),
          icon: 'data:image/png;base64,' + fs.readFileSync(ICON).toString('base64'),
          styles: styles.map((css) => `  <style>${css}</style>`).join('\n'),
          script: `  <script>${script}</script>`,
        };
        const used = new Set();
        const html = fs.readFileSync(TEMPLATE, 'utf8').replace(/\{\{(\w+)\}\}/g, (whole, key) => {
          if (!(key in values)) throw new Error(`offline page: unknown placeholder ${whole} in ${path.basename(TEMPLATE)}`);
          used.add(key);
          return values[key];
        });
        const unused = Object.keys(values).filter((key) => !used.has(key));
        if (unused.length) throw new Error(`offline page: ${path.basename(TEMPLATE)} lacks {{${unused.join('}}, {{')}}}`);
        compilation.deleteAsset(SCRIPT);
        compilation.emitAsset(PAGE, new webpack.sources.RawSource(html));
      });
    });
  }
}

module.exports = (env = {}, argv = {}) => ({
  mode: argv.mode || 'production',
  target: ['web', 'es2017'],
  devtool: false,
  entry: { selfeval: './src/taskpane/standalone/offline.ts' },
  output: {
    path: path.resolve(__dirname, env.out || 'dist'),
    filename: SCRIPT,
    publicPath: '',
    clean: false, // dist/ also holds tsc's output, dist/selfeval.cjs and dist/web
  },
  resolve: {
    extensions: ['.ts', '.js'],
    alias: {
      'selfeval/xlsx-chunk$': path.resolve(__dirname, 'src/taskpane/standalone/xlsx-chunk.ts'),
      // Folded into the one file like every chunk: 生成自评报告 works offline too.
      'selfeval/docx-chunk$': path.resolve(__dirname, 'src/taskpane/standalone/docx-chunk.ts'),
    },
  },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: { loader: 'ts-loader', options: { configFile: 'tsconfig.web.json', transpileOnly: true, compilerOptions: { target: 'ES2017', sourceMap: false } } },
      },
      // The template and the example, as data: URLs (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet).
      { test: /\.xlsx$/, type: 'asset/inline' },
    ],
  },
  optimization: {
    minimizer: [
      new MinimizerPlugin({
        minify: MinimizerPlugin.terserMinify,
        extractComments: false,
        minimizerOptions: { compress: { passes: 2 }, format: { comments: false } },
      }),
    ],
  },
  performance: { hints: false },
  plugins: [
    new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
    // The inline template and example instead of links to assets/ beside the page.
    new webpack.NormalModuleReplacementPlugin(/[\\/]sample-files(\.ts)?$/, (resource) => {
      const data = resource.createData;
      if (data && data.resource === SAMPLE_FILES) Object.assign(data, { resource: INLINE_SAMPLE_FILES, context: path.dirname(INLINE_SAMPLE_FILES) });
    }),
    new OfflinePage(),
  ],
});
