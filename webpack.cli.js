/* eslint-env node */
'use strict';
/**
 * The CLI as one file, dist/selfeval.cjs: everything src/cli/selfeval.ts
 * needs (the engine, the contract, the lossless xlsx host, decimal.js,
 * fflate, saxes) bundled, so it runs with nothing but Node 20 — no
 * node_modules, no package.json (the version is baked in). What a bureau on
 * an intranet machine copies (README: 单文件命令行).
 *
 * The lazy parts stay lazy: run.ts loads the score command's machinery with
 * import(), which webpack keeps as a module of the same file evaluated only
 * when a workbook is scored (LimitChunkCountPlugin folds the async chunk in),
 * so --help and --version evaluate none of it. `selfeval batch` starts this
 * same file again as its worker threads (src/cli/selfeval.ts).
 *
 *   npx webpack --mode production --config webpack.cli.js                 dist/selfeval.cjs
 *   npx webpack --mode production --config webpack.cli.js --env out=dir   dir/selfeval.cjs
 */
const path = require('path');
const webpack = require('webpack');
const { bundledLicenses, licenseComment } = require('./webpack.licenses');

// webpack's own minimizer plugin (its dependency), configured to keep no comments: the licences are added after it.
const MinimizerPlugin = require(require.resolve('minimizer-webpack-plugin', { paths: [path.dirname(require.resolve('webpack'))] }));

const FILENAME = 'selfeval.cjs';

/** Prepends the shebang and the licence comment to the minified file (after the minimizer, which would drop them). */
class ShebangAndLicenses {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('ShebangAndLicenses', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'ShebangAndLicenses', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 100 }, () => {
        const { version } = require('./package.json');
        const head = '#!/usr/bin/env node\n' + licenseComment(`selfeval ${version}: the command line in one file (needs Node.js 20 and nothing else)`, bundledLicenses(compilation));
        compilation.updateAsset(FILENAME, (source) => new webpack.sources.ConcatSource(head, source));
      });
    });
  }
}

module.exports = (env = {}, argv = {}) => ({
  mode: argv.mode || 'production',
  target: 'node20',
  devtool: false,
  entry: { selfeval: './src/cli/selfeval.ts' },
  output: {
    path: path.resolve(__dirname, env.out || 'dist'),
    filename: FILENAME,
    chunkFormat: 'commonjs',
    clean: false, // dist/ also holds tsc's output (dist/cli, …) and dist/web
  },
  // No __dirname/__filename rewriting: nothing in the CLI reads its own location.
  node: false,
  resolve: {
    extensions: ['.ts', '.js'],
    // The batch summary's writer: ExcelJS's own one-file build (its Node entry pulls in archiver, unzipper and
    // their optional requires), evaluated only when a summary is written.
    alias: { exceljs$: require.resolve('exceljs/dist/exceljs.bare.min.js') },
  },
  module: {
    // Already a bundle (browserify): taken as it is, so its prelude's `typeof require` stays its own business.
    noParse: /exceljs[\\/]dist[\\/]exceljs\.bare\.min\.js$/,
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        // ES modules, so that webpack can drop unused exports (package.json keeps only `version`) and hoist scopes.
        use: { loader: 'ts-loader', options: { configFile: 'tsconfig.cli.json', transpileOnly: true, compilerOptions: { module: 'es2020', moduleResolution: 'node', sourceMap: false } } },
      },
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
  plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }), new ShebangAndLicenses()],
});
