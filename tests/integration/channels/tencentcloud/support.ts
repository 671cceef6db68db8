import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { resetEnvCache } from '@/lib/env';
import { FAKE_SECRET_ID, FAKE_SECRET_KEY, startTencentCloudFake, type TencentCloudFake } from '../../../support/tencentcloud-fake/server';

/** The approved SMS templates of the fake and of TENCENTCLOUD_SMS_TEMPLATES in these tests: kind → [TemplateId, parameter count]. */
export const SMS_TEMPLATES: Record<string, [string, number]> = {
  verification_succeeded: ['100001', 2],
  payout_arrived: ['100002', 2],
  review_approved: ['100003', 1],
  change_cancelled: ['100004', 0],
};

/** The TENCENTCLOUD_* variables of the fake at `url`, with `templates` (kind → TemplateId) as the SMS templates. */
export function stubTencentCloudEnv(url: string, templates: Record<string, string>) {
  vi.stubEnv('TENCENTCLOUD_SECRET_ID', FAKE_SECRET_ID);
  vi.stubEnv('TENCENTCLOUD_SECRET_KEY', FAKE_SECRET_KEY);
  vi.stubEnv('TENCENTCLOUD_FACEID_ENDPOINT', url);
  vi.stubEnv('TENCENTCLOUD_SMS_ENDPOINT', url);
  vi.stubEnv('TENCENTCLOUD_TIMEOUT_MS', '800');
  vi.stubEnv('FACEID_RULE_ID', '1');
  vi.stubEnv('TENCENTCLOUD_SMS_SDK_APP_ID', '1400000001');
  vi.stubEnv('TENCENTCLOUD_SMS_SIGN_NAME', '云控制台');
  vi.stubEnv('TENCENTCLOUD_SMS_TEMPLATES', JSON.stringify(templates));
  resetEnvCache();
}

/**
 * A test file's Tencent Cloud: the local fake of the API (tests/support/tencentcloud-fake)
 * started once, and the variables that select and configure the tencentcloud provider set
 * before each test (face by CHANNEL_FACE_PROVIDER, SMS by CHANNEL_NOTIFY_SMS_PROVIDER).
 */
export function tencentCloudFake(select: { face?: boolean; sms?: boolean } = { face: true }) {
  let fake: TencentCloudFake | undefined;
  beforeAll(async () => {
    fake = await startTencentCloudFake({ templates: Object.fromEntries(Object.values(SMS_TEMPLATES)) });
  });
  afterAll(async () => fake?.stop());
  beforeEach(() => {
    const f = current();
    if (select.face) vi.stubEnv('CHANNEL_FACE_PROVIDER', 'tencentcloud');
    if (select.sms) vi.stubEnv('CHANNEL_NOTIFY_SMS_PROVIDER', 'tencentcloud');
    stubTencentCloudEnv(f.url, Object.fromEntries(Object.entries(SMS_TEMPLATES).map(([kind, [id]]) => [kind, id])));
    f.signatureClockSkewSeconds = 0;
    f.tokenClockOffsetMs = 0;
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnvCache();
  });
  const current = () => {
    if (!fake) throw new Error('the fake starts in beforeAll');
    return fake;
  };
  return current;
}

/** The phone: opens the H5 page and presses one of its buttons (plain HTML forms); answers the fake's redirect. */
export async function pressOnPhone(url: string, label: '通过' | '活体检测失败' | '人脸比对失败'): Promise<Response> {
  const html = await (await fetch(url)).text();
  const form = new RegExp(`<form method="post" action="([^"]+)"><button type="submit" name="play" value="([a-z_]+)">${label}</button>`).exec(html);
  if (!form) throw new Error(`no button ${label}`);
  return fetch(new URL(form[1]!, url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ play: form[2]! }),
    redirect: 'manual',
  });
}
