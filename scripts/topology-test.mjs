#!/usr/bin/env node
/**
 * The production topology, tested (issue 15): nginx terminating TLS (deploy/nginx.conf,
 * a certificate made now) in front of two web processes (`next start`, WORKERS=off) and
 * one `npm run worker`, on a fresh PostgreSQL database, APP_URL=https://localhost:<port>,
 * TRUST_PROXY=true. Then tests/topology runs in Chromium through nginx. Everything it
 * started is stopped and removed afterwards, whatever happened.
 *
 *   TEST_POSTGRES_URL=postgres://… node scripts/topology-test.mjs [playwright options]
 *
 * Reuses the production build of the e2e step (the same NEXT_DIST_DIR); builds only when
 * there is none.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

const started = performance.now();
const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);
const log = (message) => console.log(`[topology] ${message}`);

const serverUrl = process.env.TEST_POSTGRES_URL;
if (!serverUrl) {
  console.error('[topology] TEST_POSTGRES_URL is required (a PostgreSQL server where this test may create a database)');
  process.exit(2);
}
const nginxBin = ['/usr/sbin/nginx', ...(process.env.PATH ?? '').split(':').map((dir) => path.join(dir, 'nginx'))].find((p) => fs.existsSync(p));
if (!nginxBin) {
  console.error('[topology] nginx is missing: apt-get install -y nginx');
  process.exit(2);
}

const GRACE_MS = 5_000;
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'realname-topology-'));
// nginx's workers (another user when started as root) create their temp folders in here.
fs.chmodSync(runDir, 0o755);
const children = new Map(); // name → ChildProcess
const exits = {}; // name → { code, signal }, also written for the spec
const exitsFile = path.join(runDir, 'exits.json');
const dbName = `topology_${process.pid}_${Date.now().toString(36)}`;
let admin;
let databaseCreated = false;

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts `command` in its own process group, its output in runDir/<name>.log. */
function start(name, command, args, env) {
  const out = fs.openSync(path.join(runDir, `${name}.log`), 'a');
  const child = spawn(command, args, { env, stdio: ['ignore', out, out], detached: true });
  fs.closeSync(out);
  children.set(name, child);
  child.on('exit', (code, signal) => {
    exits[name] = { code, signal };
    fs.writeFileSync(exitsFile, JSON.stringify(exits));
  });
  return child;
}

function exited(name) {
  return new Promise((resolve) => {
    const child = children.get(name);
    if (exits[name] || !child) return resolve(exits[name]);
    child.once('exit', () => resolve(exits[name]));
  });
}

/** Polls `probe` until it answers true, or fail after `timeoutMs` (or when `name` died). */
async function waitFor(what, name, probe, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exits[name]) throw new Error(`${name} exited (${JSON.stringify(exits[name])}) before ${what}`);
    if (await probe().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const httpOk = (url, options = {}) =>
  new Promise((resolve, reject) => {
    (url.startsWith('https:') ? https : http)
      .get(url, options, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      })
      .on('error', reject);
  });

function tail(name, lines = 40) {
  const file = path.join(runDir, `${name}.log`);
  if (!fs.existsSync(file)) return;
  console.log(`\n── last lines of ${name} ──\n${fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n')}`);
}

let cleaning;
/** Stops every process (SIGTERM, then SIGKILL after the grace period), drops the database, removes runDir. */
function cleanup() {
  cleaning ??= (async () => {
    await Promise.all(
      [...children.keys()].map(async (name) => {
        const child = children.get(name);
        if (exits[name]) return;
        try {
          // The web processes are signalled alone, like a supervisor would; npm and nginx as their group.
          process.kill(name.startsWith('web') ? child.pid : -child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }, GRACE_MS + 5_000);
        await exited(name);
        clearTimeout(timer);
      }),
    );
    if (admin) {
      if (databaseCreated) await admin.unsafe(`drop database if exists "${dbName}" with (force)`).catch((e) => log(`could not drop ${dbName}: ${e.message}`));
      await admin.end({ timeout: 5 });
    }
    fs.rmSync(runDir, { recursive: true, force: true });
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    log(`${signal}: stopping everything`);
    void cleanup().then(() => process.exit(1));
  });
}

