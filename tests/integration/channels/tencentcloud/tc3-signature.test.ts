import Sign from 'tencentcloud-sdk-nodejs-common/tencentcloud/common/sign';
import { describe, expect, it } from 'vitest';
import {
  authorization,
  canonicalRequest,
  credentialScope,
  derivedKeys,
  sha256Hex,
  signature,
  stringToSign,
  utcDate,
  verifyTc3,
} from '../../../support/tencentcloud-fake/tc3';

/**
 * The worked example of Tencent Cloud's 签名方法 v3 document (CVM DescribeInstances in
 * ap-guangzhou, timestamp 1551113065). The document masks its credentials as a literal
 * "AKID" + 32 asterisks and 32 asterisks, and its published hashes are those of exactly
 * these strings, so the example is reproducible byte for byte.
 */
const DOC = {
  secretId: `AKID${'*'.repeat(32)}`,
  secretKey: '*'.repeat(32),
  timestamp: 1551113065,
  service: 'cvm',
  payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
  hashedPayload: '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
  canonicalRequest: [
    'POST',
    '/',
    '',
    'content-type:application/json; charset=utf-8',
    'host:cvm.tencentcloudapi.com',
    'x-tc-action:describeinstances',
    '',
    'content-type;host;x-tc-action',
    '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
  ].join('\n'),
  hashedCanonicalRequest: '7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84',
  stringToSign: 'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84',
  secretDate: 'da98fb70dcf6b112dc21038d1eeeb3a95c74b4dcb12c1131f864f6066bd02be0',
  secretService: '8d70cbefb03939f929db64d32dc2ba89b1095620119fe3e050e2b18c5bd2752f',
  secretSigning: 'b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af',
  signature: '10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f',
  authorization: `TC3-HMAC-SHA256 Credential=AKID${'*'.repeat(32)}/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f`,
} as const;

const DOC_HEADERS = [
  ['Content-Type', 'application/json; charset=utf-8'],
  ['Host', 'cvm.tencentcloudapi.com'],
  ['X-TC-Action', 'DescribeInstances'],
] as const;

function docRequest(overrides: { body?: string; headers?: Record<string, string> } = {}) {
  return {
    method: 'POST',
    url: '/',
    headers: {
      authorization: DOC.authorization,
      'content-type': 'application/json; charset=utf-8',
      host: 'cvm.tencentcloudapi.com',
      'x-tc-action': 'DescribeInstances',
      'x-tc-timestamp': String(DOC.timestamp),
      'x-tc-version': '2017-03-12',
      'x-tc-region': 'ap-guangzhou',
      ...overrides.headers,
    },
    body: Buffer.from(overrides.body ?? DOC.payload),
  };
}

const docCredentials = new Map([[DOC.secretId, DOC.secretKey]]);

