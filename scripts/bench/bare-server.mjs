#!/usr/bin/env node
/**
 * Variant (c) of `npm run bench`: the practical limit of a callback on this machine —
 * node:http + postgres.js with nothing else. Same work as the framework floor
 * (app/api/bench/floor/route.ts): verify the Standard Webhooks signature on the raw
 * body (constant time, 300 s tolerance, the channel secret derived as
 * docs/channel-protocol.md says), then, in one transaction, the dedup insert and the
 * one-row update on the bench's own tables (schema `bench`).
 *
 * Env: DATABASE_URL, NEXTAUTH_SECRET (or WEBHOOK_SECRET_WECHAT), BENCH_BARE_PORT.
 * Listens on 127.0.0.1 only; prints "listening <port>" once ready.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import postgres from 'postgres';

const port = Number(process.env.BENCH_BARE_PORT ?? 3299);
const secret =
  process.env.WEBHOOK_SECRET_WECHAT ?? `whsec_${createHmac('sha256', process.env.NEXTAUTH_SECRET ?? '').update('channel-secret:wechat').digest('base64')}`;
const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
const TOLERANCE_SECONDS = 300;
const MAX_BODY_BYTES = 64 * 1024;

const sql = postgres(process.env.DATABASE_URL, { max: 10, onnotice: () => {} });

function verify(headers, raw) {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures || id.length > 255 || !/^\d{1,15}$/.test(timestamp)) return null;
  if (Math.abs(Math.floor(Date.now() / 1000) - Number(timestamp)) > TOLERANCE_SECONDS) return null;
  const expected = Buffer.from(`v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${raw}`).digest('base64')}`);
  let matched = false;
  for (const candidate of signatures.split(' ').filter(Boolean).slice(0, 8)) {
    const given = Buffer.from(candidate);
    if (given.length === expected.length && timingSafeEqual(given, expected)) matched = true;
  }
  return matched ? id : null;
}

function answer(res, status) {
  res.writeHead(status, { 'content-length': 0 });
  res.end();
}

async function handle(req, res, raw) {
  const id = verify(req.headers, raw);
  if (!id) return answer(res, 401);
  let data;
  try {
    data = JSON.parse(raw).data;
  } catch {
    return answer(res, 400);
  }
  if (typeof data?.sessionId !== 'string' || typeof data?.result !== 'string') return answer(res, 400);
  await sql.begin(async (tx) => {
    const stored = await tx`insert into bench.events (webhook_id, received_at) values (${id}, now()) on conflict do nothing returning 1`;
    if (stored.length === 0) return;
    await tx`update bench.sessions set state = 'completed', result = ${data.result}, settled_at = now() where id = ${data.sessionId} and state = 'open'`;
  });
  answer(res, 204);
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/bench/floor') return answer(res, 404);
  const chunks = [];
  let size = 0;
  req.on('data', (chunk) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  });
  req.on('end', () => {
    if (size > MAX_BODY_BYTES) return answer(res, 413);
    handle(req, res, Buffer.concat(chunks).toString('utf8')).catch(() => answer(res, 500));
  });
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => console.log(`listening ${port}`));

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    void sql.end({ timeout: 1 }).finally(() => process.exit(0));
  });
}
