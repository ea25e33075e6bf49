// ESLint: typescript-eslint's strict, type-checked rules over the site, the Studio, the scripts and
// the tests (`npm run lint`, part of `npm test`). Formatting is Prettier's job (`npm run format`),
// so no rule here is about layout.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** `a ? x : x` and `if (a) { x } else { x }`: the condition decides nothing (issue 18 found some). */
const noIdenticalBranches = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow a ternary or if/else whose branches are the same code' },
    messages: { same: 'Both branches are the same code: drop the condition, or make the branches differ.' },
    schema: [],
  },
  create(context) {
    const text = (node) => context.sourceCode.getText(node).replace(/\s+/g, ' ');
    const check = (node, consequent, alternate) => {
      if (alternate && text(consequent) === text(alternate)) context.report({ node, messageId: 'same' });
    };
    return {
      ConditionalExpression: (node) => check(node, node.consequent, node.alternate),
      IfStatement: (node) => check(node, node.consequent, node.alternate),
    };
  },
};

/** An `eslint-disable` comment must say why after ` -- `, so a reader can judge it. */
const disableWithReason = {
  meta: {
    type: 'suggestion',
    docs: { description: 'Require a reason on every eslint-disable comment' },
    messages: { reason: 'Say why after ` -- ` (eslint-disable-next-line rule -- reason).' },
    schema: [],
  },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          if (/^\s*eslint-disable/.test(comment.value) && !/ -- \S/.test(comment.value)) {
            context.report({ loc: comment.loc, messageId: 'reason' });
          }
        }
      },
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      'dist-*/',
      '.astro/',
      'studio/.sanity/',
      'public/',
      'test-results/',
      'playwright-report/',
      '.bench/',
      'data/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  astro.configs.recommended,
  {
    plugins: {
      local: { rules: { 'no-identical-branches': noIdenticalBranches, 'disable-with-reason': disableWithReason } },
    },
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        // Each file is checked against its own tsconfig: the root one, studio/ or src/sw/.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.astro'],
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // tsconfig's strictest preset types every index and regex group as possibly undefined
      // (noUncheckedIndexedAccess); `!` marks the places where the code knows better: a required
      // capture group, arrays built to the same length, an element the component itself renders.
      // Replacing each with a check that cannot fail would hide the few real ones, not find them.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Index-signature properties are written with brackets (`process.env['PORT']`,
      // `row['client_id']`, `dataset['counter']`): it shows the key may be absent.
      '@typescript-eslint/dot-notation': ['error', { allowIndexSignaturePropertyAccess: true }],
      // Numbers in templates (`${count} files`, `slide-${index}`) print as expected; the rule's other
      // cases (undefined, null, booleans, objects, any) stay errors as in the strict preset.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        {
          allowNumber: true,
          allowAny: false,
          allowBoolean: false,
          allowNullish: false,
          allowRegExp: false,
          allowNever: false,
        },
      ],
      // `onClick={() => setOpen(true)}`: React handlers in arrow shorthand are the idiom.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // `async` without `await` implements a Promise-returning interface (the session store's
      // SQLite engine, Workbox plugin callbacks) and turns a throw into a rejection; dropping it,
      // as the rule asks, would make those throws synchronous.
      '@typescript-eslint/require-await': 'off',
      'local/no-identical-branches': 'error',
      'local/disable-with-reason': 'error',
      // `const { id: _id, ...rest } = value` is how the code drops a key from a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // `value || fallback` on strings treats '' as missing, as meant for environment variables and
      // form fields; `??` would keep the empty string.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
    },
  },
  {
    // astro-eslint-parser takes `project`, not `projectService`; types come from `astro sync`.
    files: ['**/*.astro'],
    languageOptions: { parserOptions: { projectService: false, project: true } },
  },
  {
    // Browser code: the offline client, the components that hydrate, the Studio.
    files: ['src/offline/**', 'src/components/**', 'studio/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['tests/**'],
    rules: {
      // Vitest's and Playwright's asymmetric matchers (`expect.any(String)`,
      // `expect.stringContaining(...)`) are typed `any`, so every expected object that holds one
      // trips this rule; what the tests read from `any` is still caught by no-unsafe-member-access.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['src/sw/**'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    // Plain JavaScript (the dataset generator, config files) and the scripts inside .astro files
    // belong to no tsconfig, so they get the rules that need no type information.
    files: ['**/*.js', '**/*.mjs', '**/*.astro/*.ts', '**/*.astro/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
