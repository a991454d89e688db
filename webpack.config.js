/* eslint-env node */
'use strict';
/**
 * Builds the Office add-in's web part into dist/web: taskpane.html, commands.html,
 * dialog.html, ES5 bundles, icons and the manifest; and the standalone page
 * index.html (the same pane without office.js, for WPS / LibreOffice users),
 * with the template and the example workbook to download.
 *
 * Every page carries a Content-Security-Policy: only the page's own origin
 * ('self'); the Office pages may also load scripts from office.js's CDN host
 * (office.js loads its host-specific scripts and strings from there). Nothing
 * may connect anywhere else, so office.js's own telemetry is blocked too.
 *
 *   npx webpack --mode production                           office.js from Microsoft's CDN, https://localhost:3000
 *   npx webpack --mode production --env url=https://x.gov.cn/selfeval/   production URL written into manifest.xml
 *   npx webpack --mode production --env officejs=local      copies @microsoft/office-js/dist and references it locally (intranet)
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const CDN_OFFICE_JS_HOST = 'https://appsforoffice.microsoft.com';
const LOCAL_OFFICE_JS_DIR = 'office-js';

/** The pages' Content-Security-Policy; `scriptHosts` are allowed for scripts besides 'self'. */
function contentSecurityPolicy(scriptHosts) {
  return [
    "default-src 'self'",
    ["script-src 'self'"].concat(scriptHosts).join(' '),
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

async function httpsOptions() {
  // office-addin-dev-certs installs a local CA on first use (npm run dev-server only).
  const devCerts = require('office-addin-dev-certs');
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const url = env.url ? String(env.url).replace(/\/?$/, '/') : DEV_URL;
  const localOfficeJs = env.officejs === 'local';
  const officeJs = localOfficeJs ? `${LOCAL_OFFICE_JS_DIR}/office.js` : CDN_OFFICE_JS;
  const outDir = path.resolve(__dirname, env.out || 'dist/web');
  const officeCsp = contentSecurityPolicy(localOfficeJs ? [] : [CDN_OFFICE_JS_HOST]);
  const webCsp = contentSecurityPolicy([]);

  // office: the page loads office.js; the standalone page (index.html) does not.
  const page = (name, chunks, office = true) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: `./src/taskpane/${name}.html`,
      chunks,
      templateParameters: office ? { officeJs, csp: officeCsp } : { csp: webCsp },
      scriptLoading: 'blocking',
      inject: 'body',
      minify: false,
    });

  const copies = [
    { from: 'assets/icons', to: 'assets/icons' },
    { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
    { from: 'src/taskpane/standalone/standalone.css', to: 'standalone.css' },
    { from: 'src/taskpane/help.html', to: 'help.html' },
    { from: 'assets/模板.xlsx', to: 'assets/模板.xlsx' },
    { from: 'assets/示例-二工片区2023.xlsx', to: 'assets/示例-二工片区2023.xlsx' },
    { from: 'assets/模板-项目支出.xlsx', to: 'assets/模板-项目支出.xlsx' },
    {
      from: 'manifest.xml',
      to: 'manifest.xml',
      transform: (content) => (url === DEV_URL ? content : content.toString().split(DEV_URL.replace(/\/$/, '')).join(url.replace(/\/$/, ''))),
    },
  ];
  if (localOfficeJs) copies.push({ from: 'node_modules/@microsoft/office-js/dist', to: LOCAL_OFFICE_JS_DIR });

  const config = {
    devtool: dev ? 'source-map' : false,
    target: ['web', 'es5'],
    entry: {
      taskpane: './src/taskpane/taskpane.ts',
      commands: './src/taskpane/commands.ts',
      dialog: './src/taskpane/dialog.ts',
    },
    output: {
      path: outDir,
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: 'auto',
      clean: true,
      environment: { arrowFunction: false, const: false, destructuring: false, forOf: false, module: false, dynamicImport: false, optionalChaining: false, templateLiteral: false },
    },
    resolve: {
      extensions: ['.ts', '.js'],
      // The standalone page's xlsx chunk (see src/taskpane/standalone/xlsx-chunk.ts; tsconfig paths give its types).
      alias: {
        'selfeval/xlsx-chunk$': path.resolve(__dirname, 'src/taskpane/standalone/xlsx-chunk.ts'),
        // The page's .docx writer (docx-chunk.ts): a chunk of its own, loaded only by 生成自评报告.
        'selfeval/docx-chunk$': path.resolve(__dirname, 'src/taskpane/standalone/docx-chunk.ts'),
      },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          oneOf: [
            {
              // The xlsx host runs only in the standalone page (modern browsers: it needs TextDecoder, and
              // its XML parser is ES2015). Compiled as ES2017 so its for…of over Maps stays correct.
              include: path.resolve(__dirname, 'src/hosts/xlsx'),
              use: { loader: 'ts-loader', options: { configFile: 'tsconfig.web.json', transpileOnly: true, compilerOptions: { target: 'ES2017' } } },
            },
            { use: { loader: 'ts-loader', options: { configFile: 'tsconfig.web.json', transpileOnly: true } } },
          ],
        },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // Keep the xlsx host's libraries in its own chunk (web-*.js: modern browsers only, skipped by check-es5).
          webXlsx: { test: /[\\/]node_modules[\\/](saxes|xmlchars|fflate)[\\/]/, name: 'web-xlsx-lib', chunks: 'async', priority: 20, enforce: true },
          // The docx package and what it needs, only in the report's chunk (web-*.js: modern browsers only).
          webDocx: { test: /[\\/]node_modules[\\/]/, name: 'web-docx-lib', chunks: (chunk) => chunk.name === 'web-docx', priority: 10, enforce: true },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      page('taskpane', ['taskpane']),
      page('commands', ['commands']),
      page('dialog', ['dialog']),
      page('index', ['taskpane'], false),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
  };
  if (dev && process.env.WEBPACK_SERVE) {
    config.devServer = {
      static: { directory: outDir },
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: env.http ? 'http' : { type: 'https', options: await httpsOptions() },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    };
  }
  return config;
};
