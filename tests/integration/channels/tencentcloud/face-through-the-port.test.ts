import { and, eq, like } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as returnRoute } from '@/app/channels/[channel]/return/route';
import { findChangeRequest } from '@/db/queries/change-requests';
import { findCurrentSubject } from '@/db/queries/subjects';
import { auditLog, channelEvents, channelRequests, channelSessions, siteMessages } from '@/db/schema';
import { CONSENT_VERSION } from '@/lib/domain/consent';
import { makeResidentId } from '@/lib/domain/identity/resident-id';
import { makeUscc } from '@/lib/domain/identity/uscc';
import { env } from '@/lib/env';
import type { ErrorCode } from '@/lib/errors';
import { enterpriseInfoSchema, type EnterpriseMethodInput } from '@/lib/schemas/enterprise-info';
import { personalInfoSchema } from '@/lib/schemas/personal-info';
import { pollChannelResults } from '@/lib/features/channels/poll-channel-results';
import { pullChannelResult } from '@/lib/features/channels/pull-channel-result';
import { getLegalRepChange } from '@/lib/features/change/get-legal-rep-change';
import { openChangeFaceCheck } from '@/lib/features/change/open-change-face-check';
import { startSubjectChange } from '@/lib/features/change/start-subject-change';
import { openLegalRepSession } from '@/lib/features/change/open-legal-rep-session';
import { startLegalRepUpdate } from '@/lib/features/change/start-legal-rep-update';
import { chooseEnterpriseMethod } from '@/lib/features/enterprise/choose-enterprise-method';
import { getEnterpriseStatus } from '@/lib/features/enterprise/get-enterprise-status';
import { startEnterpriseVerification } from '@/lib/features/enterprise/start-enterprise-verification';
import { startPayoutOperatorCheck } from '@/lib/features/payout/start-payout-operator-check';
import { choosePersonalMethod } from '@/lib/features/personal/choose-personal-method';
import { confirmPersonalVerification } from '@/lib/features/personal/confirm-personal-verification';
import { getPersonalStatus } from '@/lib/features/personal/get-personal-status';
import { getPersonalWizard } from '@/lib/features/personal/get-personal-wizard';
import { startPersonalVerification } from '@/lib/features/personal/start-personal-verification';
import type { FakeFailure } from '../../../support/tencentcloud-fake/server';
import { fakeChannels, type FakeChannels } from '../../enterprise/support';
import { verifiedEnterprise } from '../../change/support';
import { OPERATOR, payoutChannels, payoutRow, submittedPayout } from '../../payout/support';
import { expectAppError } from '../../support/expect-error';
import { licenceUpload, registryEnterprise } from '../../support/factories';
import { APP_ORIGIN, handle, signedInUser, type TestUser } from '../../support/requests';
import type { TestDatabase } from '../../support/test-db';
import { openDatabaseSecondHandle } from '../second-handle';
import { channelTestDatabase, freezeTime, moveTime, serviceContext, sessionRow } from '../support';
import { pressOnPhone, tencentCloudFake } from './support';

vi.mock('next-auth', async (original) => (await import('../../support/next-mocks')).withTestSession(original));

/**
 * Issue 18: Tencent Cloud 人脸核身 as the face channel's provider (CHANNEL_FACE_PROVIDER=
 * tencentcloud), through the port, against the local fake of the API — the SDK signs, the
 * fake checks each TC3 signature. The person comes back by redirect to our return route,
 * which pulls the result; the poll job pulls it too; either way it is applied once.
 */
let t: TestDatabase;
let channels: FakeChannels;
const fake = tencentCloudFake({ face: true });
const ctx = () => serviceContext(t.db, channels.fetch);
const today = { year: 2026, month: 11, day: 27 };
let n = 0;

beforeAll(async () => {
  t = await channelTestDatabase();
});
afterAll(async () => t.close());
beforeEach(() => {
  freezeTime('2026-11-27T04:00:00.000Z');
  channels = fakeChannels();
});
afterEach(() => vi.useRealTimers());

