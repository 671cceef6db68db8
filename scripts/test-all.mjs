#!/usr/bin/env node
/**
 * npm test — every check, in order: lint and typecheck (side by side: one core each),
 * unit, integration (embedded PGlite; and PostgreSQL too when TEST_POSTGRES_URL is set),
 * end-to-end (Chromium), and with TEST_POSTGRES_URL the production topology behind nginx.
 * The production build the last two use is made in the background from the unit tests on,
 * at a lower priority, and the e2e servers' databases are seeded in the background from the
 * PostgreSQL integration tests on.
 * Stops at the first failing step and ends with one summary line of test counts.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
delete env.DATABASE_URL; // the default suite runs on the embedded database

function ensureChromium() {
  // The journeys run in the headless shell, or in the full browser where only that is installed (playwright.config.ts).
  if (fs.existsSync('/usr/lib/chromium/chromium-headless-shell') || fs.existsSync('/usr/bin/chromium')) return;
  const install = 'apt-get update && apt-get install -y chromium chromium-headless-shell fonts-noto-cjk';
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

/** The build of the e2e and topology steps: started before the unit tests, waited for by the e2e step. */
const build = { name: 'next build (in the background)', cmd: ['nice', '-n', '10', 'node', 'scripts/e2e-server.mjs', '--build-only'] };

/**
 * The e2e servers' databases, seeded side by side while the integration tests run (one
 * seed alone leaves a core idle); the e2e step serves them as they are (E2E_PRESEEDED).
 * The ports are playwright.config.ts' defaults: the main server's, the tencentcloud one's next to it.
 */
const E2E_PORT = process.env.E2E_PORT ?? '3100';
const seed = (name, port, dir, ...flags) => ({
  name: `seed the ${name} e2e server's database (in the background)`,
  cmd: ['nice', '-n', '10', 'node', 'scripts/e2e-server.mjs', '--seed-only', ...flags],
  env: { E2E_PORT: port, E2E_DATA_DIR: dir },
});
const seedMain = seed('main', E2E_PORT, E2E_DATA);
const seedTencentCloud = seed('tencentcloud', process.env.E2E_TENCENTCLOUD_PORT ?? String(Number(E2E_PORT) + 1), `${E2E_DATA}-tencentcloud`, '--tencentcloud');

const steps = [
  {
    parallel: [
      { name: 'lint', cmd: ['npx', 'eslint', '--max-warnings=0', '.'] },
      { name: 'typecheck', cmd: ['npx', 'tsc', '--noEmit'] },
    ],
  },
  { background: build },
  { name: 'unit', cmd: vitest('unit*', 'test-results/unit.json'), after: () => vitestCounts('test-results/unit.json') },
  {
    name: 'integration (PGlite)',
    cmd: vitest('integration*', 'test-results/integration.json'),
    after: () => vitestCounts('test-results/integration.json'),
  },
  { background: seedMain },
  ...(process.env.E2E_TENCENTCLOUD === '0' ? [] : [{ background: seedTencentCloud }]),
  ...(process.env.TEST_POSTGRES_URL
    ? [
        {
          name: 'integration (PostgreSQL)',
          cmd: vitest('integration*', 'test-results/integration-pg.json'),
          env: { DATABASE_URL: process.env.TEST_POSTGRES_URL },
          after: () => vitestCounts('test-results/integration-pg.json'),
        },
      ]
    : []),
  { waitFor: build },
  { waitFor: seedMain },
  ...(process.env.E2E_TENCENTCLOUD === '0' ? [] : [{ waitFor: seedTencentCloud }]),
  {
    name: 'e2e (Chromium)',
    before: ensureChromium,
    cmd: ['npx', 'playwright', 'test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_FILE: 'test-results/e2e.json', E2E_DATA_DIR: E2E_DATA, E2E_SKIP_BUILD: '1', E2E_PRESEEDED: '1' },
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
  {
    // The same of the second e2e server (the face channel on Tencent Cloud's fake; playwright.config.ts).
    name: 'no clear ID or bank numbers in the tencentcloud e2e database and server log',
    cmd: ['npx', 'tsx', 'scripts/scan-clear-ids.ts', `${E2E_DATA}-tencentcloud/pglite`, `${E2E_DATA}-tencentcloud/server.log`],
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

/** Background runs still going, each the leader of its own process group (the build has children). */
const running = new Set();
function stopBackground() {
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopBackground();
    process.exit(130);
  });
}

/**
 * Runs a step's command. `live`: its output goes straight to the terminal; otherwise it is
 * kept and printed as one block later (steps running side by side do not interleave).
 * `detached`: in a process group of its own, stopped by stopBackground().
 */
function start(step, { live = false, detached = false } = {}) {
  const started = performance.now();
  const [cmd, ...args] = step.cmd;
  const child = spawn(cmd, args, { stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: { ...env, ...step.env }, detached });
  if (detached) running.add(child);
  const output = [];
  if (!live) {
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
  }
  return new Promise((resolve) => {
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code) => {
      running.delete(child);
      resolve({ step, status: code ?? 1, output: Buffer.concat(output), seconds: (performance.now() - started) / 1000 });
    });
  });
}

const timings = [];
const background = new Map(); // step → its run, started earlier
let failedStep;

/** Records a finished run; answers whether it passed. */
function finish({ step, status, seconds }) {
  timings.push(`${step.name} ${seconds.toFixed(1)} s`);
  try {
    step.after?.();
  } catch {
    // a runner that crashed before writing its report: its exit code tells
  }
  if (status === 0) return true;
  failedStep ??= step.name;
  if (counts.failed === 0) counts.failed = 1;
  return false;
}

function printBlock(run) {
  console.log(`\n━━ ${run.step.name} ━━`);
  process.stdout.write(run.output);
}

for (const entry of steps) {
  if (entry.background) {
    console.log(`\n━━ ${entry.background.name}: started ━━`);
    background.set(entry.background, start(entry.background, { detached: true }));
    continue;
  }
  let ok;
  if (entry.waitFor) {
    const run = await background.get(entry.waitFor);
    printBlock(run);
    ok = finish(run);
  } else if (entry.parallel) {
    const [first, ...rest] = entry.parallel;
    console.log(`\n━━ ${entry.parallel.map((step) => step.name).join(' ∥ ')} ━━\n━━ ${first.name} ━━`);
    const runs = await Promise.all([start(first, { live: true }), ...rest.map((step) => start(step))]);
    runs.slice(1).forEach(printBlock);
    ok = runs.map(finish).every(Boolean);
  } else {
    console.log(`\n━━ ${entry.name} ━━`);
    entry.before?.();
    ok = finish(await start(entry, { live: true }));
  }
  if (!ok) break;
}
// A failed run does not leave the build it no longer needs running.
stopBackground();

console.log(`\n${timings.join(' · ')}`);
if (failedStep) console.log(`failed at: ${failedStep}`);
console.log(`tests: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
process.exit(failedStep ? 1 : 0);
