import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const root = import.meta.dirname;

/**
 * Test files share their worker's modules (isolate: false): loading the code under test
 * once per worker instead of once per file was half the CPU time of the unit and the
 * integration suites (issue 19). What a file may change besides modules — the environment,
 * the metrics — is put back before each file (tests/support/fresh-file.ts). Files that
 * replace modules (vi.mock) need a module graph of their own: the `-isolated` projects
 * (docs/decisions/0032).
 */
const FRESH_FILE = path.join(root, 'tests/support/fresh-file.ts');

/** The test files under `dir` that replace modules (vi.mock, vi.doMock). */
function replacingModules(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => `${dir}/${file}`)
    .filter((file) => /\bvi\.(?:do)?[mM]ock\(/.test(fs.readFileSync(path.join(root, file), 'utf8')));
}
const UNIT = 'lib/**/*.test.ts';
const unitReplacing = replacingModules('lib');
const INTEGRATION = 'tests/integration/**/*.test.ts';
const integrationReplacing = replacingModules('tests/integration');

/** The integration projects' common options: a migrated database per file, the product wired as runtime.ts wires it. */
const integration: TestProjectInlineConfiguration['test'] = {
  environment: 'node',
  // One migrated database made once (a PGlite dump or a PostgreSQL template); each file copies it.
  globalSetup: [path.join(root, 'tests/integration/support/global-setup.ts')],
  // The feature modules plugged together, as runtime.ts does for the app's entry points.
  setupFiles: [path.join(root, 'tests/support/wiring.ts'), FRESH_FILE],
  // 2 cores: at most two files at a time, each with its own database.
  pool: 'forks',
  maxWorkers: 2,
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

/**
 * Fixed keys for tests only (never used outside vitest). env() validates them like
 * real ones: a 32+ character secret and two base64-encoded 32-byte keys. And one setting
 * of the test run.
 */
const testEnv = {
  NODE_ENV: 'test',
  NEXTAUTH_SECRET: 'test-only-nextauth-secret-0123456789abcdef',
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 0x11).toString('base64'),
  BLIND_INDEX_KEY: Buffer.alloc(32, 0x22).toString('base64'),
  // The suite's own files take both cores: the recognition test's worker must not yield
  // them all (docs/decisions/0034), or its reads run out of time.
  RECOGNITION_NICENESS: '0',
} satisfies Partial<NodeJS.ProcessEnv>;

export default defineConfig({
  resolve: { alias: [{ find: /^@\//, replacement: `${root}/` }] },
  test: {
    env: testEnv,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: [UNIT], exclude: unitReplacing, environment: 'node', isolate: false, setupFiles: [FRESH_FILE] },
      },
      ...(unitReplacing.length > 0 ? [{ extends: true as const, test: { name: 'unit-isolated', include: unitReplacing, environment: 'node' as const } }] : []),
      {
        extends: true,
        test: { ...integration, name: 'integration', include: [INTEGRATION], exclude: integrationReplacing, isolate: false },
      },
      {
        extends: true,
        test: { ...integration, name: 'integration-isolated', include: integrationReplacing, isolate: true },
      },
    ],
  },
});
