import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { signIn, signUp, uniqueEmail, waitForHydration } from '../e2e/fixtures';
import {
  answerScan,
  chooseMethod,
  closePhone,
  createPhoneUser,
  expectVerified,
  freshPerson,
  openPhone,
  throughStep1,
  waitForResult,
} from '../e2e/personal-helpers';

/**
 * Issue 15: the console as it runs in production — nginx terminating TLS in front of two
 * web processes and one worker on PostgreSQL (scripts/topology-test.mjs). Accessibility is
 * the e2e suite's business: the helpers' checks are no-ops here.
 */

const required = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is unset: run this through scripts/topology-test.mjs`);
  return value;
};
// web1 is the process the test stops, web2 the one that carries on.
const [stoppedPid, survivorPid] = required('TOPOLOGY_WEB_PIDS').split(',').map(Number) as [number, number];
const webPorts = required('TOPOLOGY_WEB_PORTS').split(',');
const exitsFile = required('TOPOLOGY_EXITS_FILE');
const accessLog = required('TOPOLOGY_ACCESS_LOG');

/** What a client puts in X-Forwarded-For to pass for someone else; nginx must replace it. */
const SPOOFED = '203.0.113.7';
test.use({ extraHTTPHeaders: { 'X-Forwarded-For': SPOOFED } });

const noCheck = async () => {};

/** The access log (deploy/nginx.conf's format): each response's status and the processes tried, in order. */
function served(): { status: number; upstreams: string[] }[] {
  return fs
    .readFileSync(accessLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [, status, upstreams] = line.match(/"[^"]*" (\d{3}) \S+ \S+ \S+ (.+)$/) ?? [];
      // nginx lists a retry's processes as "a, b" and an internal redirect's as "a : b".
      return { status: Number(status), upstreams: upstreams?.split(/, | : /) ?? [] };
    });
}

function exitOf(name: string): { code: number | null; signal: string | null } | undefined {
  if (!fs.existsSync(exitsFile)) return undefined;
  return (JSON.parse(fs.readFileSync(exitsFile, 'utf8')) as Record<string, { code: number | null; signal: string | null }>)[name];
}

test('through nginx: a personal verification survives SIGTERM to one web process; HSTS, Secure cookie, the forwarded address', async ({ page, context, request }) => {
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });

  await test.step('/api/ready answers 200 through nginx', async () => {
    expect((await request.get('/api/ready')).status()).toBe(200);
  });

  await test.step('/api/metrics is not served to the public (Prometheus scrapes each process)', async () => {
    expect((await request.get('/api/metrics')).status()).toBe(404);
  });

  await test.step('HSTS and upgrade-insecure-requests, though the web processes see plain http', async () => {
    const login = await page.goto('/login');
    const headers = login!.headers();
    expect(headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
    expect(headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
  });

  const email = uniqueEmail('topology');
  await test.step('sign-up, a wrong password, then sign-in: a Secure, HttpOnly session cookie', async () => {
    await signUp(page, noCheck, true, email);
    await waitForHydration(page, true);
    await page.getByLabel('邮箱').fill(email);
    await page.getByLabel('密码', { exact: true }).fill('not-the-password-2026');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect(page.getByText('邮箱或密码错误')).toBeVisible();
    await signIn(page, noCheck, true, email);
    const session = (await context.cookies()).find((c) => c.name === '__Secure-next-auth.session-token');
    expect(session, 'the __Secure- session cookie of an https APP_URL').toBeDefined();
    expect(session!.secure).toBe(true);
    expect(session!.httpOnly).toBe(true);
  });

  await test.step('the per-address limit counted the address nginx saw, not the one the client sent', async () => {
    const sql = postgres(required('TOPOLOGY_DATABASE_URL'), { max: 1 });
    try {
      const rows = await sql<{ key: string; points: number }[]>`select key, points from rate_limits where key like 'signin-address:%'`;
      // The wrong password's point stays; the right one's was given back.
      expect(rows.map((r) => [r.key, r.points])).toEqual([['signin-address:127.0.0.1', 1]]);
    } finally {
      await sql.end();
    }
  });

  const person = freshPerson('陈立群');
  const userId = await createPhoneUser(request, 'wechat', person);
  await throughStep1(page, noCheck, true, person);
  const { scanUrl } = await chooseMethod(page, noCheck, '使用微信扫码');

  await test.step('SIGTERM to one web process while the channel session is open', async () => {
    // "-": answered by nginx itself (/api/metrics).
    const upstreams = new Set(served().flatMap((s) => s.upstreams).filter((u) => u !== '-'));
    expect([...upstreams].sort(), 'both web processes served the journey so far').toEqual(webPorts.map((p) => `127.0.0.1:${p}`).sort());
    process.kill(stoppedPid, 'SIGTERM');
  });

  await test.step('the phone authorises; the journey completes through the other process', async () => {
    const phone = await openPhone(page, noCheck, scanUrl, { js: true });
    await answerScan(phone, noCheck, userId, '授权');
    await closePhone(phone, page);
    await waitForResult(page, true, page.getByRole('heading', { level: 2, name: '认证完成' }), { timeout: 30_000 });
    await expectVerified(page, noCheck, person, '微信扫码认证');
  });

  await test.step('the stopped process exited 0, the other still runs, and no request failed', async () => {
    await expect.poll(() => exitOf('web1') !== undefined, { timeout: 20_000, message: 'web1 exited after SIGTERM' }).toBe(true);
    expect(exitOf('web1')).toEqual({ code: 0, signal: null });
    expect(exitOf('web2')).toBeUndefined();
    expect(() => process.kill(survivorPid, 0)).not.toThrow();
    expect(served().filter((s) => s.status >= 500)).toEqual([]);
  });

  expect(cspViolations, 'the browser reported Content-Security-Policy violations').toEqual([]);
});

test('the README shows deploy/nginx.conf as it is', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  expect(readme).toContain(`\`\`\`nginx\n${fs.readFileSync(path.join(root, 'deploy/nginx.conf'), 'utf8')}\`\`\``);
});
