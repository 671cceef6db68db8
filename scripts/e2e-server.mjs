#!/usr/bin/env node
/**
 * The server the Playwright suite runs against (playwright.config.ts → webServer):
 * a production build (`next build`, skipped when E2E_SKIP_BUILD=1 and a build
 * exists) served by `next start` on a fresh, seeded, throw-away PGlite folder.
 *
 * The order matters: PGlite allows one process per folder, so the seed runs and
 * exits before the server opens the folder. The folder is removed when the server
 * stops (Playwright sends SIGTERM to the process group) and on the next start.
 *
 * `--build-only` runs the same build and exits: npm test builds while the integration
 * tests run, then starts the suite with E2E_SKIP_BUILD=1.
 *
 * `--seed-only` (with E2E_DATA_DIR) migrates and seeds that folder, fills the account pool
 * of E2E_PORT and exits, leaving a `seeded` mark: npm test seeds both servers' folders side
 * by side while the integration tests run. A later start with E2E_PRESEEDED=1 on a folder
 * so marked (same port and provider) serves it as it is instead of seeding again.
 *
 * `--tencentcloud` serves the same build with the face channel on the tencentcloud
 * provider (issue 18): it first starts the local fake of the Tencent Cloud API
 * (tests/support/tencentcloud-fake, test-only) on E2E_TENCENTCLOUD_FAKE_PORT and points
 * TENCENTCLOUD_FACEID_ENDPOINT at it. Playwright starts it after the main server, whose
 * build it reuses (playwright.config.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);

const port = process.env.E2E_PORT ?? '3100';
const origin = `http://127.0.0.1:${port}`;
const log = (message) => console.log(`[e2e-server] ${message}`);
/** Where the pooled accounts of the server on `port` are listed (tests/e2e/account-pool.ts claims them). */
const accountPoolDir = (p) => path.join(os.tmpdir(), `realname-accounts-${p}`);

const buildOnly = process.argv.includes('--build-only');
const seedOnly = process.argv.includes('--seed-only');
const tencentcloud = process.argv.includes('--tencentcloud');
const hasBuild = fs.existsSync(path.join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'));
if (seedOnly) {
  // Seeding needs no build.
} else if (!buildOnly && process.env.E2E_SKIP_BUILD === '1' && hasBuild) {
  log('E2E_SKIP_BUILD=1: using the existing .next build');
} else {
  log('next build …');
  // next build needs no secrets or database (pages are dynamic); NODE_ENV is its own business.
  const buildEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  delete buildEnv.NODE_ENV;
  delete buildEnv.DATABASE_URL;
  const started = Date.now();
  const r = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: buildEnv });
  if (r.status !== 0) {
    log(`next build failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
  log(`next build took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
if (buildOnly) process.exit(0);

// The Tencent Cloud fake, a child that goes when this process goes.
let fake;
process.on('exit', () => fake?.kill('SIGTERM'));
async function startTencentCloudFake(fakePort) {
  fake = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['tests/support/tencentcloud-fake/main.ts', fakePort], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    fake.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /listening (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    fake.on('exit', (code) => reject(new Error(`the Tencent Cloud fake exited (${code}) before listening`)));
  });
  fake.stdout.resume();
  log(`Tencent Cloud fake on ${url}`);
  return url;
}

// Throw-away data folders of runs that died without cleaning up (their owner is gone).
// The main and the Tencent Cloud server start together and both sweep: a folder may go
// between listing it and looking at it.
const TMP_PREFIX = 'realname-e2e-';
function ownerGone(dir) {
  let owner = 0;
  try {
    owner = Number(fs.readFileSync(path.join(dir, 'owner.pid'), 'utf8'));
  } catch {
    // No owner yet: a run that is just starting, unless the folder is old (or already gone).
    const stat = fs.statSync(dir, { throwIfNoEntry: false });
    return stat !== undefined && Date.now() - stat.mtimeMs >= 60_000;
  }
  try {
    process.kill(owner, 0);
    return false;
  } catch {
    return true;
  }
}
for (const name of fs.readdirSync(os.tmpdir())) {
  const dir = path.join(os.tmpdir(), name);
  if (name.startsWith(TMP_PREFIX) && ownerGone(dir)) fs.rmSync(dir, { recursive: true, force: true });
}

// E2E_DATA_DIR keeps the run's database for a check afterwards (npm test scans it for clear ID numbers).
const keptDir = process.env.E2E_DATA_DIR ? path.resolve(process.env.E2E_DATA_DIR) : undefined;
if (seedOnly && !keptDir) {
  log('--seed-only needs E2E_DATA_DIR');
  process.exit(2);
}
/** What a `seeded` mark says: the folder was seeded for this port and provider, and is unused. */
const seededMark = JSON.stringify({ port, tencentcloud });
const seededPath = keptDir && path.join(keptDir, 'seeded');
const preseeded = !seedOnly && process.env.E2E_PRESEEDED === '1' && !!seededPath && fs.existsSync(seededPath) && fs.readFileSync(seededPath, 'utf8') === seededMark;
if (keptDir && !preseeded) fs.rmSync(keptDir, { recursive: true, force: true });
// Served once: a second start seeds afresh.
if (preseeded) fs.rmSync(seededPath);
const dataRoot = keptDir ?? fs.mkdtempSync(path.join(os.tmpdir(), TMP_PREFIX));
fs.mkdirSync(dataRoot, { recursive: true });
fs.writeFileSync(path.join(dataRoot, 'owner.pid'), String(process.pid));
const cleanup = () => {
  if (!keptDir) fs.rmSync(dataRoot, { recursive: true, force: true });
};

// Fixed test-only secrets: this database lives for one run and holds nothing real.
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  NEXTAUTH_SECRET: 'e2e-only-nextauth-secret-0123456789abcdef',
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  BLIND_INDEX_KEY: Buffer.alloc(32, 9).toString('base64'),
  // One host everywhere: the action wrapper refuses any other Origin.
  APP_URL: origin,
  NEXTAUTH_URL: origin,
  PGLITE_DIR: path.join(dataRoot, 'pglite'),
  // The run's uploads live and go with its database, never in the developer's .data/uploads.
  UPLOAD_DIR: path.join(dataRoot, 'uploads'),
  UPLOADTHING_TOKEN: '',
  SIMULATORS_ENABLED: 'true',
  TRUST_PROXY: 'false',
  // The browsers run on the server's machine here: a recognition yielding to them (nice 10,
  // made to yield to the server's requests) starves past its 40 s timeout on a busy run.
  RECOGNITION_NICENESS: '0',
};
// The suite always runs on its own embedded database, even where CI exports one for integration tests.
delete env.DATABASE_URL;

