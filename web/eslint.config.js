// ESLint flat config: typescript-eslint (type-aware), React hooks, accessibility, and the layering of bulletproof-react:
// shared code (components, lib, config) → features → app. A feature never imports another feature or the app; the
// app's routes compose features. Tests are harnesses and may mount the app's providers and other features' fixtures.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const testFiles = ['src/**/*.test.{ts,tsx}', 'src/testing/**'];

/**
 * One block per feature: it may import itself and shared code, never another feature (nor, outside tests, the app).
 * Note: regular expressions, because ignore-style negations cannot re-allow a path under an excluded folder.
 */
const featureBoundaries = features.flatMap((feature) => {
  const message = 'A feature does not import another feature: move what both need to shared code, or compose them in app/.';
  const relativeEscape = { group: ['../../../*', '../../../**'], message: 'Import shared code with "@/…", and never another feature.' };
  return [
    {
      files: [`src/features/${feature}/**/*.{ts,tsx}`],
      ignores: testFiles,
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              { regex: `^@/features/(?!${feature}(/|$))`, message },
              relativeEscape,
              { regex: '^@/app(/|$)', message: 'Features do not depend on the app; the app composes features.' },
            ],
          },
        ],
      },
    },
    {
      // Tests may use other features' test fixtures and mount the app's providers, never other features' code.
      files: [`src/features/${feature}/**/*.test.{ts,tsx}`],
      rules: {
        'no-restricted-imports': ['error', { patterns: [{ regex: `^@/features/(?!${feature}(/|$))(?![^/]+/testing/)`, message }, relativeEscape] }],
      },
    },
  ];
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  reactHooks.configs.flat['recommended-latest'] ?? reactHooks.configs['recommended-latest'],
  jsxA11y.flatConfigs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      // Note: Mantine's onClick/onSubmit props take async handlers; the promise is handled inside (mutations report errors).
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Note: these three are written for the React Compiler, which this app does not use. They flag the patterns
      // chosen on purpose here (a ref that always holds the latest callback; state synchronised from a query or
      // from an object an effect creates; "now" read during render). rules-of-hooks and exhaustive-deps stay errors.
      'react-hooks/refs': 'off',
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/purity': 'off',
    },
  },
  {
    files: testFiles,
    rules: {
      // Note: `expect(object.method).toHaveBeenCalled()` and async fakes of async interfaces are how tests are written.
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Shared code sits below features and the app.
    files: ['src/components/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}', 'src/config/**/*.{ts,tsx}'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/features/*', '@/features/**', '@/app', '@/app/**'], message: 'Shared code does not depend on features or the app.' }] },
      ],
    },
  },
  ...featureBoundaries,
  {
    files: ['*.config.{js,cjs,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.{js,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
);
