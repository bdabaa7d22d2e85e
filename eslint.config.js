import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';

// Post text and names are hostile input: no HTML sinks anywhere.
const NO_SINKS = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No raw HTML in the UI: post text is hostile input.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No HTML sinks.' },
  {
    selector: "CallExpression[callee.name='eval'], NewExpression[callee.name='Function']",
    message: 'No eval: the extension CSP forbids it.',
  },
];
const POLYFILL = { name: 'webextension-polyfill', message: 'Import src/lib/browser instead.' };
// Classic zod's schemas carry methods no bundler can drop (JSON Schema among them): schemas use zod/mini,
// through src/core/zod-setup.ts (jitless, English messages).
const ZOD_CLASSIC = ['zod', 'zod/v4', 'zod/v3'].map((name) => ({ name, message: 'Import z from src/core (zod/mini) instead.' }));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/.work/**', 'bench/results/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    plugins: { 'no-unsanitized': nounsanitized },
    rules: {
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      'no-restricted-syntax': ['error', ...NO_SINKS],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Only src/lib may import the polyfill. (That only src/platforms knows a site's markup is a
    // convention no rule here checks: docs/ARCHITECTURE.md#one-place-rules.)
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/lib/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [POLYFILL, ...ZOD_CLASSIC] }],
    },
  },
  {
    files: ['src/lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: ZOD_CLASSIC }],
    },
  },
  {
    // The report builders are pure: what they build from comes as core types, never from the database.
    files: ['src/report/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [POLYFILL, ...ZOD_CLASSIC], patterns: [{ group: ['**/db', '**/db/**'], message: 'src/report takes core types.' }] },
      ],
    },
  },
  {
    // The worker reaches the database through src/db's queries, never a table directly.
    files: ['src/background/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...NO_SINKS,
        {
          selector:
            "MemberExpression[object.name='db'][property.name=/^(posts|observations|accounts|objections|formPrompts|scans|settings|diagnostics|exposureCounts)$/]",
          message: 'Add a query to src/db instead.',
        },
      ],
    },
  },
  {
    // The domain imports nothing of ours: every other folder may lean on it.
    files: ['src/core/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [POLYFILL, ...ZOD_CLASSIC], patterns: [{ group: ['../**'], message: 'src/core imports only src/core.' }] },
      ],
    },
  },
);