/** Steps 1 and 2 of a personal verification up to an open face session, by a signed-in user. */
async function waitingForFace(name = '张三') {
  n += 1;
  const user = await signedInUser(t.db, `tc-${n}-${Date.now()}@example.com`);
  const idNumber = makeResidentId('440305', '19900101', String(600 + n).padStart(3, '0'));
  const input = personalInfoSchema(today).parse({
    realName: name,
    documentType: 'resident_id',
    documentNumber: idNumber,
    industry: '互联网/IT服务',
    province: '44',
    city: '4403',
    district: '440305',
    addressDetail: '科技园 1 号',
  });
  const { verificationId } = await startPersonalVerification(ctx(), user.accountId, input);
  await confirmPersonalVerification(ctx(), user.accountId, verificationId);
  const view = await choosePersonalMethod(ctx(), user.accountId, verificationId, 'face', CONSENT_VERSION.face);
  return { user, verificationId, idNumber, name, view, session: await sessionRow(t.db, view.id) };
}

/** The return route as the browser reaches it (with the user's cookie, or none: a phone). */
function comeBack(location: string, user: TestUser | null = null) {
  return handle(returnRoute, new Request(location, { headers: user ? { cookie: user.cookie } : {} }), { params: Promise.resolve({ channel: 'face' }) });
}

async function ending(user: TestUser, verificationId: string) {
  const wizard = await getPersonalWizard(ctx(), user.accountId);
  return {
    ...(await getPersonalStatus(ctx(), user.accountId, verificationId)),
    failure: wizard.kind === 'verification' ? (wizard.verification.failure?.code ?? null) : null,
  };
}

async function completions(sessionId: string) {
  return t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'channel_session.completed'), eq(auditLog.target, `channel_session:${sessionId}`)));
}

