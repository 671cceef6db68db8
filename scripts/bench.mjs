#!/usr/bin/env node
/**
 * npm run bench — the benchmarks of README "Benchmarks", in suites chosen with
 * BENCH_SUITES (comma-separated, or `all`; default `callbacks,recognition`, run in this order):
 *   callbacks    the channel-callback benchmark (issue 3), described below;
 *   recognition  licence recognition (issue 5, R-E-OCR): scripts/bench/recognition.ts in
 *                its own process — exact-match rates for 名称 and the code over ≥ 20
 *                generated licence images, median/p95 latency, peak memory.
 *   results      a verification's result in the waiting page after the callback (issue 19):
 *                scripts/bench/results.bench.ts with Playwright against the e2e server;
 *   first-load-js  the gzipped first-load JavaScript of every page (issue 19);
 *   insights     运营看板 at 100,000 verifications (issue 20): scripts/bench/insights.ts;
 *   outbox       outbox throughput of one worker (issue 19): scripts/bench/outbox.ts on a
 *                throw-away cluster of its own;
 *   recognition-pool  the recognition worker pool (issue 19): scripts/bench/recognition-pool.ts.
 *
 * One run, one PostgreSQL server, autocannon at 50 connections, every request a fresh
 * signed event (unique webhook-id, valid signature, current timestamp):
 *   (a) the product's POST /api/callbacks/wechat completing real, open channel sessions;
 *   (b) the framework floor: a minimal route handler in the same Next.js build
 *       (app/api/bench/floor, on only with BENCH_ENABLED=1) — verify, dedup insert,
 *       one-row update — behind the proxy (proxy.ts), as pages are;
 *   (b0) the same floor on a path the proxy does not run for, as the callbacks are
 *       (app/api/bench/unproxied-floor): the floor (a) is held to, a/b0 ≥ 0.8;
 *   (c) the practical limit: the same work in node:http + postgres.js
 *       (scripts/bench/bare-server.mjs).
 * Prints req/s, p50/p99 latency and server CPU per request of each, and a/b0, a/b, a/c.
 *
 * It starts what it needs and stops it again: a throw-away PostgreSQL cluster (unless
 * BENCH_DATABASE_URL is set — then that database must be disposable: audit rows cannot
 * be deleted), `next build` when the build is missing or older than the sources,
 * `next start` on 127.0.0.1 with fixed test-only secrets and SIMULATORS_ENABLED=false,
 * and the bare server. After a warm-up of each variant, the variants take turns in
 * interleaved rounds (a b c a b c …), so that load from elsewhere on the machine hits
 * them alike; each variant's numbers sum its slices (latency: the slices' medians).
 * Finally it checks the database: one completed session per event sent to (a) and to
 * (b0), every event processed, the audit chain intact. Exits 1 on any error answer or mismatch.
 *
 * Options (env): BENCH_DURATION (s per variant, 15), BENCH_ROUNDS (3), BENCH_WARMUP
 * (s per variant, 8), BENCH_CONNECTIONS (50), BENCH_SESSIONS (open product sessions; default 1,500
 * per second of warm-up and measurement, at least 20,000; the floor variants get 5,000
 * per second), BENCH_VARIANTS (a,b,b0,c), BENCH_DATABASE_URL, BENCH_PORT (3290; the bare
 * server takes the next port), BENCH_BUILD=1 (always build), BENCH_SKIP_BUILD=1 (never
 * build when a build exists), BENCH_PG_FSYNC=on, BENCH_NEXT_NODE_ARGS (node flags of
 * the Next.js server, e.g. --cpu-prof --cpu-prof-dir=/tmp/prof).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);

const num = (name, fallback) => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} must be a positive number`);
  return v;
};
const DURATION = num('BENCH_DURATION', 15);
const WARMUP = num('BENCH_WARMUP', 8);
const CONNECTIONS = num('BENCH_CONNECTIONS', 50);
const ROUNDS = Math.round(num('BENCH_ROUNDS', 3));
// Enough fresh sessions for ~1,500 req/s of the product and ~5,000 req/s of the floors.
const SESSIONS = num('BENCH_SESSIONS', Math.max(20_000, Math.ceil((WARMUP + DURATION) * 1_500)));
const FLOOR_SESSIONS = Math.ceil((WARMUP + DURATION) * 5_000);
const APP_PORT = num('BENCH_PORT', 3290);
const BARE_PORT = APP_PORT + 1;
const VARIANTS = (process.env.BENCH_VARIANTS ?? 'a,b,b0,c').split(',').map((v) => v.trim());
const NEXT_VARIANTS = ['a', 'b', 'b0'];
const TAG = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

// Fixed test-only secrets: the database is thrown away (or disposable) and holds nothing real.
const SECRETS = {
  NEXTAUTH_SECRET: 'bench-only-nextauth-secret-0123456789abcdef',
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'),
  BLIND_INDEX_KEY: Buffer.alloc(32, 6).toString('base64'),
};
// The WeChat channel secret as both parties derive it (docs/channel-protocol.md).
const WECHAT_KEY = createHmac('sha256', SECRETS.NEXTAUTH_SECRET).update('channel-secret:wechat').digest();

const log = (message) => console.log(`[bench] ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const loadavg = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

// ---- clean-up of everything this run started ----

const cleanups = [];
let cleaning;
async function cleanup() {
  cleaning ??= (async () => {
    // Each step once: a later suite registers and cleans up its own.
    for (const fn of cleanups.splice(0).reverse()) {
      try {
        await fn();
      } catch (error) {
        console.error(`[bench] clean-up step failed: ${error instanceof Error ? error.message : error}`);
      }
    }
  })().finally(() => (cleaning = undefined));
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    log(`${signal}: stopping what this run started`);
    void cleanup().finally(() => process.exit(130));
  });
}
async function fail(message) {
  console.error(`[bench] ${message}`);
  await cleanup();
  process.exit(1);
}

// ---- PostgreSQL ----

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function postgresUser() {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) return undefined;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** A throw-away cluster (initdb + pg_ctl, as .ci/run does); answers its URL and the postmaster's pid. */
async function startPostgres() {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'pg_ctl'))) : [];
  if (versions.length === 0) {
    await fail('no PostgreSQL server found under /usr/lib/postgresql: apt-get install -y postgresql, or set BENCH_DATABASE_URL');
  }
  const bin = path.join(base, versions.sort((a, b) => Number(a) - Number(b)).at(-1), 'bin');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-postgres-'));
  const port = await freePort();
  // initdb refuses to run as root: run the cluster as the postgres user, as CI does.
  const asUser = process.getuid?.() === 0 ? postgresUser() : undefined;
  if (process.getuid?.() === 0 && !asUser) await fail('running as root and there is no postgres user to run the cluster');
  if (asUser) fs.chownSync(dir, asUser.uid, asUser.gid);
  const run = (cmd, args) => spawnSync(path.join(bin, cmd), args, { encoding: 'utf8', ...(asUser ?? {}) });
  cleanups.push(async () => {
    run('pg_ctl', ['-D', path.join(dir, 'data'), '-m', 'immediate', 'stop']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const init = run('initdb', ['-D', path.join(dir, 'data'), '-A', 'trust', '-U', 'postgres']);
  if (init.status !== 0) await fail(`initdb failed:\n${init.stderr}`);
  const fsync = process.env.BENCH_PG_FSYNC === 'on' ? 'on' : 'off';
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${fsync} -c max_connections=100`;
  const start = run('pg_ctl', ['-D', path.join(dir, 'data'), '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
  if (start.status !== 0) await fail(`pg_ctl start failed:\n${start.stderr}\n${fs.readFileSync(path.join(dir, 'log'), 'utf8')}`);
  const pid = Number(fs.readFileSync(path.join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  log(`PostgreSQL ${versions.at(-1)} on 127.0.0.1:${port} (fsync=${fsync}), data in ${dir}`);
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, pid };
}

// ---- CPU time of a process and its descendants, from /proc ----

function procStats() {
  const stats = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may contain spaces: split after the last ')'.
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      // utime + stime, plus cutime + cstime: the time of children that ended and were waited for
      // (PostgreSQL's autovacuum workers, a backend that closed) stays counted in their parent.
      const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks });
    } catch {
      // The process ended while we looked.
    }
  }
  return stats;
}

/** CPU milliseconds (user + system) used so far by `pid` and all its living descendants. */
function treeCpuMs(pid) {
  if (!pid) return NaN;
  const stats = procStats();
  const children = new Map();
  for (const [p, s] of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), p]);
  let ticks = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    ticks += stats.get(p)?.ticks ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return (ticks * 1000) / CLK_TCK;
}

// ---- build and servers ----

function newestSource() {
  let newest = 0;
  const visit = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    } else if (/\.(tsx?|mjs|js|css|json|svg|png|ico)$/.test(p) && !/\.test\.tsx?$/.test(p)) {
      newest = Math.max(newest, st.mtimeMs);
    }
  };
  for (const p of ['app', 'lib', 'db', 'public', 'proxy.ts', 'instrumentation.ts', 'next.config.js', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    visit(path.join(root, p));
  }
  return newest;
}

function buildReason() {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return 'there is no build';
  if (process.env.BENCH_BUILD === '1') return 'BENCH_BUILD=1';
  if (process.env.BENCH_SKIP_BUILD === '1') return undefined;
  try {
    const routes = JSON.parse(fs.readFileSync(path.join(root, '.next', 'app-path-routes-manifest.json'), 'utf8'));
    if (!Object.values(routes).includes('/api/bench/unproxied-floor')) return 'the build has no /api/bench/unproxied-floor';
  } catch {
    return 'the build has no route manifest';
  }
  if (newestSource() > fs.statSync(buildId).mtimeMs) return 'sources changed since the last build';
  return undefined;
}

function build() {
  const reason = buildReason();
  if (!reason) {
    log('reusing the existing .next build (BENCH_BUILD=1 forces a new one)');
    return;
  }
  log(`next build (${reason}) …`);
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  delete env.NODE_ENV;
  const started = Date.now();
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], { stdio: 'inherit', env });
  if (r.status !== 0) return `next build failed (exit ${r.status ?? r.signal})`;
  log(`next build took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return undefined;
}

/** Starts a server in its own process group; stopped (the whole group) at clean-up. */
function startProcess(name, args, env) {
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5_000);
    await exited;
    clearTimeout(timer);
  };
  cleanups.push(stop);
  return { child, stop, output: () => output, name };
}

