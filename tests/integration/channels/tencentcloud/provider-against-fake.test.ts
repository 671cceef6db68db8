import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetEnvCache } from '@/lib/env';
// The provider's client functions, below the port (the port itself: face-through-the-port.test.ts).
import { fetchFaceResult, openFaceCheck } from '@/lib/channels/providers/tencentcloud/face';
import type { TencentCloudFailureKind } from '@/lib/channels/providers/tencentcloud/failures';
import { sendSms } from '@/lib/channels/providers/tencentcloud/sms';
import { startTencentCloudFake, type FakeFailure, type TencentCloudFake } from '../../../support/tencentcloud-fake/server';
import { stubTencentCloudEnv } from './support';

/**
 * The provider client of issue 18 against the local fake of the Tencent Cloud API: the
 * official SDK signs, the fake checks each signature (TC3-HMAC-SHA256) and answers the
 * documented shapes. No database: the flows through the port are in face-through-the-port.test.ts.
 */
let fake: TencentCloudFake;
beforeAll(async () => {
  fake = await startTencentCloudFake();
});
afterAll(async () => {
  await fake.stop();
});

const person = { name: '张三', idNumber: '11010519491231002X' };
/** The port's isRequestedPerson, in clear here (the product compares keyed values). */
const isPerson = (p: { name: string; idNumber: string }) => p.name === person.name && p.idNumber === person.idNumber;
const REDIRECT = 'https://console.example.com/account/verification/personal/face/return';

beforeEach(() => {
  stubTencentCloudEnv(fake.url, { verification_succeeded: '100001', payout_sent: '100002', review_rejected: '999999' });
  fake.signatureClockSkewSeconds = 0;
});
afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

async function open(reference = `ver-${Math.random().toString(36).slice(2)}`) {
  const opened = await openFaceCheck({ ...person, redirectUrl: REDIRECT, reference });
  if (!opened.ok) throw new Error(`open failed: ${opened.failure.kind} ${opened.failure.code ?? ''}`);
  return opened.value;
}

/** The phone: open the H5 page and press one of its buttons (plain HTML forms, no JS). */
async function pressOnPhone(url: string, label: '通过' | '活体检测失败' | '人脸比对失败') {
  const page = await fetch(url);
  const html = await page.text();
  const form = new RegExp(`<form method="post" action="([^"]+)"><button type="submit" name="play" value="([a-z_]+)">${label}</button>`).exec(html);
  if (!form) throw new Error(`no button ${label}`);
  return fetch(new URL(form[1]!, url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ play: form[2]! }),
    redirect: 'manual',
  });
}

describe('人脸核身 through the tencentcloud provider', () => {
  it('open → H5 通过 → redirect with ?token= → fetch → passed; DetectAuth carried RuleId, Name, IdCard, RedirectUrl and our reference as Extra', async () => {
    const { bizToken, url } = await open('ver-pass');
    const detect = fake.requestsOf('DetectAuth').at(-1)!;
    expect(detect.params).toEqual({ RuleId: '1', Name: person.name, IdCard: person.idNumber, RedirectUrl: REDIRECT, Extra: 'ver-pass' });
    expect(detect.version).toBe('2018-03-01');
    expect(detect.region).toBeUndefined(); // FaceID: "本接口不需要传递此参数"
    expect(String(detect.headers.authorization)).toMatch(/^TC3-HMAC-SHA256 Credential=AKID/);

    expect(await fetchFaceResult({ bizToken, isRequestedPerson: isPerson })).toEqual({ ok: true, value: { kind: 'pending' } });
    const back = await pressOnPhone(url, '通过');
    expect(back.status).toBe(302);
    const location = new URL(back.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('token')).toBe(bizToken);

    expect(await fetchFaceResult({ bizToken, isRequestedPerson: isPerson })).toEqual({ ok: true, value: { kind: 'passed' } });
    const pull = fake.requestsOf('GetDetectInfoEnhanced').at(-1)!;
    expect(pull.params).toEqual({ BizToken: bizToken, RuleId: '1', InfoType: '1' }); // text only, never images or video
  });

  it('a liveness failure on the phone is liveness_failed, with its documented code', async () => {
    const { bizToken, url } = await open();
    await pressOnPhone(url, '活体检测失败');
    expect(await fetchFaceResult({ bizToken, isRequestedPerson: isPerson })).toEqual({ ok: true, value: { kind: 'liveness_failed', code: 1002 } });
  });

  it('a face that is not the ID’s photo is face_mismatch', async () => {
    const { bizToken, url } = await open();
    await pressOnPhone(url, '人脸比对失败');
    expect(await fetchFaceResult({ bizToken, isRequestedPerson: isPerson })).toEqual({ ok: true, value: { kind: 'face_mismatch', code: 2016 } });
  });

  it('a token left unused past 7200 s is expired (ErrCode 15), and its H5 page says so; past three days the API’s BizTokenExpired is expired too', async () => {
    const { bizToken, url } = await open();
    fake.advanceTokenClock(7201);
    try {
      expect(await fetchFaceResult({ bizToken, isRequestedPerson: isPerson })).toEqual({ ok: true, value: { kind: 'expired', code: 15 } });
      expect(await (await fetch(url)).text()).toContain('Token 过期');
      fake.advanceTokenClock(3 * 24 * 3600);
      expect(await fetchFaceResult({ bizToken, isRequestedPerson: isPerson })).toEqual({ ok: true, value: { kind: 'expired' } });
      expect(fake.requestsOf('GetDetectInfoEnhanced').at(-1)!.answeredError).toBe('InvalidParameterValue.BizTokenExpired');
    } finally {
      fake.tokenClockOffsetMs = 0;
    }
  });

  it('a pass for a Name or IdCard other than the one asked for is not a pass', async () => {
    const { bizToken } = await open();
    fake.tokens.get(bizToken)!.reportedIdentity = { name: '李四', idCard: person.idNumber };
    fake.play(bizToken, 'passed');
    expect(await fetchFaceResult({ bizToken, isRequestedPerson: isPerson })).toEqual({ ok: true, value: { kind: 'person_differs' } });
    fake.tokens.get(bizToken)!.reportedIdentity = { name: person.name, idCard: '110105194912310038' };
    expect(await fetchFaceResult({ bizToken, isRequestedPerson: isPerson })).toEqual({ ok: true, value: { kind: 'person_differs' } });
  });
});

