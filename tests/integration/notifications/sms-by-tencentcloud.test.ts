import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages } from '@/db/schema';
import { fixedClock } from '@/lib/clock';
import { profileSchema } from '@/lib/schemas/account';
import { deliverOutboxMessages, type OutboxContext } from '@/lib/features/notifications/deliver-outbox-messages';
import { notifyAccount } from '@/lib/features/notifications/notify-account';
import { registerAccount } from '@/lib/features/account/register-account';
import { updateAccountProfile } from '@/lib/features/account/update-account-profile';
import type { NotificationEvent } from '@/lib/features/notifications/notification-event';
import { SMS_TEMPLATES, tencentCloudFake } from '../channels/tencentcloud/support';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

/**
 * Issue 18: the notify channel's SMS by Tencent Cloud (CHANNEL_NOTIFY_SMS_PROVIDER=
 * tencentcloud) through the outbox, against the local fake of the API; e-mail and WeChat
 * messages keep their provider (the simulator's protocol, here a recording fetch).
 */
let t: TestDatabase;
const clock = fixedClock('2026-11-27T04:00:00.000Z');
const fake = tencentCloudFake({ sms: true });
let n = 0;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

/** The simulator's notify channel: what it was sent, by idempotency key. */
function simulatorNotify() {
  const sent: { key: string | null; body: Record<string, unknown> }[] = [];
  const fetch: typeof globalThis.fetch = async (_input, init) => {
    sent.push({ key: new Headers(init?.headers).get('idempotency-key'), body: JSON.parse(String(init?.body)) as Record<string, unknown> });
    return Response.json({ messageId: `ntf_${sent.length}` }, { status: 201 });
  };
  return { sent, fetch };
}

function ctx(fetch: typeof globalThis.fetch): OutboxContext {
  return { db: t.db, clock, channelTransport: { fetch }, mailer: null };
}

async function accountWithMobile(mobile: string) {
  n += 1;
  const id = (await registerAccount({ db: t.db, clock }, { email: `sms${n}-${Date.now()}@example.com`, password: 'Passw0rd!', emailConfirmed: true })).id;
  await updateAccountProfile({ db: t.db, clock }, id, profileSchema.parse({ nickname: `n${n}`, contactPhone: mobile, industry: '互联网/IT服务' }));
  return id;
}

async function notify(accountId: string, event: NotificationEvent) {
  await t.db.transaction(async (tx) => notifyAccount(tx, accountId, event, await clock.now()));
}

async function rowsOf(accountId: string) {
  return t.db.select().from(outboxMessages).where(eq(outboxMessages.accountId, accountId));
}