async function waitForHttp(server, url, accept, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) await fail(`${server.name} exited (${server.child.exitCode}):\n${server.output()}`);
    try {
      const res = await fetch(url, { method: 'POST', body: '{}', signal: AbortSignal.timeout(5_000) });
      if (accept(res.status)) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  await fail(`${server.name} did not answer on ${url} within ${timeoutMs / 1000} s:\n${server.output()}`);
}

// ---- events ----

/** A signed WeChat `auth_session.completed` event for `sessionId`, timestamped now (product clock). */
function signedEvent(webhookId, sessionId, clockOffsetMs) {
  const body = JSON.stringify({ type: 'auth_session.completed', data: { sessionId, reference: sessionId, result: 'matched' } });
  const timestamp = String(Math.floor((Date.now() + clockOffsetMs) / 1000));
  const signature = `v1,${createHmac('sha256', WECHAT_KEY).update(`${webhookId}.${timestamp}.${body}`).digest('base64')}`;
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'webhook-id': webhookId,
      'webhook-timestamp': timestamp,
      'webhook-signature': signature,
    },
  };
}

/** Feeds every request a fresh event for the next unused session of the variant. */
function eventSource(variant, sessionIdOf, limit, clockOffsetMs) {
  const state = { used: 0, exhausted: 0, variant };
  state.next = () => {
    const i = state.used++;
    if (i >= limit) state.exhausted += 1;
    return signedEvent(`msg_${TAG}_${variant}_${i}`, sessionIdOf(i % limit), clockOffsetMs);
  };
  return state;
}