if (tencentcloud && !seedOnly) {
  const fakePort = process.env.E2E_TENCENTCLOUD_FAKE_PORT;
  if (!fakePort) {
    log('--tencentcloud needs E2E_TENCENTCLOUD_FAKE_PORT');
    process.exit(2);
  }
  Object.assign(env, {
    CHANNEL_FACE_PROVIDER: 'tencentcloud',
    // The fake's test-only credentials (tests/support/tencentcloud-fake/server.ts FAKE_SECRET_ID / FAKE_SECRET_KEY).
    TENCENTCLOUD_SECRET_ID: 'AKIDfakeTencentCloudTestOnly0000',
    TENCENTCLOUD_SECRET_KEY: 'fake-secret-key-for-tests-only-00',
    TENCENTCLOUD_FACEID_ENDPOINT: await startTencentCloudFake(fakePort),
    FACEID_RULE_ID: '1',
  });
}

function run(command, args, extraEnv = {}) {
  const started = Date.now();
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (r.status !== 0) {
    cleanup();
    log(`${command} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
  return ((Date.now() - started) / 1000).toFixed(1);
}

if (preseeded) {
  log(`serving the folder seeded before: ${env.PGLITE_DIR}`);
} else {
  log(`migrating and seeding ${env.PGLITE_DIR} …`);
  // The README screenshots show 运营看板 with its 90 days of history; the journeys need none.
  const seedSeconds = run('npx', ['tsx', 'scripts/seed.ts', ...(process.env.E2E_SCREENSHOTS === '1' ? ['--history'] : [])], { NODE_ENV: 'production' });
  log(`seed took ${seedSeconds} s`);
  // The journeys' accounts: two reviewers yet to enrol 两步验证 (E2E_UNENROLLED_STAFF in
  // tests/e2e/fixtures.ts) and a pool of confirmed accounts (tests/e2e/account-pool.ts) —
  // a few for the tencentcloud server, whose journeys are few.
  const accountsSeconds = run('npx', ['tsx', 'scripts/e2e-accounts.ts', '--pool', accountPoolDir(port), '--size', tencentcloud ? '8' : '90', '--password', 'E2eTest2026pass'], {
    NODE_ENV: 'production',
  });
  log(`accounts took ${accountsSeconds} s`);
}
if (seedOnly) {
  fs.writeFileSync(seededPath, seededMark);
  process.exit(0);
}
log(`starting next start on ${origin}`);

// Node has no exec(): start the server as a child, pass signals on, exit with it.
// Keep-alive longer than the journeys' idle gaps: with Node's default 5 s the server may close a
// pooled socket just as Playwright's request context reuses it (read ECONNRESET).
const server = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', port, '-H', '127.0.0.1', '--keepAliveTimeout', '120000'], {
  stdio: keptDir ? ['inherit', 'pipe', 'pipe'] : 'inherit',
  env: { ...env, NODE_ENV: 'production' },
});
// A kept run also keeps the server's log, for the scan of SECURITY 22 (no ID or bank number in the logs).
if (keptDir) {
  const serverLog = fs.createWriteStream(path.join(dataRoot, 'server.log'));
  server.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    serverLog.write(chunk);
  });
  server.stderr.on('data', (chunk) => {
    process.stderr.write(chunk);
    serverLog.write(chunk);
  });
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (server.exitCode === null) server.kill(signal);
  });
}
server.on('exit', (code, signal) => {
  cleanup();
  process.exit(code ?? (signal ? 0 : 1));
});
