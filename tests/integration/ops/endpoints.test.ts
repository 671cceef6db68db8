import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { GET as metricsRoute } from '@/app/api/metrics/route';
import { GET as ready } from '@/app/api/ready/route';
import { rowsOf } from '@/db/client';
import { outboxMessages, reviewCases, webhookDeliveries } from '@/db/schema';
import { resetEnvCache } from '@/lib/env';
import { beginShutdown } from '@/lib/ops/lifecycle';
import { registerAccount } from '@/lib/features/account/register-account';
import { channelTestFile, completed, deliver, signedDelivery } from '../channels/support';
import { ctx, TEST_NOW } from '../support/test-db';

/** GET /api/health, /api/ready and /api/metrics as Next.js calls them, on this file's database (issue 15). */
const t = channelTestFile();
const TOKEN = 'metrics-token-for-tests-0123456789';

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

const at = (seconds: number) => new Date(new Date(TEST_NOW).getTime() + seconds * 1000);

function scrape(authorization?: string) {
  return metricsRoute(new Request('http://localhost:3000/api/metrics', { headers: authorization ? { authorization } : {} }));
}

/** A Prometheus sample's value, by its exact name and labels. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /api/health (liveness)', () => {
  it('answers 200 {status: ok}, never cached', async () => {
    const res = health();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe('GET /api/ready (readiness)', () => {
  it('answers 200 when the database answers and every migration of the journal is applied', async () => {
    const res = await ready();
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect({ status: res.status, body: await res.json() }).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('answers 503 when the migrations table lacks the journal’s last entry', async () => {
    const [row] = rowsOf<{ id: number; hash: string; created_at: string }>(
      await t.db.execute(sql`select id, hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`),
    );
    await t.db.execute(sql`delete from drizzle.__drizzle_migrations where id = ${row!.id}`);
    try {
      const res = await ready();
      expect({ status: res.status, body: await res.json() }).toEqual({ status: 503, body: { status: 'not_ready', reason: 'migrations' } });
    } finally {
      await t.db.execute(sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${row!.id}, ${row!.hash}, ${row!.created_at})`);
    }
    expect((await ready()).status).toBe(200);
  });
});

describe('GET /api/metrics', () => {
  it('is absent (404) while METRICS_TOKEN is unset, even with a token', async () => {
    vi.stubEnv('METRICS_TOKEN', '');
    resetEnvCache();
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
  });

  it('refuses a missing, wrong or differently shaped token (401)', async () => {
    vi.stubEnv('METRICS_TOKEN', TOKEN);
    resetEnvCache();
    for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, TOKEN, `Basic ${TOKEN}`, 'Bearer ']) {
      const res = await scrape(authorization);
      expect(res.status, String(authorization)).toBe(401);
      expect(await res.text()).not.toContain('realname_');
    }
  });

  it('answers the counters and the backlog read from the database (due rows only), with the right numbers', async () => {
    vi.stubEnv('METRICS_TOKEN', TOKEN);
    resetEnvCache();
    const { id: accountId } = await registerAccount(ctx(t.db), { email: 'metrics@example.com', password: 'Passw0rd!', emailConfirmed: true });
    const message = (kind: 'email' | 'sms' | 'wechat', created: number, next: number, status: 'pending' | 'sent' = 'pending') => ({
      accountId,
      kind,
      toEnc: 'x',
      event: 'verification_succeeded',
      body: 'b',
      status,
      createdAt: at(created),
      nextAttemptAt: at(next),
    });
    await t.db.insert(outboxMessages).values([
      message('email', -120, -60),
      message('email', -30, -10),
      message('email', -500, 60), // not due yet
      message('email', -900, -900, 'sent'),
      message('sms', -300, 0), // due this very moment
    ]);
    const delivery = (id: string, created: number, next: number, status: 'pending' | 'delivered' = 'pending') => ({
      id,
      accountId,
      url: 'http://127.0.0.1:9/hooks',
      type: 'verification.completed',
      data: {},
      status,
      createdAt: at(created),
      nextAttemptAt: at(next),
    });
    await t.db.insert(webhookDeliveries).values([delivery('msg_due', -45, -5), delivery('msg_later', -600, 30), delivery('msg_done', -999, -999, 'delivered')]);
    const reviewCase = (due: number, state: 'open' | 'approved' = 'open') => ({
      accountId,
      kind: 'name_change_proofs' as const,
      processId: crypto.randomUUID(),
      state,
      createdAt: at(-86_400 * 5),
      openedAt: at(-86_400 * 5),
      dueAt: at(due),
      updatedAt: at(-60),
    });
    await t.db.insert(reviewCases).values([reviewCase(-3600), reviewCase(3600), reviewCase(-7200, 'approved')]);
    // A refused callback, so the counter has something to say.
    expect((await deliver('wechat', { ...signedDelivery('wechat', completed({ externalSessionId: 'x', reference: 'y' })), headers: {} })).status).toBe(401);

    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();

    expect(sample(text, 'realname_callbacks_received_total{channel="wechat",outcome="bad_signature"}')).toBe(1);
    expect(text).toContain('# TYPE realname_verifications_ended_total counter');
    expect(text).toContain('# TYPE realname_recognition_seconds histogram');
    expect({
      email: sample(text, 'realname_outbox_backlog{kind="email"}'),
      sms: sample(text, 'realname_outbox_backlog{kind="sms"}'),
      wechat: sample(text, 'realname_outbox_backlog{kind="wechat"}'),
      emailAge: sample(text, 'realname_outbox_oldest_due_age_seconds{kind="email"}'),
      smsAge: sample(text, 'realname_outbox_oldest_due_age_seconds{kind="sms"}'),
      wechatAge: sample(text, 'realname_outbox_oldest_due_age_seconds{kind="wechat"}'),
      webhooks: sample(text, 'realname_webhook_backlog'),
      webhookAge: sample(text, 'realname_webhook_oldest_due_age_seconds'),
      open: sample(text, 'realname_review_cases_open'),
      overdue: sample(text, 'realname_review_cases_overdue'),
    }).toEqual({ email: 2, sms: 1, wechat: 0, emailAge: 120, smsAge: 300, wechatAge: 0, webhooks: 1, webhookAge: 45, open: 2, overdue: 1 });
  });
});

// Last: shutdown cannot be undone in this process.
describe('GET /api/ready during shutdown', () => {
  it('answers 503 once shutdown has begun, while /api/health still answers 200', async () => {
    beginShutdown();
    const res = await ready();
    expect({ status: res.status, body: await res.json() }).toEqual({ status: 503, body: { status: 'not_ready', reason: 'shutting_down' } });
    expect(health().status).toBe(200);
  });
});