function cannon(url, source, seconds) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: seconds,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => {
              const event = source.next();
              return { ...req, method: 'POST', headers: { ...req.headers, ...event.headers }, body: event.body };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((x, y) => x - y);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** One measured slice of one variant: autocannon for `seconds`, CPU of the server and of PostgreSQL read around it. */
async function slice(variant, seconds, postgresPid) {
  const load = loadavg();
  const cpu0 = treeCpuMs(variant.pid);
  const db0 = treeCpuMs(postgresPid);
  const client0 = process.cpuUsage();
  const r = await cannon(variant.url, variant.source, seconds);
  const client = process.cpuUsage(client0);
  return {
    requests: r.requests.total,
    seconds: r.duration,
    ok: r['2xx'],
    bad: r.non2xx + r.errors + r.timeouts,
    p50: r.latency.p50,
    p99: r.latency.p99,
    cpuMs: treeCpuMs(variant.pid) - cpu0,
    dbCpuMs: treeCpuMs(postgresPid) - db0,
    clientCpuMs: (client.user + client.system) / 1000,
    load,
  };
}

/** Sums a variant's slices: req/s and CPU per request over all of them; latency percentiles are the slices' medians. */
function summarise(variant) {
  const sum = (key) => variant.slices.reduce((total, s) => total + s[key], 0);
  const requests = sum('requests');
  return {
    label: variant.label,
    rps: requests / sum('seconds'),
    p50: median(variant.slices.map((s) => s.p50)),
    p99: median(variant.slices.map((s) => s.p99)),
    cpuPerReq: sum('cpuMs') / requests,
    dbCpuPerReq: sum('dbCpuMs') / requests,
    clientCpuPerReq: sum('clientCpuMs') / requests,
    bad: sum('bad') + variant.warmupBad,
    roundRps: variant.slices.map((s) => s.requests / s.seconds),
    loads: variant.slices.map((s) => s.load),
  };
}

// ---- the run ----

function tsx(args, env) {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), ...args], { encoding: 'utf8', env });
  if (r.status !== 0) return { error: `${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}` };
  return { value: JSON.parse(r.stdout.trim().split('\n').at(-1)) };
}