async function main() {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (!fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) {
    log(`no build in ${distDir}: next build …`);
    const buildEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
    delete buildEnv.NODE_ENV;
    const r = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: buildEnv });
    if (r.status !== 0) throw new Error(`next build failed (exit ${r.status ?? r.signal})`);
  } else {
    log(`using the build in ${distDir}`);
  }

  const [httpsPort, web1Port, web2Port] = [await freePort(), await freePort(), await freePort()];
  const appUrl = `https://localhost:${httpsPort}`;

  // A certificate for this run only; the server processes trust it (NODE_EXTRA_CA_CERTS) because the
  // simulators call back, and the product calls the simulated channels, through APP_URL.
  const cert = path.join(runDir, 'cert.pem');
  const key = path.join(runDir, 'key.pem');
  const openssl = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', key, '-out', cert],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  if (openssl.status !== 0) throw new Error(`openssl failed: ${openssl.stderr}`);

  admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${dbName}"`);
  databaseCreated = true;
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${dbName}`;
  log(`database ${dbName}; nginx on ${appUrl} → web 127.0.0.1:${web1Port}, 127.0.0.1:${web2Port}`);

  // Fixed test-only secrets: this database lives for one run and holds nothing real.
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXTAUTH_SECRET: 'topology-only-nextauth-secret-0123456789abcdef',
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'),
    BLIND_INDEX_KEY: Buffer.alloc(32, 6).toString('base64'),
    DATABASE_URL: databaseUrl.toString(),
    DATABASE_POOL_MAX: '4',
    APP_URL: appUrl,
    NEXTAUTH_URL: appUrl,
    TRUST_PROXY: 'true',
    SIMULATORS_ENABLED: 'true',
    // The upload store shared by the web processes, as a shared volume would be.
    UPLOAD_DIR: path.join(runDir, 'uploads'),
    UPLOADTHING_TOKEN: '',
    SHUTDOWN_GRACE_MS: String(GRACE_MS),
    NODE_EXTRA_CA_CERTS: cert,
  };
  delete env.PGLITE_DIR;

  const next = path.join(root, 'node_modules', '.bin', 'next');
  // All three migrate on start, one at a time under the advisory lock.
  start('web1', next, ['start', '-p', String(web1Port), '-H', '127.0.0.1'], { ...env, WORKERS: 'off' });
  start('web2', next, ['start', '-p', String(web2Port), '-H', '127.0.0.1'], { ...env, WORKERS: 'off' });
  start('worker', 'npm', ['run', '--silent', 'worker'], env);

  const site = fs
    .readFileSync(path.join(root, 'deploy', 'nginx.conf'), 'utf8')
    .replaceAll('{{LISTEN}}', `127.0.0.1:${httpsPort}`)
    .replaceAll('{{SERVER_NAME}}', 'localhost')
    .replaceAll('{{CERT}}', cert)
    .replaceAll('{{KEY}}', key)
    .replaceAll('{{WEB_1}}', `127.0.0.1:${web1Port}`)
    .replaceAll('{{WEB_2}}', `127.0.0.1:${web2Port}`)
    .replaceAll('{{LOG_DIR}}', runDir);
  const missed = site.match(/\{\{\w+\}\}/);
  if (missed) throw new Error(`deploy/nginx.conf has a placeholder this test does not fill: ${missed[0]}`);
  fs.writeFileSync(path.join(runDir, 'realname.conf'), site);
  // What the distribution's nginx.conf provides around a conf.d file, in runDir instead of /etc, /var and /run.
  const temp = (name) => `${name}_temp_path ${path.join(runDir, `nginx-${name}`)};`;
  fs.writeFileSync(
    path.join(runDir, 'nginx.conf'),
    `worker_processes 1;\npid ${path.join(runDir, 'nginx.pid')};\nevents { worker_connections 256; }\nhttp {\n  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}\n  include ${path.join(runDir, 'realname.conf')};\n}\n`,
  );
  const nginxArgs = ['-p', runDir, '-c', path.join(runDir, 'nginx.conf'), '-e', path.join(runDir, 'nginx-error.log')];
  const check = spawnSync(nginxBin, [...nginxArgs, '-t', '-q'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx refused the configuration:\n${check.stderr}`);
  start('nginx', nginxBin, [...nginxArgs, '-g', 'daemon off;'], env);

  const ready = (port) => () => httpOk(`http://127.0.0.1:${port}/api/ready`);
  await Promise.all([waitFor('web1 ready', 'web1', ready(web1Port)), waitFor('web2 ready', 'web2', ready(web2Port))]);
  // Only now: before, nginx would answer 502 and the spec finds no 5xx in its log.
  await waitFor('nginx', 'nginx', () => httpOk(`${appUrl}/api/ready`, { ca: fs.readFileSync(cert) }));
  log(`ready after ${((performance.now() - started) / 1000).toFixed(1)} s; Playwright …`);

  // Not spawnSync: this loop must go on recording the servers' exits for the spec meanwhile.
  const playwright = spawn('npx', ['playwright', 'test', '-c', 'tests/topology/playwright.config.ts', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: {
      ...process.env,
      TOPOLOGY_URL: appUrl,
      TOPOLOGY_DATABASE_URL: databaseUrl.toString(),
      TOPOLOGY_WEB_PIDS: `${children.get('web1').pid},${children.get('web2').pid}`,
      TOPOLOGY_WEB_PORTS: `${web1Port},${web2Port}`,
      TOPOLOGY_EXITS_FILE: exitsFile,
      TOPOLOGY_ACCESS_LOG: path.join(runDir, 'realname-access.log'),
    },
  });
  const [code] = await new Promise((resolve) => playwright.on('exit', (...result) => resolve(result)));
  return code ?? 1;
}

let status;
try {
  status = await main();
} catch (error) {
  console.error(`[topology] ${error instanceof Error ? error.message : error}`);
  status = 1;
}
if (status !== 0) for (const name of children.keys()) tail(name);
await cleanup();
// Every process ran until SIGTERM and then stopped cleanly: one that died early or failed to stop fails the step.
for (const name of children.keys()) {
  if (exits[name]?.code !== 0) {
    log(`${name} ended with ${JSON.stringify(exits[name])}, not exit code 0`);
    status ||= 1;
  }
}
log(`wall time ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(status);