describe('Tencent Cloud failures are typed results, never a success', () => {
  async function failedOpen() {
    const opened = await openFaceCheck({ ...person, redirectUrl: REDIRECT, reference: 's' });
    expect(opened.ok).toBe(false);
    if (opened.ok) throw new Error('unreachable');
    return opened.failure;
  }

  it('a wrong secret key → credentials (AuthFailure.SignatureFailure), not retryable', async () => {
    vi.stubEnv('TENCENTCLOUD_SECRET_KEY', 'not-the-key');
    resetEnvCache();
    expect(await failedOpen()).toMatchObject({ kind: 'credentials', code: 'AuthFailure.SignatureFailure', retryable: false });
  });

  it('an unknown SecretId → credentials (AuthFailure.SecretIdNotFound)', async () => {
    vi.stubEnv('TENCENTCLOUD_SECRET_ID', 'AKIDunknown');
    resetEnvCache();
    expect(await failedOpen()).toMatchObject({ kind: 'credentials', code: 'AuthFailure.SecretIdNotFound' });
  });

  it('a clock more than five minutes off → credentials (AuthFailure.SignatureExpire)', async () => {
    fake.signatureClockSkewSeconds = 301;
    expect(await failedOpen()).toMatchObject({ kind: 'credentials', code: 'AuthFailure.SignatureExpire' });
  });

  const cases: { failure: FakeFailure; kind: TencentCloudFailureKind; code?: string; open: boolean; fetch: boolean; sms: boolean }[] = [
    { failure: { error: 'RequestLimitExceeded' }, kind: 'rate_limited', code: 'RequestLimitExceeded', open: true, fetch: true, sms: true },
    { failure: { error: 'InternalError' }, kind: 'internal', code: 'InternalError', open: true, fetch: true, sms: false },
    { failure: { error: 'FailedOperation.UnKnown' }, kind: 'failed_operation', code: 'FailedOperation.UnKnown', open: false, fetch: false, sms: false },
    { failure: { error: 'InvalidParameter' }, kind: 'rejected', code: 'InvalidParameter', open: false, fetch: false, sms: false },
    { failure: { hang: true }, kind: 'timeout', open: true, fetch: true, sms: false },
    { failure: { garbage: 'not_json' }, kind: 'garbage', open: false, fetch: true, sms: false },
    { failure: { garbage: 'wrong_shape' }, kind: 'garbage', open: false, fetch: true, sms: false },
    { failure: { httpStatus: 502 }, kind: 'internal', open: true, fetch: true, sms: false },
  ];

  for (const c of cases) {
    it(`${JSON.stringify(c.failure)} → ${c.kind} (retryable: open ${c.open}, fetch ${c.fetch}, SendSms ${c.sms})`, async () => {
      fake.failNext('DetectAuth', c.failure);
      const opened = await failedOpen();
      expect(opened).toMatchObject({ kind: c.kind, operation: 'open_face_check', retryable: c.open });
      if (c.code) expect(opened.code).toBe(c.code);

      const { bizToken } = await open();
      fake.failNext('GetDetectInfoEnhanced', c.failure);
      const fetched = await fetchFaceResult({ bizToken, isRequestedPerson: isPerson });
      expect(fetched).toMatchObject({ ok: false, failure: { kind: c.kind, operation: 'fetch_face_result', retryable: c.fetch } });

      fake.failNext('SendSms', c.failure);
      const sent = await sendSms({ kind: 'verification_succeeded', phone: '13800138000', params: ['个人'], reference: `outbox-${Math.random()}` });
      expect(sent).toMatchObject({ ok: false, failure: { kind: c.kind, operation: 'send_sms', retryable: c.sms } });
    });
  }

  it('nobody listening → unreachable, retryable (nothing was sent)', async () => {
    vi.stubEnv('TENCENTCLOUD_FACEID_ENDPOINT', 'http://127.0.0.1:9');
    resetEnvCache();
    expect(await failedOpen()).toMatchObject({ kind: 'unreachable', retryable: true, outcomeUnknown: false });
  });

  it('the timeout is ours (TENCENTCLOUD_TIMEOUT_MS), not the SDK’s whole seconds', async () => {
    fake.failNext('DetectAuth', { hang: true });
    const started = Date.now();
    expect(await failedOpen()).toMatchObject({ kind: 'timeout', outcomeUnknown: true });
    expect(Date.now() - started).toBeLessThan(1_800);
  });
});