async function main() {
  log(
    `run ${TAG}: variants ${VARIANTS.join(', ')}; ${WARMUP} s warm-up, then ${DURATION} s each in ${ROUNDS} interleaved round(s); ` +
      `${CONNECTIONS} connections; load average ${loadavg()}`,
  );
  const buildError = NEXT_VARIANTS.some((v) => VARIANTS.includes(v)) ? build() : undefined;
  if (buildError) await fail(buildError);

  let databaseUrl = process.env.BENCH_DATABASE_URL;
  let postgresPid;
  if (databaseUrl) {
    log('using BENCH_DATABASE_URL (a disposable database: audit rows stay)');
  } else {
    ({ url: databaseUrl, pid: postgresPid } = await startPostgres());
  }

  const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...SECRETS, DATABASE_URL: databaseUrl };
  delete baseEnv.NODE_OPTIONS;
  log(`migrating; opening ${SESSIONS} product sessions and ${FLOOR_SESSIONS} floor sessions per floor variant …`);
  const prepared = tsx(['scripts/bench/prepare.ts', 'prepare', TAG, String(SESSIONS), String(FLOOR_SESSIONS)], baseEnv);
  if (prepared.error) await fail(prepared.error);
  log(`prepared in ${prepared.value.seconds.toFixed(1)} s`);
  const clockOffsetMs = prepared.value.clockOffsetMs;

  // Both servers run for the whole measurement (an idle one costs nothing), so that the variants can take turns.
  const variants = [];
  const appUrl = `http://127.0.0.1:${APP_PORT}`;
  if (NEXT_VARIANTS.some((v) => VARIANTS.includes(v))) {
    // Profiling: BENCH_NEXT_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' (node flags of the Next.js server only).
    const nodeArgs = (process.env.BENCH_NEXT_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const app = startProcess('next start', [...nodeArgs, path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(APP_PORT), '-H', '127.0.0.1'], {
      ...baseEnv,
      NODE_ENV: 'production',
      APP_URL: appUrl,
      NEXTAUTH_URL: appUrl,
      SIMULATORS_ENABLED: 'false',
      TRUST_PROXY: 'false',
      BENCH_ENABLED: '1',
    });
    // An unsigned request: 401 once the route runs (the product's also opens and migrates the database).
    await waitForHttp(app, `${appUrl}/api/bench/floor`, (s) => s === 401);
    await waitForHttp(app, `${appUrl}/api/bench/unproxied-floor`, (s) => s === 401);
    await waitForHttp(app, `${appUrl}/api/callbacks/wechat`, (s) => s === 401);
    log(`next start ready on ${appUrl} (pid ${app.child.pid})`);
    if (VARIANTS.includes('a')) {
      variants.push({ key: 'a', label: '(a) product /api/callbacks/wechat', url: `${appUrl}/api/callbacks/wechat`, pid: app.child.pid, source: eventSource('a', (i) => `bench-${TAG}-${i}`, SESSIONS, clockOffsetMs) });
    }
    if (VARIANTS.includes('b')) {
      variants.push({ key: 'b', label: '(b) Next.js floor /api/bench/floor', url: `${appUrl}/api/bench/floor`, pid: app.child.pid, source: eventSource('b', (i) => `b-${TAG}-${i}`, FLOOR_SESSIONS, clockOffsetMs) });
    }
    if (VARIANTS.includes('b0')) {
      variants.push({ key: 'b0', label: '(b0) floor without proxy', url: `${appUrl}/api/bench/unproxied-floor`, pid: app.child.pid, source: eventSource('b0', (i) => `b0-${TAG}-${i}`, FLOOR_SESSIONS, clockOffsetMs) });
    }
  }
  if (VARIANTS.includes('c')) {
    const bare = startProcess('bare server', [path.join(root, 'scripts', 'bench', 'bare-server.mjs')], { ...baseEnv, BENCH_BARE_PORT: String(BARE_PORT) });
    const bareUrl = `http://127.0.0.1:${BARE_PORT}/api/bench/floor`;
    await waitForHttp(bare, bareUrl, (s) => s === 401);
    variants.push({ key: 'c', label: '(c) node:http + postgres', url: bareUrl, pid: bare.child.pid, source: eventSource('c', (i) => `c-${TAG}-${i}`, FLOOR_SESSIONS, clockOffsetMs) });
  }

  for (const v of variants) {
    log(`${v.label}: warm-up ${WARMUP} s …`);
    const warm = await cannon(v.url, v.source, WARMUP);
    v.warmupBad = warm.non2xx + warm.errors + warm.timeouts;
    v.slices = [];
  }
  const sliceSeconds = DURATION / ROUNDS;
  for (let round = 1; round <= ROUNDS; round++) {
    for (const v of variants) {
      await sleep(1_000);
      const s = await slice(v, sliceSeconds, postgresPid);
      v.slices.push(s);
      log(`round ${round}/${ROUNDS} ${v.label}: ${(s.requests / s.seconds).toFixed(0)} req/s, ${(s.cpuMs / s.requests).toFixed(2)} ms CPU/req (load average ${s.load})`);
    }
  }

  // What the run left in the database: every 2xx of (a) completed one session, exactly once.
  const checked = tsx(['scripts/bench/prepare.ts', 'check', TAG], baseEnv);
  await cleanup();
  if (checked.error) await fail(checked.error);

  const results = Object.fromEntries(variants.map((v) => [v.key, summarise(v)]));
  const sources = Object.fromEntries(variants.map((v) => [v.key, v.source]));
  report(results, sources, checked.value);
  const problems = [];
  for (const [key, r] of Object.entries(results)) {
    if (r.bad) problems.push(`${key}: ${r.bad} non-2xx answers, errors or timeouts`);
    if (sources[key].exhausted) problems.push(`${key}: ran out of sessions (${sources[key].exhausted} events reused one): raise BENCH_SESSIONS`);
  }
  if (results.a) {
    const sent = sources.a.used;
    if (checked.value.sessionsCompleted !== sent || checked.value.events.processed !== sent) {
      problems.push(`a: ${sent} events sent, but ${checked.value.sessionsCompleted} sessions completed and ${checked.value.events.processed ?? 0} events processed`);
    }
  }
  if (results.b0 && checked.value.unproxiedFloorCompleted !== sources.b0.used) {
    problems.push(`b0: ${sources.b0.used} events sent, but ${checked.value.unproxiedFloorCompleted} floor sessions completed`);
  }
  if (!checked.value.auditChain.ok) problems.push(`the audit chain is broken at row ${checked.value.auditChain.brokenAt}`);
  if (problems.length) {
    for (const p of problems) console.error(`[bench] PROBLEM ${p}`);
    await cleanup();
    process.exit(1);
  }
}