describe('personal 人脸识别 through Tencent Cloud', () => {
  it('opens with DetectAuth (RuleId, Name, IdCard; RedirectUrl our return page with our reference only) and shows its H5 Url and BizToken', async () => {
    const w = await waitingForFace();
    const detect = fake().requestsOf('DetectAuth').at(-1)!;
    const redirect = new URL(String(detect.params.RedirectUrl));
    expect(detect.params).toMatchObject({ RuleId: '1', Name: '张三', IdCard: w.idNumber, Extra: w.verificationId });
    expect(`${redirect.origin}${redirect.pathname}`).toBe(`${env().APP_URL.replace(/\/$/, '')}/channels/face/return`);
    // Our reference, nothing personal: no name, no number.
    expect([...redirect.searchParams.keys()]).toEqual(['ref']);
    expect(redirect.searchParams.get('ref')).toBe(w.verificationId);
    expect(String(detect.params.RedirectUrl)).not.toContain(w.idNumber);

    const token = fake().tokens.get(w.session.externalSessionId)!;
    expect(w.view.scanUrl).toBe(`${fake().url}/h5/${token.bizToken}`);
    // The token's 7200 s, on the product clock.
    expect(w.session.expiresAt.toISOString()).toBe('2026-11-27T06:00:00.000Z');
    expect(await getPersonalStatus(ctx(), w.user.accountId, w.verificationId)).toEqual({ state: 'awaiting_channel', sessionState: 'open' });
  });

  it('通过 on the phone → the redirect pulls the pass → 认证完成; the owner’s browser goes on to the wizard; text only was asked for', async () => {
    const w = await waitingForFace();
    // Back before finishing (a reload, a stray link): nothing to apply yet, the neutral page.
    const early = await comeBack(`${env().APP_URL}/channels/face/return?ref=${w.verificationId}&token=${w.session.externalSessionId}`);
    expect(early.status).toBe(303);
    expect(early.headers.get('location')).toBe(`${env().APP_URL.replace(/\/$/, '')}/channels/face/returned`);
    expect((await ending(w.user, w.verificationId)).state).toBe('awaiting_channel');

    const phone = await pressOnPhone(w.view.scanUrl, '通过');
    expect(phone.status).toBe(302);
    const back = await comeBack(phone.headers.get('location')!, w.user);
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe(`${APP_ORIGIN}/account/verification/personal`);

    expect(await ending(w.user, w.verificationId)).toEqual({ state: 'succeeded', sessionState: null, failure: null });
    expect(fake().requestsOf('GetDetectInfoEnhanced').at(-1)!.params).toEqual({ BizToken: w.session.externalSessionId, RuleId: '1', InfoType: '1' });
    const events = await t.db.select().from(channelEvents).where(eq(channelEvents.subjectId, w.session.externalSessionId));
    expect(events).toMatchObject([{ channel: 'face', type: 'face_session.completed', status: 'processed', reference: w.verificationId }]);
    expect(events[0]!.webhookId).toMatch(/^pull:[0-9a-f]{64}$/);
  });

  it('活体检测失败 → failed with the liveness reason; a browser that is not the owner’s (the phone) only hears “done”', async () => {
    const w = await waitingForFace();
    const phone = await pressOnPhone(w.view.scanUrl, '活体检测失败');
    const back = await comeBack(phone.headers.get('location')!);
    expect(back.headers.get('location')).toBe(`${env().APP_URL.replace(/\/$/, '')}/channels/face/returned`);
    expect(await ending(w.user, w.verificationId)).toMatchObject({ state: 'failed', failure: 'liveness_failed' });
  });

  it('人脸比对失败 → failed as face_mismatch', async () => {
    const w = await waitingForFace();
    await comeBack((await pressOnPhone(w.view.scanUrl, '人脸比对失败')).headers.get('location')!);
    expect(await ending(w.user, w.verificationId)).toMatchObject({ state: 'failed', failure: 'face_mismatch' });
  });

  it('a pass for another Name or IdCard than the one asked for is no pass (isRequestedPerson): face_mismatch', async () => {
    for (const reported of [(w: { idNumber: string }) => ({ name: '李四', idCard: w.idNumber }), () => ({ name: '张三', idCard: makeResidentId('110105', '19491231', '002') })]) {
      const w = await waitingForFace();
      fake().tokens.get(w.session.externalSessionId)!.reportedIdentity = reported(w);
      fake().play(w.session.externalSessionId, 'passed');
      // The poll job, this time (it asks for every open session of the file; this one is what counts).
      await pollChannelResults(ctx());
      expect(await ending(w.user, w.verificationId)).toMatchObject({ state: 'failed', failure: 'face_mismatch' });
    }
  });

  it('accepts the returned IdCard with a lower-case x and a padded Name as the same person', async () => {
    const w = await waitingForFace();
    // GB 11643's check character may come back as x; a name with spaces around it is the same name.
    fake().tokens.get(w.session.externalSessionId)!.reportedIdentity = { name: ' 张三 ', idCard: w.idNumber.toLowerCase() };
    fake().play(w.session.externalSessionId, 'passed');
    await pollChannelResults(ctx());
    expect((await ending(w.user, w.verificationId)).state).toBe('succeeded');
  });

  it('an expired token (ErrCode 15, Token 过期) expires the session: the wizard offers a new code', async () => {
    const w = await waitingForFace();
    fake().advanceTokenClock(7201);
    await pollChannelResults(ctx());
    expect((await sessionRow(t.db, w.session.id)).state).toBe('expired');
    const [event] = await t.db.select().from(channelEvents).where(eq(channelEvents.subjectId, w.session.externalSessionId));
    expect(event).toMatchObject({ type: 'auth_session.expired', status: 'processed' });
    expect(await ending(w.user, w.verificationId)).toEqual({ state: 'confirmed', sessionState: null, failure: null });
    // The H5 page says so too.
    expect(await (await fetch(w.view.scanUrl)).text()).toContain('Token 过期');
  });

  it('the poll job and the redirect racing (two instances) apply the result once: one event, one completion, one notice', async () => {
    const second = await openDatabaseSecondHandle(t);
    try {
      const w = await waitingForFace();
      const location = (await pressOnPhone(w.view.scanUrl, '通过')).headers.get('location')!;
      const [back, polled] = await Promise.all([comeBack(location, w.user), pollChannelResults(serviceContext(second.db, channels.fetch))]);

      expect(back.status).toBe(303);
      // Whichever comes first: the poll may race the redirect's pull (stored / duplicate / not_open) or find the
      // session settled already and list nothing — never fail, never see it pending (the result is played).
      expect(polled).toMatchObject({ pending: 0, failed: 0 });
      expect((await ending(w.user, w.verificationId)).state).toBe('succeeded');
      expect(await completions(w.session.id)).toHaveLength(1);
      expect(await t.db.select().from(channelEvents).where(eq(channelEvents.subjectId, w.session.externalSessionId))).toHaveLength(1);
      expect(await t.db.select().from(siteMessages).where(eq(siteMessages.accountId, w.user.accountId))).toHaveLength(1);
      // Settled: neither asks Tencent Cloud again.
      const asked = fake().requestsOf('GetDetectInfoEnhanced').length;
      await comeBack(location, w.user);
      await pollChannelResults(ctx());
      expect(fake().requestsOf('GetDetectInfoEnhanced')).toHaveLength(asked);
    } finally {
      await second.close();
    }
  });

  it('refuses a return whose ref and token are not one session (404), and a malformed one', async () => {
    const a = await waitingForFace();
    const b = await waitingForFace();
    for (const url of [
      `${APP_ORIGIN}/channels/face/return?ref=${a.verificationId}&token=${b.session.externalSessionId}`,
      `${APP_ORIGIN}/channels/face/return?ref=${a.verificationId}&token=NOT-A-TOKEN`,
      `${APP_ORIGIN}/channels/face/return?ref=${a.verificationId}`,
    ]) {
      expect((await comeBack(url, a.user)).status).toBe(404);
    }
    expect((await handle(returnRoute, new Request(`${APP_ORIGIN}/channels/bank/return?ref=x&token=y`), { params: Promise.resolve({ channel: 'bank' }) })).status).toBe(404);
  });
});