describe('SMS through the tencentcloud provider', () => {
  it('sends once per outbox reference with the kind’s template; the request carries the recipient and no other personal number', async () => {
    const before = fake.sentSms.length;
    const reference = '5f0c6e1e-1c2b-4f5e-9d7a-3b2c1d0e9f8a';
    const sent = await sendSms({ kind: 'payout_sent', phone: '13800138000', params: ['尾号 8000', '2026-03-02'], reference });
    expect(sent).toMatchObject({ ok: true });
    expect(fake.sentSms.slice(before)).toEqual([
      expect.objectContaining({ phoneNumber: '+8613800138000', templateId: '100002', signName: '云控制台', sessionContext: reference, templateParams: ['尾号 8000', '2026-03-02'] }),
    ]);
    const request = fake.requestsOf('SendSms').at(-1)!;
    expect(request.params).toMatchObject({ SmsSdkAppId: '1400000001', SessionContext: reference, PhoneNumberSet: ['+8613800138000'] });
    expect(request.version).toBe('2021-01-11');
    expect(request.region).toBe('ap-guangzhou');
    // Outside PhoneNumberSet, no run of 11+ digits (phone, bank card, ID number) anywhere in the request.
    const { PhoneNumberSet: _recipient, ...rest } = request.params;
    expect(JSON.stringify(rest)).not.toMatch(/\d{11,}|\d{17}[Xx]/);
  });

  it('refuses, without calling Tencent Cloud, a parameter with a phone, bank or ID number, and a kind without a template', async () => {
    const before = fake.requestsOf('SendSms').length;
    for (const params of [['13800138000'], ['6222021234567890123'], ['11010519491231002X']]) {
      expect(await sendSms({ kind: 'verification_succeeded', phone: '13800138000', params, reference: 'r1' })).toMatchObject({
        ok: false,
        failure: { kind: 'refused_locally', code: 'personal_number', retryable: false },
      });
    }
    expect(await sendSms({ kind: 'change_expired', phone: '13800138000', params: [], reference: 'r2' })).toMatchObject({
      ok: false,
      failure: { kind: 'refused_locally', code: 'no_template' },
    });
    expect(fake.requestsOf('SendSms').length).toBe(before);
  });

  it('a template Tencent Cloud has not approved (or with the wrong parameters) → failed_operation, nothing sent', async () => {
    const before = fake.sentSms.length;
    expect(await sendSms({ kind: 'review_rejected', phone: '13800138000', params: ['企业认证资料'], reference: 'r3' })).toMatchObject({
      ok: false,
      failure: { kind: 'failed_operation', code: 'FailedOperation.TemplateIncorrectOrUnapproved', retryable: false, outcomeUnknown: false },
    });
    expect(await sendSms({ kind: 'payout_sent', phone: '13800138000', params: ['尾号 8000'], reference: 'r4' })).toMatchObject({
      ok: false,
      failure: { code: 'FailedOperation.TemplateIncorrectOrUnapproved' },
    });
    expect(fake.sentSms.length).toBe(before);
  });
});
