import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const root = import.meta.dirname;

/**
 * Integration files that replace modules (vi.mock): they need a module graph of their own.
 * The others share their worker's: loading the whole product once per worker instead of
 * once per file was half the suite's CPU time (issue 19). What a file may change besides
 * modules — the environment — is put back before each file (tests/support/wiring.ts).
 */
const INTEGRATION = 'tests/integration/**/*.test.ts';
const replacesModules = fs
  .readdirSync(path.join(root, 'tests/integration'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts'))
  .map((file) => `tests/integration/${file}`)
  .filter((file) => /\bvi\.(?:do)?[mM]ock\(/.test(fs.readFileSync(path.join(root, file), 'utf8')));

/** The integration projects' common options: a migrated database per file, the product wired as runtime.ts wires it. */
const integration: TestProjectInlineConfiguration['test'] = {
  environment: 'node',
  // One migrated database made once (a PGlite dump or a PostgreSQL template); each file copies it.
  globalSetup: [path.join(root, 'tests/integration/support/global-setup.ts')],
  // The feature modules plugged together, as runtime.ts does for the app's entry points.
  setupFiles: [path.join(root, 'tests/support/wiring.ts')],
  // 2 cores: at most two files at a time, each with its own database.
  pool: 'forks',
  maxWorkers: 2,
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

/**
 * Fixed keys for tests only (never used outside vitest). env() validates them like
 * real ones: a 32+ character secret and two base64-encoded 32-byte keys.
 */
const testEnv = {
  NODE_ENV: 'test',
  NEXTAUTH_SECRET: 'test-only-nextauth-secret-0123456789abcdef',
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 0x11).toString('base64'),
  BLIND_INDEX_KEY: Buffer.alloc(32, 0x22).toString('base64'),
} satisfies Partial<NodeJS.ProcessEnv>;

export default defineConfig({
  resolve: { alias: [{ find: /^@\//, replacement: `${root}/` }] },
  test: {
    env: testEnv,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: { ...integration, name: 'integration', include: [INTEGRATION], exclude: replacesModules, isolate: false },
      },
      {
        extends: true,
        test: { ...integration, name: 'integration-isolated', include: replacesModules, isolate: true },
      },
    ],
  },
});
