/* eslint-env node */
'use strict';
/**
 * Builds the Office add-in's web part into dist/web: taskpane.html, commands.html,
 * dialog.html, ES5 bundles, icons and the manifest.
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
const LOCAL_OFFICE_JS_DIR = 'office-js';

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

  const page = (name, chunks) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: `./src/taskpane/${name}.html`,
      chunks,
      templateParameters: { officeJs },
      scriptLoading: 'blocking',
      inject: 'body',
      minify: false,
    });

  const copies = [
    { from: 'assets/icons', to: 'assets/icons' },
    { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
    { from: 'src/taskpane/help.html', to: 'help.html' },
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
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { configFile: 'tsconfig.web.json', transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [page('taskpane', ['taskpane']), page('commands', ['commands']), page('dialog', ['dialog']), new CopyWebpackPlugin({ patterns: copies })],
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