describe('Tencent Cloud failures through the port: typed, the wizard’s reasons, never a success', () => {
  const openCases: { failure: FakeFailure; code: ErrorCode; pending: boolean }[] = [
    { failure: { error: 'AuthFailure.SignatureFailure' }, code: 'CHANNEL_REJECTED', pending: false },
    { failure: { error: 'RequestLimitExceeded' }, code: 'CHANNEL_UNAVAILABLE', pending: true },
    { failure: { error: 'InternalError' }, code: 'CHANNEL_UNAVAILABLE', pending: true },
    { failure: { error: 'FailedOperation.UnKnown' }, code: 'CHANNEL_REJECTED', pending: false },
    { failure: { error: 'InvalidParameterValue.RuleIdNotExist' }, code: 'CHANNEL_REJECTED', pending: false },
    { failure: { hang: true }, code: 'CHANNEL_TIMEOUT', pending: true },
    { failure: { garbage: 'not_json' }, code: 'CHANNEL_BAD_RESPONSE', pending: false },
    { failure: { garbage: 'wrong_shape' }, code: 'CHANNEL_BAD_RESPONSE', pending: false },
    { failure: { httpStatus: 502 }, code: 'CHANNEL_UNAVAILABLE', pending: true },
  ];

  for (const c of openCases) {
    it(`opening: ${JSON.stringify(c.failure)} → ${c.code}, no session, audited with the code only${c.pending ? '; the next try opens a new token' : ''}`, async () => {
      n += 1;
      const user = await signedInUser(t.db, `tcf-${n}-${Date.now()}@example.com`);
      const idNumber = makeResidentId('440305', '19900101', String(700 + n).padStart(3, '0'));
      const { verificationId } = await startPersonalVerification(
        ctx(),
        user.accountId,
        personalInfoSchema(today).parse({ realName: '张三', documentType: 'resident_id', documentNumber: idNumber, industry: '互联网/IT服务', province: '44', city: '4403', district: '440305', addressDetail: '科技园 1 号' }),
      );
      await confirmPersonalVerification(ctx(), user.accountId, verificationId);
      fake().failNext('DetectAuth', c.failure);
      await expectAppError(choosePersonalMethod(ctx(), user.accountId, verificationId, 'face', CONSENT_VERSION.face), c.code);

      expect(await t.db.select().from(channelSessions).where(eq(channelSessions.reference, verificationId))).toEqual([]);
      const [request] = await t.db.select().from(channelRequests).where(like(channelRequests.reference, `${verificationId}:%`));
      expect(request!.status).toBe(c.pending ? 'pending' : 'failed');
      const audits = (await t.db.select().from(auditLog).where(eq(auditLog.action, 'channel_session.open_failed'))).filter((a) => a.accountId === user.accountId);
      expect(audits).toHaveLength(1);
      if ('error' in c.failure) expect(audits[0]!.data).toMatchObject({ providerCode: c.failure.error });
      expect(JSON.stringify(audits[0]!.data)).not.toContain(idNumber);
      expect(JSON.stringify(audits[0]!.data)).not.toContain('张三');

      // The person tries again: Tencent Cloud answers this time.
      const view = await choosePersonalMethod(ctx(), user.accountId, verificationId, 'face', CONSENT_VERSION.face);
      expect(view.state).toBe('open');
    });
  }

  it('pulling: a failing GetDetectInfoEnhanced leaves the session open — the return page says “checking”, the poll job settles it later', async () => {
    const w = await waitingForFace();
    const location = (await pressOnPhone(w.view.scanUrl, '通过')).headers.get('location')!;
    fake().failNext('GetDetectInfoEnhanced', { error: 'InternalError' });
    const back = await comeBack(location, w.user);
    expect(back.headers.get('location')).toBe(`${env().APP_URL.replace(/\/$/, '')}/channels/face/returned?checking=1`);
    expect((await ending(w.user, w.verificationId)).state).toBe('awaiting_channel');

    const pull = () => pullChannelResult(ctx(), { channel: 'face', token: w.session.externalSessionId });
    const failures: [FakeFailure, ErrorCode][] = [
      [{ error: 'AuthFailure.SecretIdNotFound' }, 'CHANNEL_REJECTED'],
      [{ error: 'RequestLimitExceeded' }, 'CHANNEL_UNAVAILABLE'],
      [{ garbage: 'wrong_shape' }, 'CHANNEL_BAD_RESPONSE'],
      [{ hang: true }, 'CHANNEL_TIMEOUT'],
    ];
    for (const [failure, code] of failures) {
      fake().failNext('GetDetectInfoEnhanced', failure);
      await expectAppError(pull(), code);
    }
    expect((await ending(w.user, w.verificationId)).state).toBe('awaiting_channel');
    expect(await t.db.select().from(channelEvents).where(eq(channelEvents.subjectId, w.session.externalSessionId))).toEqual([]);

    await pollChannelResults(ctx());
    expect((await ending(w.user, w.verificationId)).state).toBe('succeeded');
  });
});

