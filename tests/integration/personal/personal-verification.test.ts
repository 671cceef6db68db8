import { textOf } from '@/lib/messages';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { eq, sql } from 'drizzle-orm';
import { channelSessions, consents, outboxMessages, webhookDeliveries } from '@/db/schema';
import { CONSENT_VERSION } from '@/lib/domain/consent';
import type { PersonalInfoInput } from '@/lib/schemas/personal-info';
import { cancelPersonalVerification } from '@/lib/features/personal/cancel-personal-verification';
import { choosePersonalMethod } from '@/lib/features/personal/choose-personal-method';
import { confirmPersonalVerification } from '@/lib/features/personal/confirm-personal-verification';
import { getAccountOverview } from '@/lib/features/overview/get-account-overview';
import { getPersonalStatus } from '@/lib/features/personal/get-personal-status';
import { getPersonalWizard } from '@/lib/features/personal/get-personal-wizard';
import { getSiteMessages } from '@/lib/features/notifications/get-site-messages';
import { getVerificationOverview } from '@/lib/features/overview/get-verification-overview';
import { registerWebhookEndpoint } from '@/lib/features/notifications/register-webhook-endpoint';
import { retryPersonalVerification } from '@/lib/features/personal/retry-personal-verification';
import { startPersonalVerification } from '@/lib/features/personal/start-personal-verification';
import { channelTestBed, completed, deliver, expired, fakeProvider, sessionRow, signedDelivery } from '../channels/support';
import { expectAppError } from '../support/expect-error';
import { newAccount, personalInfo } from '../support/factories';

const t = channelTestBed(fakeProvider, '2026-11-27T04:00:00.000Z');
const ctx = t.ctx;

const account = () => newAccount(ctx(), 'p');
const info = (overrides: Record<string, string> = {}): PersonalInfoInput => personalInfo(overrides);

/** Steps 1 and 2 up to an open channel session; answers the ids a callback needs. */
async function waitingFor(accountId: string, method: 'wechat' | 'qq' | 'face' = 'wechat', input = info()) {
  const { verificationId } = await startPersonalVerification(ctx(), accountId, input);
  await confirmPersonalVerification(ctx(), accountId, verificationId);
  const session = await choosePersonalMethod(ctx(), accountId, verificationId, method, method === 'face' ? CONSENT_VERSION.face : undefined);
  return { verificationId, session: await sessionRow(t.db, session.id) };
}

async function stateOf(accountId: string, verificationId: string) {
  return (await getPersonalStatus(ctx(), accountId, verificationId)).state;
}

