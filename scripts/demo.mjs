#!/usr/bin/env node
/**
 * npm run demo — the quick start: writes local secrets once (.env.local), builds the
 * app when the build is missing or older than the sources, migrates and seeds the
 * embedded database with the demo world, then serves http://localhost:3000.
 */
import { spawnSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);
process.env.NEXT_TELEMETRY_DISABLED = '1';
const port = process.env.PORT ?? '3000';

const envFile = path.join(root, '.env.local');
if (!fs.existsSync(envFile)) {
  const b64 = (n) => randomBytes(n).toString('base64');
  fs.writeFileSync(
    envFile,
    [
      '# Written by npm run demo for this machine only (git-ignored).',
      `NEXTAUTH_SECRET=${b64(33)}`,
      `DATA_ENCRYPTION_KEY=${b64(32)}`,
      `BLIND_INDEX_KEY=${b64(32)}`,
      `APP_URL=http://localhost:${port}`,
      `NEXTAUTH_URL=http://localhost:${port}`,
      'SIMULATORS_ENABLED=true',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  console.log('wrote .env.local with fresh local secrets');
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', '.next', '.data', '.git', 'tests', 'test-results'].includes(entry.name)) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const buildId = path.join(root, '.next', 'BUILD_ID');
if (!fs.existsSync(buildId) || fs.statSync(buildId).mtimeMs < newestMtime(root)) {
  console.log('building the app (next build)…');
  run('npx', ['next', 'build']);
}

console.log('migrating and seeding the embedded database…');
run('npx', ['tsx', 'scripts/seed.ts', '--history']);

console.log(`\nstarting on http://localhost:${port} — sign in as demo@example.com / Demo2026pass\n`);
const server = spawn('npx', ['next', 'start', '-p', port], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
