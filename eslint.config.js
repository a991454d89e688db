// ESLint flat config (eslint 9 + typescript-eslint). Run: `npm run lint` (eslint src, then the ES5 type check).
//
// Besides the recommended rules it enforces the architecture (README, "代码结构"):
//
//   cli | taskpane  →  hosts  →  workbook  →  engine
//
// - src/engine imports nothing from the project but itself;
// - src/workbook imports only engine, itself, and messages/notes (the text of 计算说明);
// - src/hosts/<host> imports workbook, engine, messages and its own folder (never another host);
//   src/hosts/report renders the 自评报告 (.docx, md, txt) for every host, which import it;
// - src/messages imports the engine, workbook types, and at run time only workbook/vocabulary and
//   workbook/address (leaves: no cycle with the workbook's one import of messages/notes);
// - src/cli never imports the task pane or the office.js host; src/taskpane never imports the CLI;
// - decimal.js is imported only inside src/engine (one configured constructor);
// - no eval, no new Function / Function(), no string timers.
//
// Import rules use eslint's own no-restricted-imports (its typescript-eslint twin where
// `import type` must be told apart); each folder's block lists every restriction that
// applies there, because a later block replaces a rule's options instead of merging them.
// CommonJS (the package is not an ES module), so test/hardening/lint.test.ts can require() it and hand it
// to the ESLint Node API inside jest, where ESLint's own dynamic import() of a config file is unavailable.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

const DECIMAL = { group: ['decimal.js', 'decimal.js/*'], message: 'decimal.js 只能在 src/engine 中使用（唯一的配置实例在 src/engine/decimal.ts）。' };

/** `no-restricted-imports` options: the patterns given, plus decimal.js outside the engine. */
function restrict(patterns, { decimal = true } = {}) {
  return ['error', { patterns: decimal ? [...patterns, DECIMAL] : patterns }];
}

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-output/**', '**/*.js', '**/*.mjs', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    // Declared so that no-implied-eval recognises string timers (TypeScript itself checks every global).
    languageOptions: {
      globals: { setTimeout: 'readonly', setInterval: 'readonly', setImmediate: 'readonly', window: 'readonly', self: 'readonly', globalThis: 'readonly' },
    },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      'no-restricted-globals': ['error', { name: 'eval', message: '不允许 eval。' }],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'eval', message: '不允许 eval。' },
        { object: 'globalThis', property: 'eval', message: '不允许 eval。' },
      ],
      // The office.js API is typed with `any[][]` for values; the host casts at that boundary only.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // A path reference to a local .d.ts shim (src/taskpane/office-js-helpers.d.ts) is how such a shim is included.
      '@typescript-eslint/triple-slash-reference': ['error', { path: 'always', types: 'prefer-import', lib: 'always' }],
      // Ideographic spaces (U+3000) in the template's Chinese form lines are content.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true }],
      'no-restricted-imports': restrict([]),
    },
  },
  {
    // ES5 polyfills follow the spec's own algorithms, which alias `this`.
    files: ['src/taskpane/polyfills.ts'],
    rules: { '@typescript-eslint/no-this-alias': 'off' },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([{ regex: '^\\.\\./', message: 'src/engine 只能导入自身（engine 不依赖项目中的其他部分）。' }], { decimal: false }),
    },
  },
  {
    files: ['src/workbook/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { regex: '^\\.\\./(?!(engine|messages/notes)$)', message: 'src/workbook 只能导入 engine、workbook 自身，以及写“计算说明”用的 messages/notes。' },
      ]),
    },
  },
  ...['xlsx', 'excel', 'report'].map((host) => ({
    files: [`src/hosts/${host}/**/*.ts`],
    rules: {
      'no-restricted-imports': restrict([
        { regex: `^\\.\\./(?!\\.\\./|${host}(/|$))`, message: `src/hosts/${host} 不能导入另一个宿主（hosts 之间互不依赖）。` },
        { regex: '^\\.\\./\\.\\./(?!(workbook|engine|messages)(/|$))', message: `src/hosts/${host} 只能导入 workbook、engine、messages 和自身。` },
      ]),
    },
  })),
  {
    // messages render the contract's data: they read the engine, the workbook's types, and at run
    // time only the two leaf modules that import nothing back (vocabulary, address) — so the one use
    // the other way (workbook → messages/notes, to write 计算说明) can never form a cycle.
    files: ['src/messages/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./(?!(engine|workbook)(/|$))', message: 'src/messages 只能导入 engine、workbook 的类型与词表，以及 messages 自身。' },
            {
              regex: '^\\.\\./workbook/(?!(vocabulary|address)$)',
              allowTypeImports: true,
              message: 'src/messages 只能导入 workbook 的类型（import type），以及 vocabulary、address 两个模块。',
            },
            DECIMAL,
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { regex: '^\\.\\./(taskpane|hosts/excel)(/|$)', message: '命令行不能导入任务窗格或 office.js 宿主。' },
      ]),
    },
  },
  {
    files: ['src/taskpane/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([{ regex: '^(\\.\\./)+cli(/|$)', message: '任务窗格不能导入命令行。' }]),
    },
  },
);