describe('the other face steps run through it as well', () => {
  it('企业法人人脸识别: DetectAuth for the legal representative; a pass completes the enterprise verification', async () => {
    n += 1;
    const user = await signedInUser(t.db, `tce-${n}-${Date.now()}@example.com`);
    const code = makeUscc('91110108', `TC${String(n).padStart(6, '0')}`);
    const e = { code, name: `北京腾云人脸测试科技有限公司${n}`, legalRepName: '赵建国', legalRepIdNumber: '110108197504120318' };
    channels.registry.set(code, e);
    const { verificationId } = await startEnterpriseVerification(
      ctx(),
      user.accountId,
      enterpriseInfoSchema(today).parse({
        licenceType: 'business_licence',
        licenceUploadId: await licenceUpload(t.db, user.accountId, new Date()),
        enterpriseName: e.name,
        code,
        province: '11',
        city: '1101',
        district: '110108',
        addressDetail: '中关村大街 1 号',
        contactName: '李娜',
        contactIdNumber: '310104198511220241',
        contactMobile: '13812345678',
      }),
    );
    const answer = await chooseEnterpriseMethod(ctx(), user.accountId, {
      verificationId,
      method: 'legal_rep_face',
      legalRepName: e.legalRepName,
      legalRepIdNumber: e.legalRepIdNumber,
      consent: CONSENT_VERSION.face,
    } as EnterpriseMethodInput);
    if (answer.outcome !== 'session') throw new Error(`expected a session, got ${answer.failure.code}`);
    expect(fake().requestsOf('DetectAuth').at(-1)!.params).toMatchObject({ Name: '赵建国', IdCard: '110108197504120318', Extra: verificationId });

    const back = await comeBack((await pressOnPhone(answer.session.scanUrl, '通过')).headers.get('location')!, user);
    expect(back.headers.get('location')).toBe(`${APP_ORIGIN}/account/verification/enterprise`);
    expect((await getEnterpriseStatus(ctx(), user.accountId, verificationId)).state).toBe('succeeded');
  });

  it('变更认证主体 (个人): the face check of the current person is DetectAuth for the subject on file; a pass lets the change go on', async () => {
    const w = await waitingForFace('王芳');
    await comeBack((await pressOnPhone(w.view.scanUrl, '通过')).headers.get('location')!, w.user);
    expect((await ending(w.user, w.verificationId)).state).toBe('succeeded');
    moveTime(31 * 24 * 60 * 60_000); // R-CHG-P1: a subject changes 30 days after its verification at the earliest

    const { changeId } = await startSubjectChange(ctx(), w.user.accountId, CONSENT_VERSION.subject_change);
    const check = await openChangeFaceCheck(ctx(), w.user.accountId, changeId, CONSENT_VERSION.face);
    expect(fake().requestsOf('DetectAuth').at(-1)!.params).toMatchObject({ Name: '王芳', IdCard: w.idNumber, Extra: changeId });
    await comeBack((await pressOnPhone(check.scanUrl, '通过')).headers.get('location')!, w.user);
    expect(await findChangeRequest(t.db, w.user.accountId, changeId)).toMatchObject({ state: 'choosing' });
  });

  it('更新企业法人信息: DetectAuth for the NEW legal rep; a face mismatch leaves the subject as it was, a pass amends it', async () => {
    const e = registryEnterprise(channels);
    const a = await verifiedEnterprise({ db: t.db, kind: t.kind, url: t.url, channels, ctx, accountPrefix: 'tc-lr' }, e);
    const rep = { legalRepName: '钱志华', legalRepIdNumber: makeResidentId('110108', '19800101', '901') };
    channels.registry.set(e.code, { ...e, ...rep });
    const { changeId } = await startLegalRepUpdate(ctx(), a, { ...rep, channel: 'face', consent: CONSENT_VERSION.face });
    expect(fake().requestsOf('DetectAuth').at(-1)!.params).toMatchObject({ Name: rep.legalRepName, IdCard: rep.legalRepIdNumber, Extra: changeId });
    const scanOf = async () => (await sessionRow(t.db, (await findChangeRequest(t.db, a, changeId))!.faceSessionId!)).scanUrl;

    await comeBack((await pressOnPhone(await scanOf(), '人脸比对失败')).headers.get('location')!);
    expect(await findChangeRequest(t.db, a, changeId)).toMatchObject({ state: 'rep_data' });
    expect((await getLegalRepChange(ctx(), a, changeId)).failure).toBe('face_mismatch');
    expect((await findCurrentSubject(t.db, a))!.legalRepName).toBeNull();

    // 重试: a new token for the same person.
    const retried = await openLegalRepSession(ctx(), a, changeId, undefined);
    expect(fake().requestsOf('DetectAuth').at(-1)!.params).toMatchObject({ Name: rep.legalRepName, IdCard: rep.legalRepIdNumber, Extra: changeId });
    await comeBack((await pressOnPhone(retried.scanUrl, '通过')).headers.get('location')!);
    expect(await findChangeRequest(t.db, a, changeId)).toMatchObject({ state: 'completed' });
    expect((await findCurrentSubject(t.db, a))!.legalRepName).toBe(rep.legalRepName);
  });

  it('对公打款 经办人身份核验: DetectAuth for the operator; a pass sends the payout to review', async () => {
    const payout = payoutChannels();
    channels = payout;
    const p = await submittedPayout(t.db, payout);
    const session = await startPayoutOperatorCheck(serviceContext(t.db, payout.fetch), p.accountId, { ...OPERATOR, verificationId: p.verificationId });
    expect(fake().requestsOf('DetectAuth').at(-1)!.params).toMatchObject({ Name: OPERATOR.operatorName, IdCard: OPERATOR.operatorIdNumber, Extra: p.payoutId });

    await comeBack((await pressOnPhone(session.scanUrl, '通过')).headers.get('location')!);
    expect(await payoutRow(t.db, p.payoutId)).toMatchObject({ state: 'under_review' });
  });
});
