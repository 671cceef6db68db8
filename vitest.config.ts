import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

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
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // One migrated database made once (a PGlite dump or a PostgreSQL template); each file copies it.
          globalSetup: [path.join(root, 'tests/integration/support/global-setup.ts')],
          // The feature modules plugged together, as runtime.ts does for the app's entry points.
          setupFiles: [path.join(root, 'tests/support/wiring.ts')],
          // 2 cores: at most two files at a time, each in its own process with its own database.
          pool: 'forks',
          maxWorkers: 2,
          isolate: true,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
