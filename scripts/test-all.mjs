#!/usr/bin/env node
/**
 * npm test — every check, in order: lint, typecheck, unit, integration (embedded
 * PGlite; and PostgreSQL too when TEST_POSTGRES_URL is set), end-to-end (Chromium),
 * and with TEST_POSTGRES_URL the production topology behind nginx.
 * Stops at the first failing step and ends with one summary line of test counts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
delete env.DATABASE_URL; // the default suite runs on the embedded database

function ensureChromium() {
  if (fs.existsSync('/usr/bin/chromium')) return;
  const install = 'apt-get update && apt-get install -y chromium fonts-noto-cjk';
  if (process.getuid?.() === 0) {
    console.log(`Debian's Chromium is missing: ${install}`);
    const r = spawnSync('sh', ['-c', install], { stdio: 'inherit', env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status === 0) return;
  }
  console.error(`The end-to-end tests need Debian's Chromium. Install it with:\n  sudo ${install}`);
  process.exit(1);
}

const counts = { passed: 0, failed: 0, skipped: 0 };

function vitestCounts(file) {
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  counts.passed += report.numPassedTests;
  counts.failed += report.numFailedTests;
  counts.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}

function playwrightCounts(file) {
  const { stats } = JSON.parse(fs.readFileSync(file, 'utf8'));
  counts.passed += stats.expected + stats.flaky;
  counts.failed += stats.unexpected;
  counts.skipped += stats.skipped;
}

const E2E_DATA = '.data/e2e-run';

const vitest = (project, out) => ['npx', 'vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${out}`];

const steps = [
  { name: 'lint', cmd: ['npx', 'eslint', '--max-warnings=0', '.'] },
  { name: 'typecheck', cmd: ['npx', 'tsc', '--noEmit'] },
  { name: 'unit', cmd: vitest('unit', 'test-results/unit.json'), after: () => vitestCounts('test-results/unit.json') },
  {
    name: 'integration (PGlite)',
    cmd: vitest('integration', 'test-results/integration.json'),
    after: () => vitestCounts('test-results/integration.json'),
  },
  ...(process.env.TEST_POSTGRES_URL
    ? [
        {
          name: 'integration (PostgreSQL)',
          cmd: vitest('integration', 'test-results/integration-pg.json'),
          env: { DATABASE_URL: process.env.TEST_POSTGRES_URL },
          after: () => vitestCounts('test-results/integration-pg.json'),
        },
      ]
    : []),
  {
    name: 'e2e (Chromium)',
    before: ensureChromium,
    cmd: ['npx', 'playwright', 'test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_FILE: 'test-results/e2e.json', E2E_DATA_DIR: E2E_DATA },
    after: () => playwrightCounts('test-results/e2e.json'),
  },
  {
    // SECURITY 19 and 22, on what the whole e2e run wrote: no clear ID number in the product's tables, none (nor a bank number) in the server's log.
    name: 'no clear ID or bank numbers in the e2e database and server log',
    cmd: ['npx', 'tsx', 'scripts/scan-clear-ids.ts', `${E2E_DATA}/pglite`, `${E2E_DATA}/server.log`],
    after: () => {
      counts.passed += 1;
    },
  },
  ...(process.env.TEST_POSTGRES_URL
    ? [
        {
          // Issue 15: nginx (TLS) → two web processes + one worker on PostgreSQL, on the e2e step's build.
          name: 'topology (nginx, 2 web, 1 worker, PostgreSQL)',
          cmd: ['node', 'scripts/topology-test.mjs', '--reporter=list,json'],
          env: { PLAYWRIGHT_JSON_OUTPUT_FILE: 'test-results/topology.json' },
          after: () => playwrightCounts('test-results/topology.json'),
        },
      ]
    : []),
];

const timings = [];
let failedStep;
for (const step of steps) {
  console.log(`\n━━ ${step.name} ━━`);
  step.before?.();
  const started = performance.now();
  const [cmd, ...args] = step.cmd;
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...step.env } });
  timings.push(`${step.name} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  try {
    step.after?.();
  } catch {
    // a runner that crashed before writing its report: its exit code tells
  }
  if (r.status !== 0) {
    failedStep = step.name;
    if (counts.failed === 0) counts.failed = 1;
    break;
  }
}

console.log(`\n${timings.join(' · ')}`);
if (failedStep) console.log(`failed at: ${failedStep}`);
console.log(`tests: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
process.exit(failedStep ? 1 : 0);
