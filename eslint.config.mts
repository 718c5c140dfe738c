/**
 * Lint rules, and the folder rules of the layout (what may import what), in one place: `npm run lint`.
 * The folder rules here are per file; test/unit/boundaries.test.ts adds what needs the whole import
 * graph (what the renderer and the sandboxed preload reach indirectly, and import cycles).
 */
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import type { Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const AREAS = [
  'settings',
  'projects',
  'indicators',
  'targets',
  'exAnte',
  'monitoring',
  'rectification',
  'keyEvaluations',
  'reports',
  'review',
  'selfEvaluations',
  'resultApplication',
  'overview',
  'exchange',
  'accounts',
];
const NODE_AND_DATABASE = [
  { regex: '^node:', message: '界面代码在浏览器中运行，不能使用 Node 接口。' },
  { regex: '^(fs|path|os|child_process|crypto|url|util|stream)$', message: '界面代码在浏览器中运行，不能使用 Node 接口。' },
  { regex: '^(better-sqlite3|drizzle-orm)(/|$)', message: '界面不直接访问台账：通过 window.ledger 调用。' },
];

/** A folder rule: files matching `files` may not import specifiers matching any of `patterns`. */
const folderRule = (files: string[], patterns: { regex: string; message: string }[], ignores: string[] = []): Linter.Config => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

const ELECTRON = { regex: '^electron(/|$)', message: "只有 electron/shell/ 中的外壳代码可以导入 'electron'。" };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'db/migrations/**', 'assets/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // `x != null` is the idiom for "neither null nor undefined".
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Official documents use the full-width space (U+3000) in their text.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true, skipRegExps: true }],
    },
  },
  // Tests read JSON documents and fake untyped APIs; `any` there is the honest type.
  { files: ['test/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },

  // The folder rules. Only the shell imports 'electron'.
  folderRule(['electron/**', 'renderer/**', 'db/**', 'scripts/**'], [ELECTRON], ['electron/shell/**']),
  // Pure rules: other rules and zod, nothing else (no I/O, no clock, no ledger).
  folderRule(
    ['electron/rules/**'],
    [{ regex: '^(?!zod$|\\./|\\.\\./\\.\\./db/vocabulary$)', message: '规则是纯函数：只能导入其他规则、zod 和 db/vocabulary。' }],
  ),
  // The vocabulary sits below everything, the rules and the renderer's contract included.
  folderRule(['db/vocabulary.ts'], [{ regex: '.', message: 'db/vocabulary.ts 不导入任何模块。' }]),
  // db/ is the bottom layer: it imports nothing from the code above it.
  folderRule(['db/**'], [ELECTRON, { regex: '^(\\.\\./)+(electron|renderer|scripts)(/|$)', message: 'db/ 不依赖上层代码。' }]),
  // The renderer sees the main process only through the contract and the pure rules.
  folderRule(
    ['renderer/**'],
    [
      ELECTRON,
      ...NODE_AND_DATABASE,
      { regex: '^(\\.\\./)+(db|scripts)(/|$)', message: '界面不能导入 db/ 或 scripts/。' },
      {
        regex: '^(\\.\\./)+electron/(?!rules/|bridge/contract$)',
        message: '界面只能导入 electron/bridge/contract（类型与调用）和 electron/rules（纯函数）。',
      },
    ],
  ),
  // Services (the ledger's own and each area's) and the file formats run under plain Node: never the bridge or the shell.
  folderRule(
    ['electron/ledger/**', 'electron/formats/**', ...AREAS.map((a) => `electron/${a}/**`)],
    [ELECTRON, { regex: '^(\\.\\./)+(bridge|shell)(/|$)', message: '服务和文件格式不依赖桥接层或外壳。' }],
  ),
  // File formats are generic: they know no business area.
  folderRule(
    ['electron/formats/**'],
    [
      ELECTRON,
      { regex: `^\\.\\./(${[...AREAS, 'ledger', 'bridge', 'shell'].join('|')})(/|$)`, message: '文件格式模块是通用的，不依赖业务模块。' },
    ],
  ),
  // The ledger's own services (years, audit, backup) are below every area.
  folderRule(
    ['electron/ledger/**'],
    [ELECTRON, { regex: `^\\.\\./(${AREAS.join('|')}|bridge|shell)(/|$)`, message: '台账基础服务不依赖业务模块。' }],
  ),
);