describe('personal verification (SPEC §4)', () => {
  it('completes by WeChat scan: the subject is written, the account reads 已认证, the number is masked', async () => {
    const a = await account();
    const input = info();
    const { verificationId, session } = await waitingFor(a, 'wechat', input);
    expect(t.channels.calls.at(-1)!.body).toMatchObject({ expectedName: '张三', idType: 'resident_id', idNumber: input.documentNumber });

    const res = await deliver('wechat', signedDelivery('wechat', completed(session, 'matched')));
    expect(res.status).toBeLessThan(300);

    expect(await stateOf(a, verificationId)).toBe('succeeded');
    const overview = await getVerificationOverview(ctx(), a);
    expect(overview.subject).toMatchObject({ kind: 'person', name: '张三' });
    expect([textOf(overview.subject!.typeLabel), textOf(overview.subject!.methodLabel)]).toEqual(['身份证', '微信扫码认证']);
    expect(overview.subject!.numberMasked).toBe(`4${'*'.repeat(16)}${input.documentNumber.at(-1)}`);
    expect(overview.inProgress).toBeNull();
    expect((await getAccountOverview(ctx(), a)).status).toBe('verified');
  });

  it('tells the owner how it ended: 站内信 and e-mail, the reason on failure, the integrator’s event — no ID number in any', async () => {
    const ok = await account();
    const okInput = info();
    await registerWebhookEndpoint(ctx(), ok, { url: 'http://127.0.0.1:9/hooks' });
    const { session } = await waitingFor(ok, 'wechat', okInput);
    await deliver('wechat', signedDelivery('wechat', completed(session, 'matched')));

    expect((await getSiteMessages(ctx(), ok)).messages).toEqual([
      expect.objectContaining({ title: '实名认证成功', body: '您的账号已通过微信扫码认证完成个人实名认证。', read: false }),
    ]);
    const sent = await t.db.select().from(outboxMessages).where(eq(outboxMessages.accountId, ok));
    expect(sent).toEqual([expect.objectContaining({ kind: 'email', event: 'verification_succeeded', status: 'pending' })]);
    const [event] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.accountId, ok));
    expect(event).toMatchObject({ type: 'verification.completed', data: { subject: 'person', method: 'wechat' } });

    const failed = await account();
    const failing = await waitingFor(failed);
    await deliver('wechat', signedDelivery('wechat', completed(failing.session, 'mismatch')));
    expect((await getSiteMessages(ctx(), failed)).messages[0]).toMatchObject({ title: '实名认证失败', body: expect.stringContaining('实名信息与微信支付实名信息不一致') });

    const everything = JSON.stringify([await t.db.select().from(outboxMessages), await t.db.select().from(webhookDeliveries), await getSiteMessages(ctx(), ok)]);
    expect(everything).not.toContain(okInput.documentNumber);
  });

  it('fails a WeChat mismatch with the exact reason, and a retry starts again at step 2', async () => {
    const a = await account();
    const { verificationId, session } = await waitingFor(a);
    await deliver('wechat', signedDelivery('wechat', completed(session, 'mismatch')));
    const wizard = await getPersonalWizard(ctx(), a);
    expect(wizard.kind === 'verification' && wizard.verification.failure && textOf(wizard.verification.failure.text)).toBe('实名信息与微信支付实名信息不一致');

    const retry = await retryPersonalVerification(ctx(), a, verificationId, 'choose_method');
    expect(await stateOf(a, retry.verificationId)).toBe('confirmed');
  });

  it('goes back to choosing a method when the person declines or the code expires', async () => {
    const a = await account();
    const first = await waitingFor(a);
    await deliver('wechat', signedDelivery('wechat', completed(first.session, 'declined')));
    expect(await stateOf(a, first.verificationId)).toBe('confirmed');

    const again = await sessionRow(t.db, (await choosePersonalMethod(ctx(), a, first.verificationId, 'wechat')).id);
    await deliver('wechat', signedDelivery('wechat', expired(again)));
    expect(await stateOf(a, first.verificationId)).toBe('confirmed');
  });

  it('opens a face session only after the separate consent to face data, stored with its text version (SECURITY 17)', async () => {
    const a = await account();
    const { verificationId } = await startPersonalVerification(ctx(), a, info());
    await confirmPersonalVerification(ctx(), a, verificationId);
    const calls = t.channels.calls.length;
    await expectAppError(choosePersonalMethod(ctx(), a, verificationId, 'face'), 'CONSENT_REQUIRED');
    await expectAppError(choosePersonalMethod(ctx(), a, verificationId, 'face', '2025-01'), 'CONSENT_REQUIRED');
    expect(t.channels.calls.length).toBe(calls); // nothing was asked of the face service
    expect(await stateOf(a, verificationId)).toBe('confirmed');

    await choosePersonalMethod(ctx(), a, verificationId, 'face', CONSENT_VERSION.face);
    const given = await t.db.select().from(consents).where(eq(consents.accountId, a));
    expect(given).toEqual([expect.objectContaining({ purpose: 'face', textVersion: CONSENT_VERSION.face, processRef: `personal_verification:${verificationId}` })]);
    // A new code for the same attempt does not ask again; the consent is not stored twice.
    await choosePersonalMethod(ctx(), a, verificationId, 'face');
    expect(await t.db.select().from(consents).where(eq(consents.accountId, a))).toHaveLength(1);
    const audit = rowsOf(await t.db.execute(sql`select action, data from audit_log where account_id = ${a} and action = 'consent.given'`));
    expect(audit).toEqual([{ action: 'consent.given', data: { purpose: 'face', version: CONSENT_VERSION.face } }]);
  });

  it('ignores the result of a superseded session (a new code was taken)', async () => {
    const a = await account();
    const { verificationId, session } = await waitingFor(a);
    await choosePersonalMethod(ctx(), a, verificationId, 'face', CONSENT_VERSION.face);
    await deliver('wechat', signedDelivery('wechat', completed(session, 'matched')));
    expect(await stateOf(a, verificationId)).toBe('awaiting_channel');
  });

  it('applies a result that arrives the moment its session is stored, before the method step has returned', async () => {
    const a = await account();
    const { verificationId } = await startPersonalVerification(ctx(), a, info());
    await confirmPersonalVerification(ctx(), a, verificationId);
    // The callback is delivered as soon as the transaction that stored the session commits.
    let delivered = false;
    const db = new Proxy(t.db, {
      get(target, prop, receiver) {
        if (prop !== 'transaction') return Reflect.get(target, prop, receiver) as unknown;
        return async (...args: Parameters<typeof target.transaction>) => {
          const result = await target.transaction(...args);
          const [stored] = delivered ? [] : await t.db.select().from(channelSessions).where(eq(channelSessions.reference, verificationId));
          if (stored) {
            delivered = true;
            expect((await deliver('wechat', signedDelivery('wechat', completed(stored, 'matched')))).status).toBe(204);
          }
          return result;
        };
      },
    });

    await choosePersonalMethod({ ...ctx(), db }, a, verificationId, 'wechat');

    expect(delivered).toBe(true);
    expect(await stateOf(a, verificationId)).toBe('succeeded');
  });

  it('refuses a step out of order: no method before the data is confirmed (SECURITY 27)', async () => {
    const a = await account();
    const { verificationId } = await startPersonalVerification(ctx(), a, info());
    await expectAppError(choosePersonalMethod(ctx(), a, verificationId, 'wechat'), 'STEP_NOT_ALLOWED');
  });

  it('keeps one verification in progress per account: starting again edits it (R-LIM-9)', async () => {
    const a = await account();
    const first = await startPersonalVerification(ctx(), a, info());
    await confirmPersonalVerification(ctx(), a, first.verificationId);
    const second = await startPersonalVerification(ctx(), a, info({ realName: '李四' }));
    expect(second.verificationId).toBe(first.verificationId);
    expect(await stateOf(a, first.verificationId)).toBe('draft');
  });

  it('after the data is edited, choosing the same method again opens a session for the new identity, never the old live one', async () => {
    const a = await account();
    const { verificationId, session: old } = await waitingFor(a, 'wechat', info({ realName: '张三' }));
    await startPersonalVerification(ctx(), a, info({ realName: '李四' }));
    await confirmPersonalVerification(ctx(), a, verificationId);

    const again = await choosePersonalMethod(ctx(), a, verificationId, 'wechat');

    expect(again.id).not.toBe(old.id);
    expect(t.channels.calls.at(-1)!.body).toMatchObject({ expectedName: '李四' });
    // The old session's result changes nothing: it proved another identity.
    await deliver('wechat', signedDelivery('wechat', completed(old, 'matched')));
    expect(await stateOf(a, verificationId)).toBe('awaiting_channel');
  });

  it('a request left pending by a 503 is not replayed for data edited since: the new identity gets a new key', async () => {
    const a = await account();
    const { verificationId } = await startPersonalVerification(ctx(), a, info({ realName: '王五' }));
    await confirmPersonalVerification(ctx(), a, verificationId);
    t.channels.script.push(() => new Response('busy', { status: 503 }));
    await expectAppError(choosePersonalMethod(ctx(), a, verificationId, 'wechat'), 'CHANNEL_UNAVAILABLE');

    await startPersonalVerification(ctx(), a, info({ realName: '赵六' }));
    await confirmPersonalVerification(ctx(), a, verificationId);
    await choosePersonalMethod(ctx(), a, verificationId, 'wechat');

    const [first, second] = t.channels.calls;
    expect(second!.body).toMatchObject({ expectedName: '赵六' });
    expect(second!.headers.get('idempotency-key')).not.toBe(first!.headers.get('idempotency-key'));
  });

  it('sends an account that already has a subject to a change request (R-LIM-8)', async () => {
    const a = await account();
    const { session } = await waitingFor(a);
    await deliver('wechat', signedDelivery('wechat', completed(session, 'matched')));
    await expectAppError(startPersonalVerification(ctx(), a, info()), 'SUBJECT_EXISTS');
  });

  it('refuses a 4th account for one ID at start, without naming the others (R-LIM-1, R-LIM-3)', async () => {
    const input = info();
    for (let i = 0; i < 3; i++) {
      const a = await account();
      const { session } = await waitingFor(a, 'face', input);
      await deliver('face', signedDelivery('face', { type: 'face_session.completed', data: { sessionId: session.externalSessionId, reference: session.reference, result: 'passed' } }));
    }
    const error = await expectAppError(startPersonalVerification(ctx(), await account(), input), 'IDENTITY_LIMIT');
    expect(JSON.stringify(error)).not.toMatch(/@example\.com/);
  });

  it('lets exactly one of 10 racing completions take the last slot of an ID held by 2 accounts (SECURITY 7)', async () => {
    const input = info();
    for (let i = 0; i < 2; i++) {
      const a = await account();
      const { session } = await waitingFor(a, 'wechat', input);
      await deliver('wechat', signedDelivery('wechat', completed(session, 'matched')));
    }
    const racers = [];
    for (let i = 0; i < 10; i++) {
      const a = await account();
      racers.push({ a, ...(await waitingFor(a, 'wechat', input)) });
    }
    const answers = await Promise.all(racers.map((r) => deliver('wechat', signedDelivery('wechat', completed(r.session, 'matched')))));
    expect(answers.every((r) => r.status < 300)).toBe(true);
    const states = await Promise.all(racers.map((r) => stateOf(r.a, r.verificationId)));
    expect(states.filter((s) => s === 'succeeded')).toHaveLength(1);
    expect(states.filter((s) => s === 'failed')).toHaveLength(9);
    const loser = racers[states.indexOf('failed')]!;
    const wizard = await getPersonalWizard(ctx(), loser.a);
    expect(wizard.kind === 'verification' && wizard.verification.failure?.code).toBe('identity_limit');
  }, 120_000);

  it('refuses a permit holder whom the channel reports under 18 (R-LIM-4)', async () => {
    const a = await account();
    const { verificationId, session } = await waitingFor(a, 'wechat', info({ documentType: 'hk_macau_permit', documentNumber: 'H12345678', industry: '' }));
    await deliver('wechat', signedDelivery('wechat', completed(session, 'matched', { birthDate: '2009-01-01' })));
    expect(await stateOf(a, verificationId)).toBe('failed');
  });

  it('offers face only after 3 failures in 24 h and refuses WeChat (R-LIM-7)', async () => {
    const a = await account();
    let id = '';
    for (let i = 0; i < 3; i++) {
      const w = i === 0 ? await waitingFor(a) : await (async () => {
        const r = await retryPersonalVerification(ctx(), a, id, 'choose_method');
        const s = await choosePersonalMethod(ctx(), a, r.verificationId, 'wechat');
        return { verificationId: r.verificationId, session: await sessionRow(t.db, s.id) };
      })();
      id = w.verificationId;
      await deliver('wechat', signedDelivery('wechat', completed(w.session, 'mismatch')));
    }
    const next = await retryPersonalVerification(ctx(), a, id, 'choose_method');
    await expectAppError(choosePersonalMethod(ctx(), a, next.verificationId, 'wechat'), 'METHOD_UNAVAILABLE');
    const wizard = await getPersonalWizard(ctx(), a);
    expect(wizard.kind === 'verification' && wizard.verification.offer?.recommended).toBe('face');
  }, 60_000);

  it("keeps account B away from account A's verification (IDOR → NOT_FOUND)", async () => {
    const a = await account();
    const b = await account();
    const { verificationId } = await startPersonalVerification(ctx(), a, info());
    await expectAppError(confirmPersonalVerification(ctx(), b, verificationId), 'NOT_FOUND');
    await expectAppError(choosePersonalMethod(ctx(), b, verificationId, 'wechat'), 'NOT_FOUND');
    await expectAppError(cancelPersonalVerification(ctx(), b, verificationId), 'NOT_FOUND');
    await expectAppError(getPersonalStatus(ctx(), b, verificationId), 'NOT_FOUND');
    expect(await stateOf(a, verificationId)).toBe('draft');
  });

  it('stores no clear ID number anywhere in the database (SECURITY 19)', async () => {
    const a = await account();
    const input = info();
    const { session } = await waitingFor(a, 'wechat', input);
    await deliver('wechat', signedDelivery('wechat', completed(session, 'matched')));
    const tables = rowsOf<{ t: string }>(
      await t.db.execute(sql`select table_schema || '.' || table_name as t from information_schema.tables where table_schema = 'public'`),
    );
    for (const { t: table } of tables) {
      const rows = rowsOf<Record<string, unknown>>(await t.db.execute(sql.raw(`select * from ${table}`)));
      expect(JSON.stringify(rows), table).not.toContain(input.documentNumber);
    }
  });
});
