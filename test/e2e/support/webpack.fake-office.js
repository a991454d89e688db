/* eslint-env node */
'use strict';
/** Bundles fake-office-entry.ts for the browser: `webpack --config test/e2e/support/webpack.fake-office.js --env out=DIR`. */
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..', '..');

module.exports = (env = {}) => ({
  mode: 'development',
  devtool: false,
  target: ['web', 'es2017'],
  entry: path.join(__dirname, 'fake-office-entry.ts'),
  output: { path: path.resolve(ROOT, env.out || 'test-output/e2e-fake-office'), filename: 'fake-office.js', clean: true },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          options: { configFile: path.join(ROOT, 'tsconfig.json'), transpileOnly: true, compilerOptions: { target: 'ES2017', module: 'ES2020', moduleResolution: 'node', sourceMap: false } },
        },
      },
    ],
  },
  performance: { hints: false },
});
