import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/generated/**',
      'node_modules/**',
      '.vetted/**',
      '.test-data/**',
      '.scratch/**',
      'bench/**/*.mjs',
      'libs/inference/bundle/**',
      '.gpu/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: './tsconfig.test.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-eval': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
    },
  },
  {
    // Only repositories touch Prisma: services decide, repositories do I/O. Types (row types, Prisma.*) stay allowed.
    files: ['apps/*/src/**/*.ts'],
    ignores: ['apps/*/src/**/*.repository.ts', 'apps/*/src/infra/**', 'apps/*/src/{app,worker}.module.ts', 'apps/*/src/{main,worker}.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@vetted/db',
              importNames: ['PrismaClient', 'Prisma'],
              allowTypeImports: true,
              message: 'Only *.repository.ts files (and infra) touch the database: call a repository, run transactions with Transactions.',
            },
          ],
          patterns: [
            {
              regex: '(^|/)infra/prisma\\.service(\\.js)?$',
              importNames: ['PrismaService'],
              allowTypeImports: true,
              message: 'Only *.repository.ts files (and infra) touch the database: call a repository, run transactions with Transactions.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read arbitrary JSON from responses and assert on it.
    files: ['**/test/**', 'e2e/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Browser code, type-checked with its own tsconfig (DOM library, JSX); TypeScript checks its globals.
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    ignores: ['apps/web/scripts/**'],
    languageOptions: { parserOptions: { project: './apps/web/tsconfig.json', tsconfigRootDir: import.meta.dirname } },
  },
  { files: ['**/*.js', '**/*.mjs', '**/*.d.mts'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.js', '**/*.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } } },
);