describe('TC3-HMAC-SHA256 (签名方法 v3) — the fake’s checker', () => {
  it('reproduces the document’s worked example byte for byte: canonical request, string to sign, keys, signature, Authorization', () => {
    expect(sha256Hex(DOC.payload)).toBe(DOC.hashedPayload);
    const canonical = canonicalRequest({ method: 'POST', uri: '/', query: '', headers: DOC_HEADERS, payload: DOC.payload });
    expect(canonical).toBe(DOC.canonicalRequest);
    expect(sha256Hex(canonical)).toBe(DOC.hashedCanonicalRequest);

    const date = utcDate(DOC.timestamp);
    expect(date).toBe('2019-02-25'); // 2019-02-26 00:44:25 in UTC+8: the document's warning
    const scope = credentialScope(date, DOC.service);
    expect(scope).toBe('2019-02-25/cvm/tc3_request');
    const toSign = stringToSign(DOC.timestamp, scope, canonical);
    expect(toSign).toBe(DOC.stringToSign);

    const keys = derivedKeys(DOC.secretKey, date, DOC.service);
    expect(keys.secretDate.toString('hex')).toBe(DOC.secretDate);
    expect(keys.secretService.toString('hex')).toBe(DOC.secretService);
    expect(keys.secretSigning.toString('hex')).toBe(DOC.secretSigning);

    const sig = signature(DOC.secretKey, date, DOC.service, toSign);
    expect(sig).toBe(DOC.signature);
    expect(authorization(DOC.secretId, scope, 'content-type;host;x-tc-action', sig)).toBe(DOC.authorization);
  });

  it('also reproduces the earlier edition of the example (SignedHeaders content-type;host, SecretKey Gu5t9xGARNpq86cd98joQYCN3EXAMPLE)', () => {
    const canonical = canonicalRequest({ method: 'POST', headers: DOC_HEADERS.slice(0, 2), payload: DOC.payload });
    expect(sha256Hex(canonical)).toBe('5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031');
    const toSign = stringToSign(DOC.timestamp, credentialScope('2019-02-25', 'cvm'), canonical);
    expect(signature('Gu5t9xGARNpq86cd98joQYCN3EXAMPLE', '2019-02-25', 'cvm', toSign)).toBe(
      '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    );
  });

  it('accepts the example’s final request at its own time, and refuses one changed byte of body or signed header', () => {
    const options = { credentials: docCredentials, now: DOC.timestamp + 10, expectedService: 'cvm' };
    expect(verifyTc3(docRequest(), options)).toEqual({ ok: true, secretId: DOC.secretId });
    expect(verifyTc3(docRequest({ body: DOC.payload.replace('"Limit": 1', '"Limit": 2') }), options)).toMatchObject({
      ok: false,
      code: 'AuthFailure.SignatureFailure',
    });
    expect(verifyTc3(docRequest({ headers: { 'x-tc-action': 'RunInstances' } }), options)).toMatchObject({ code: 'AuthFailure.SignatureFailure' });
    // Not signed, so not checked: the example signs neither X-TC-Region nor X-TC-Version.
    expect(verifyTc3(docRequest({ headers: { 'x-tc-region': 'ap-beijing' } }), options)).toMatchObject({ ok: true });
  });

  it('refuses a timestamp more than five minutes away, an unknown SecretId, a wrong key, another service and a missing header', () => {
    const at = (now: number) => ({ credentials: docCredentials, now, expectedService: 'cvm' });
    expect(verifyTc3(docRequest(), at(DOC.timestamp + 300))).toMatchObject({ ok: true });
    expect(verifyTc3(docRequest(), at(DOC.timestamp + 301))).toMatchObject({ code: 'AuthFailure.SignatureExpire' });
    expect(verifyTc3(docRequest(), at(DOC.timestamp - 301))).toMatchObject({ code: 'AuthFailure.SignatureExpire' });
    expect(verifyTc3(docRequest(), { ...at(DOC.timestamp), credentials: new Map([['AKIDother', DOC.secretKey]]) })).toMatchObject({
      code: 'AuthFailure.SecretIdNotFound',
    });
    expect(verifyTc3(docRequest(), { ...at(DOC.timestamp), credentials: new Map([[DOC.secretId, 'x'.repeat(32)]]) })).toMatchObject({
      code: 'AuthFailure.SignatureFailure',
    });
    expect(verifyTc3(docRequest(), { ...at(DOC.timestamp), expectedService: 'faceid' })).toMatchObject({ code: 'AuthFailure.SignatureFailure' });
    expect(verifyTc3(docRequest({ headers: { authorization: 'Bearer x' } }), at(DOC.timestamp))).toMatchObject({
      code: 'AuthFailure.InvalidAuthorization',
    });
  });

  it('verifies what the official SDK signs (tencentcloud-sdk-nodejs-common Sign.sign3), and not after a tampered byte', () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const payload = { RuleId: '1', Extra: 'session-1' };
    const body = JSON.stringify(payload);
    const contentType = 'application/json';
    const auth = Sign.sign3({
      method: 'POST',
      url: 'https://faceid.tencentcloudapi.com/',
      payload,
      timestamp,
      service: 'faceid',
      secretId: 'AKIDsdk',
      secretKey: 'sdk-secret-key',
      multipart: false,
      boundary: '',
      headers: { 'Content-Type': contentType },
    });
    const request = (b: string) => ({
      method: 'POST',
      url: '/',
      headers: { authorization: auth, 'content-type': contentType, host: 'faceid.tencentcloudapi.com', 'x-tc-timestamp': String(timestamp) },
      body: Buffer.from(b),
    });
    const options = { credentials: new Map([['AKIDsdk', 'sdk-secret-key']]), now: timestamp, expectedService: 'faceid' };
    expect(verifyTc3(request(body), options)).toEqual({ ok: true, secretId: 'AKIDsdk' });
    expect(verifyTc3(request(body.replace('session-1', 'session-2')), options)).toMatchObject({ code: 'AuthFailure.SignatureFailure' });
  });
});