function report(results, sources, checked) {
  const f = (v, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : '–');
  const rows = [['variant', 'req/s', 'p50 ms', 'p99 ms', 'server CPU ms/req', 'PostgreSQL CPU ms/req', 'req/s by round']];
  for (const r of Object.values(results)) {
    rows.push([r.label, f(r.rps), f(r.p50, 1), f(r.p99, 1), f(r.cpuPerReq, 2), f(r.dbCpuPerReq, 2), r.roundRps.map((x) => f(x)).join(' / ')]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  console.log('');
  for (const row of rows) console.log(row.map((cell, i) => (i === 0 || i === 6 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
  const { a, b, b0, c } = results;
  const ratio = (x, y) => (x && y ? (x / y).toFixed(2) : '–');
  const rounds = (x, y) => (x && y ? ` (by round ${x.roundRps.map((v, i) => ratio(v, y.roundRps[i])).join(' / ')})` : '');
  console.log('');
  if (a && b0) {
    console.log(`a/b0 = ${ratio(a.rps, b0.rps)} req/s${rounds(a, b0)}; target ≥ 0.8 · measured ${ratio(a.rps, b0.rps)} · ${ratio(a.rps / b0.rps, 0.8)} of target. CPU per request b0/a = ${ratio(b0.cpuPerReq, a.cpuPerReq)}`);
  }
  if (a && b) console.log(`a/b = ${ratio(a.rps, b.rps)} req/s${rounds(a, b)} (the floor behind the proxy). CPU per request b/a = ${ratio(b.cpuPerReq, a.cpuPerReq)}`);
  if (a && c) console.log(`a/c = ${ratio(a.rps, c.rps)} req/s${rounds(a, c)}. CPU per request c/a = ${ratio(c.cpuPerReq, a.cpuPerReq)}`);
  if (b && c) console.log(`b/c = ${ratio(b.rps, c.rps)} req/s${rounds(b, c)}`);
  console.log(
    `check: ${checked.sessionsCompleted} product sessions completed (${sources.a?.used ?? 0} events sent), events ${JSON.stringify(checked.events)}, ` +
      `floor ${checked.floorCompleted}, unproxied floor ${checked.unproxiedFloorCompleted} (${sources.b0?.used ?? 0} sent), bare ${checked.bareCompleted}; audit chain ${checked.auditChain.ok ? `intact (${checked.auditChain.rows} rows)` : `BROKEN at ${checked.auditChain.brokenAt}`}`,
  );
  const loads = Object.values(results).flatMap((r) => r.loads);
  console.log(`load average (1/5/15 min) during the slices: ${loads.join(', ')}; at the end ${loadavg()}; ${os.cpus().length} CPUs`);
  console.log(`load generator (autocannon, in this process) CPU ms/req: ${Object.entries(results).map(([k, r]) => `${k} ${f(r.clientCpuPerReq, 2)}`).join(', ')}`);
}

// ---- licence recognition (its own process: its peak memory is its own) ----

function recognition() {
  log('licence recognition: scripts/bench/recognition.ts …');
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/bench/recognition.ts'], { stdio: 'inherit', env });
  if (r.status !== 0) return `licence recognition failed (exit ${r.status ?? r.signal})`;
  return undefined;
}

// Suites that run one script of scripts/bench/ in its own process (tsx).
const SCRIPT_SUITES = { 'recognition-pool': 'scripts/bench/recognition-pool.ts' };
const KNOWN_SUITES = ['callbacks', 'recognition', 'results', 'first-load-js', 'insights', 'outbox', ...Object.keys(SCRIPT_SUITES)];
// `all`: every suite in one run, each target printed beside its figure (issue 19).
const SUITES = (process.env.BENCH_SUITES === 'all' ? KNOWN_SUITES.join(',') : (process.env.BENCH_SUITES ?? 'callbacks,recognition'))
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
for (const suite of SUITES) {
  if (!KNOWN_SUITES.includes(suite)) {
    console.error(`[bench] unknown suite '${suite}' in BENCH_SUITES (${KNOWN_SUITES.join(', ')})`);
    process.exit(1);
  }
}

async function suites() {
  if (SUITES.includes('callbacks')) {
    await main();
    await cleanup();
  }
  if (SUITES.includes('recognition')) {
    const error = recognition();
    if (error) await fail(error);
  }
  if (SUITES.includes('results')) {
    // Results within a second (issue 19 item 3): Chromium against the e2e server, scripts/bench/results.bench.ts.
    const r = spawnSync('npx', ['playwright', 'test', '--config', 'scripts/bench/results.config.ts'], { stdio: 'inherit' });
    if (r.status !== 0) await fail(`results failed (exit ${r.status ?? r.signal})`);
  }
  // First-load JavaScript per page (issue 19): reads the production build, see the script's header.
  if (SUITES.includes('first-load-js')) {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'bench', 'first-load-js.mjs')], { stdio: 'inherit' });
    if (r.status !== 0) await fail(`first-load-js failed (exit ${r.status ?? r.signal})`);
  }
  for (const [suite, script] of Object.entries(SCRIPT_SUITES)) {
    if (!SUITES.includes(suite)) continue;
    const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), script], { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '' } });
    if (r.status !== 0) await fail(`${suite} failed (exit ${r.status ?? r.signal})`);
  }
  if (SUITES.includes('insights')) {
    // 运营看板 (issue 20): scripts/bench/insights.ts on its own database.
    const url = process.env.BENCH_DATABASE_URL ?? (await startPostgres()).url;
    const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/bench/insights.ts'], { stdio: 'inherit', env: { ...process.env, ...SECRETS, DATABASE_URL: url } });
    if (r.status !== 0) await fail(`insights failed (exit ${r.status ?? r.signal})`);
    await cleanup();
  }
  if (SUITES.includes('outbox')) {
    // scripts/bench/outbox.ts (issue 19 item 5) on a throw-away cluster of its own.
    const url = process.env.BENCH_DATABASE_URL ?? (await startPostgres()).url;
    const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...SECRETS, DATABASE_URL: url, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' };
    delete env.NODE_OPTIONS;
    const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/bench/outbox.ts'], { stdio: 'inherit', env });
    await cleanup();
    if (r.status !== 0) await fail(`outbox suite failed (exit ${r.status ?? r.signal})`);
  }
}

suites()
  .then(() => cleanup())
  .then(() => process.exit(0))
  .catch(async (error) => {
    await fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
  });
