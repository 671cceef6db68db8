import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import { defineConfig, globalIgnores } from 'eslint/config';

/**
 * The dependency rules of ARCHITECTURE.md, enforced so that a forbidden import fails
 * `npm run lint` (and so `npm test`). tests/integration/lint-boundaries.test.ts proves
 * each zone fires.
 */
const boundaries = {
  'import/no-restricted-paths': [
    'error',
    {
      basePath: import.meta.dirname,
      zones: [
        {
          target: './app/**/*',
          from: './db/**/*',
          message: 'app/ reaches the database only through lib/services (ARCHITECTURE rule 1).',
        },
        {
          // Product code never imports the simulated providers; only their own console and API may.
          target: ['./app/!(sim|api)/**/*', './app/*.{ts,tsx}', './app/api/!(sim)/**/*', './lib/!(simulators)/**/*', './lib/*.ts', './db/**/*', './proxy.ts'],
          from: './lib/simulators/**/*',
          message: 'The simulated world is a separate party: talk to it over HTTP (ARCHITECTURE rule 2).',
        },
        {
          // …and the simulators never read product tables or call product code.
          target: './lib/simulators/**/*',
          from: ['./db/queries/**/*', './db/schema/**/*', './lib/services/**/*', './lib/channels/**/*', './app/**/*'],
          message: 'Simulators never read product tables or call product code (ARCHITECTURE rule 2).',
        },
        {
          target: './lib/domain/**/*',
          from: ['./db/**/*', './app/**/*', './lib/!(domain)/**/*', './lib/*.ts'],
          message: 'lib/domain is pure: no database, framework, clock or services (ARCHITECTURE rule 1).',
        },
      ],
    },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', '.next-*/**', 'node_modules/**', '.data/**', 'drizzle/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', 'coverage/**']),
  { rules: boundaries },
  {
    files: ['lib/domain/**/*.ts'],
    ignores: ['lib/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|\\.{1,2}/|@/lib/domain/)',
              message: 'lib/domain imports nothing but itself and zod: time is a parameter, I/O belongs to services.',
            },
          ],
        },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
]);