describe('SMS by Tencent Cloud through the outbox', () => {
  it('sends each SMS row once, with its kind’s template and masked parameters, the row id as SessionContext; e-mail and WeChat by the simulator', async () => {
    const a = await accountWithMobile('13812345678');
    await notify(a, { kind: 'verification_succeeded', subject: 'person', method: { code: 'verification.method.face' } });
    await notify(a, { kind: 'payout_arrived', bankAccountMasked: '6789', deadline: '2026-12-04 18:00' });
    const simulator = simulatorNotify();
    const before = fake().sentSms.length;

    await deliverOutboxMessages(ctx(simulator.fetch));
    // A second pass finds nothing to send: no SMS twice.
    await deliverOutboxMessages(ctx(simulator.fetch));

    const rows = await rowsOf(a);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    const sms = rows.filter((r) => r.kind === 'sms');
    const sent = fake().sentSms.slice(before);
    expect(sent).toHaveLength(2);
    expect(sent.map((s) => s.sessionContext).sort()).toEqual(sms.map((r) => r.id).sort());
    const byRow = new Map(sent.map((s) => [s.sessionContext, s]));
    const succeeded = byRow.get(sms.find((r) => r.event === 'verification_succeeded')!.id)!;
    expect(succeeded).toMatchObject({ phoneNumber: '+8613812345678', templateId: SMS_TEMPLATES.verification_succeeded![0], signName: '云控制台', templateParams: ['个人', '人脸识别认证'] });
    expect(byRow.get(sms.find((r) => r.event === 'payout_arrived')!.id)).toMatchObject({ templateId: SMS_TEMPLATES.payout_arrived![0], templateParams: ['6789', '2026-12-04 18:00'] });

    // No personal number in any request but the recipient's.
    for (const request of fake().requestsOf('SendSms').slice(-2)) {
      // SessionContext is the row's id (checked above): a UUID's last group may be twelve digits.
      const { PhoneNumberSet, SessionContext: _rowId, ...rest } = request.params;
      expect(PhoneNumberSet).toEqual(['+8613812345678']);
      expect(JSON.stringify(rest)).not.toMatch(/\d{11,}|\d{17}[Xx]/);
      expect(request.raw.split('13812345678')).toHaveLength(2);
    }
    // The simulator got the e-mails and the WeChat messages, and no SMS.
    expect(simulator.sent.map((s) => s.body.kind).sort()).toEqual(['email', 'email', 'wechat', 'wechat']);
    expect(simulator.sent.every((s) => !('template' in s.body))).toBe(true);
  });

  it('fails a row at once where a retry could send twice or never succeed (a timeout, an unapproved template), and retries a rate limit', async () => {
    const a = await accountWithMobile('13912345678');
    await notify(a, { kind: 'review_approved', what: '对公打款认证材料' });
    const simulator = simulatorNotify();
    const before = fake().sentSms.length;

    // A timeout: the SMS may be out, SendSms has no idempotency key — not sent again.
    fake().failNext('SendSms', { hang: true });
    await deliverOutboxMessages(ctx(simulator.fetch));
    const [timedOut] = (await rowsOf(a)).filter((r) => r.kind === 'sms');
    expect(timedOut).toMatchObject({ status: 'failed', attempts: 1, lastError: 'channel timeout' });

    // A rate limit: refused before anything was sent — tried again later, then sent once.
    const b = await accountWithMobile('13712345678');
    await notify(b, { kind: 'review_approved', what: '对公打款认证材料' });
    fake().failNext('SendSms', { error: 'RequestLimitExceeded' });
    await deliverOutboxMessages(ctx(simulator.fetch));
    const [limited] = (await rowsOf(b)).filter((r) => r.kind === 'sms');
    expect(limited).toMatchObject({ status: 'pending', attempts: 1, lastError: 'channel unavailable' });
    clock.advance(60_000);
    await deliverOutboxMessages(ctx(simulator.fetch));
    expect((await rowsOf(b)).find((r) => r.kind === 'sms')).toMatchObject({ status: 'sent' });

    // A kind without an approved template (TENCENTCLOUD_SMS_TEMPLATES has none): refused locally, failed at once.
    const c = await accountWithMobile('13612345678');
    await notify(c, { kind: 'change_expired' });
    await deliverOutboxMessages(ctx(simulator.fetch));
    expect((await rowsOf(c)).find((r) => r.kind === 'sms')).toMatchObject({ status: 'failed', attempts: 1, lastError: 'channel rejected' });

    expect(fake().sentSms.slice(before).map((s) => s.phoneNumber)).toEqual(['+8613712345678']);
  });

  it('a template with no parameters, and parameters that never carry a bank account number', async () => {
    const a = await accountWithMobile('13512345678');
    await notify(a, { kind: 'change_cancelled' });
    const before = fake().sentSms.length;
    await deliverOutboxMessages(ctx(simulatorNotify().fetch));
    expect(fake().sentSms.slice(before)).toMatchObject([{ templateId: SMS_TEMPLATES.change_cancelled![0], templateParams: [] }]);

    // The recharge's receiving account is a whole bank number in the e-mail, never in the SMS parameters.
    const b = await accountWithMobile('13412345678');
    await notify(b, { kind: 'recharge_receiving_account', holderName: '云控制台收款', accountNumber: '110912345610101', bank: '招商银行', amount: '0.37', deadline: '2026-12-08' });
    const [sms] = (await rowsOf(b)).filter((r) => r.kind === 'sms');
    expect(sms!.templateParams).toEqual(['0.37', '2026-12-08']);
  });
});
