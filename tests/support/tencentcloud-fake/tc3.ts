import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * TC3-HMAC-SHA256 as Tencent Cloud's 签名方法 v3 document specifies it (the API 3.0
 * "Signature v3" page of every product, e.g. CVM's 213/30654), written from the
 * document and not from the SDK, so that it checks the SDK independently:
 *
 *   CanonicalRequest = HTTPRequestMethod \n CanonicalURI \n CanonicalQueryString \n
 *                      CanonicalHeaders \n SignedHeaders \n HashedRequestPayload
 *   StringToSign     = Algorithm \n RequestTimestamp \n CredentialScope \n HashedCanonicalRequest
 *   CredentialScope  = Date/service/tc3_request   (Date: the UTC date of X-TC-Timestamp)
 *   SecretDate = HMAC("TC3" + SecretKey, Date), SecretService = HMAC(SecretDate, service),
 *   SecretSigning = HMAC(SecretService, "tc3_request"),
 *   Signature = hex(HMAC(SecretSigning, StringToSign))
 *   Authorization = Algorithm + ' Credential=' + SecretId + '/' + CredentialScope +
 *                   ', SignedHeaders=' + SignedHeaders + ', Signature=' + Signature
 *
 * Test-only: the product signs through the official SDK (tencentcloud-sdk-nodejs-common).
 */
export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

/** "Timestamp … 如果相差超过五分钟则必定失败" — the document's tolerance. */
export const TC3_TOLERANCE_SECONDS = 300;

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** "头部 key 和 value 统一转成小写，并去掉首尾空格，按照 key:value\n 格式拼接；按 key 的 ASCII 升序". */
export function canonicalHeaders(headers: ReadonlyArray<readonly [string, string]>): { canonical: string; signed: string } {
  const normalised = headers
    .map(([k, v]) => [k.trim().toLowerCase(), v.trim().toLowerCase()] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    canonical: normalised.map(([k, v]) => `${k}:${v}\n`).join(''),
    signed: normalised.map(([k]) => k).join(';'),
  };
}

export interface CanonicalRequestInput {
  method: string;
  /** "API 3.0 固定为正斜杠（/）". */
  uri?: string;
  /** Empty for POST; the URL's query string for GET. */
  query?: string;
  /** The signed headers with their values, in any order. */
  headers: ReadonlyArray<readonly [string, string]>;
  payload: string | Buffer;
}

export function canonicalRequest(input: CanonicalRequestInput): string {
  const { canonical, signed } = canonicalHeaders(input.headers);
  return [input.method.toUpperCase(), input.uri ?? '/', input.query ?? '', canonical, signed, sha256Hex(input.payload)].join('\n');
}

/** The UTC date of a Unix timestamp (seconds): "时区为 UTC+0". */
export function utcDate(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

export function credentialScope(date: string, service: string): string {
  return `${date}/${service}/tc3_request`;
}

export function stringToSign(timestamp: number, scope: string, canonical: string): string {
  return [TC3_ALGORITHM, String(timestamp), scope, sha256Hex(canonical)].join('\n');
}

export function derivedKeys(secretKey: string, date: string, service: string) {
  const secretDate = hmac(`TC3${secretKey}`, date);
  const secretService = hmac(secretDate, service);
  const secretSigning = hmac(secretService, 'tc3_request');
  return { secretDate, secretService, secretSigning };
}

export function signature(secretKey: string, date: string, service: string, toSign: string): string {
  return createHmac('sha256', derivedKeys(secretKey, date, service).secretSigning).update(toSign, 'utf8').digest('hex');
}

export function authorization(secretId: string, scope: string, signedHeaders: string, sig: string): string {
  return `${TC3_ALGORITHM} Credential=${secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${sig}`;
}

export interface ParsedAuthorization {
  secretId: string;
  date: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTHORIZATION = /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s]+)\/tc3_request, SignedHeaders=([a-z0-9-;]+), Signature=([0-9a-f]{64})$/;

export function parseAuthorization(header: string | undefined): ParsedAuthorization | null {
  const m = header ? AUTHORIZATION.exec(header) : null;
  if (!m) return null;
  return { secretId: m[1]!, date: m[2]!, service: m[3]!, signedHeaders: m[4]!.split(';'), signature: m[5]! };
}

/** Tencent Cloud's common error codes for signatures (公共错误码). */
export type Tc3FailureCode =
  | 'AuthFailure.InvalidAuthorization'
  | 'AuthFailure.SignatureExpire'
  | 'AuthFailure.SecretIdNotFound'
  | 'AuthFailure.SignatureFailure';

export interface Tc3Request {
  method: string;
  /** Path and query as received, e.g. `/` or `/?Limit=10`. */
  url: string;
  /** Node's lower-cased header map. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface Tc3VerifyOptions {
  /** SecretId → SecretKey. */
  credentials: ReadonlyMap<string, string>;
  /** The server's clock, Unix seconds. */
  now: number;
  /**
   * "service 为产品名，必须与调用的产品域名一致": the first label of the host called.
   * Tests address the fake by IP (127.0.0.1:port), so the official SDK — which takes the
   * service from the endpoint's first label — signs "127"; the rule still holds.
   */
  expectedService: string;
}

export type Tc3Verdict = { ok: true; secretId: string } | { ok: false; code: Tc3FailureCode; message: string };

function header(headers: Tc3Request['headers'], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

/**
 * Checks one request's Authorization the way the document describes the server's
 * check. The host is compared without its port: real endpoints have none, and the
 * official SDK signs `URL.hostname` while it sends `Host` with the port.
 */
export function verifyTc3(req: Tc3Request, options: Tc3VerifyOptions): Tc3Verdict {
  const fail = (code: Tc3FailureCode, message: string): Tc3Verdict => ({ ok: false, code, message });
  const parsed = parseAuthorization(header(req.headers, 'authorization'));
  if (!parsed) return fail('AuthFailure.InvalidAuthorization', 'Authorization 不符合腾讯云标准。');
  const timestampText = header(req.headers, 'x-tc-timestamp') ?? '';
  if (!/^\d{1,12}$/.test(timestampText)) return fail('AuthFailure.InvalidAuthorization', 'X-TC-Timestamp 缺失或无效。');
  const timestamp = Number(timestampText);
  if (Math.abs(options.now - timestamp) > TC3_TOLERANCE_SECONDS) {
    return fail('AuthFailure.SignatureExpire', '签名过期。Timestamp 和服务器时间相差不得超过五分钟。');
  }
  const secretKey = options.credentials.get(parsed.secretId);
  if (secretKey === undefined) return fail('AuthFailure.SecretIdNotFound', '密钥不存在。');
  if (parsed.date !== utcDate(timestamp) || parsed.service !== options.expectedService) {
    return fail('AuthFailure.SignatureFailure', '请求签名验证失败：CredentialScope 与请求不一致。');
  }
  if (!parsed.signedHeaders.includes('content-type') || !parsed.signedHeaders.includes('host')) {
    return fail('AuthFailure.SignatureFailure', '请求签名验证失败：content-type 和 host 为必选头部。');
  }
  const signedValues: [string, string][] = [];
  for (const name of parsed.signedHeaders) {
    let value = header(req.headers, name);
    if (value === undefined) return fail('AuthFailure.SignatureFailure', `请求签名验证失败：缺少头部 ${name}。`);
    if (name === 'host') value = value.replace(/:\d+$/, '');
    signedValues.push([name, value]);
  }
  const queryAt = req.url.indexOf('?');
  const canonical = canonicalRequest({
    method: req.method,
    uri: queryAt < 0 ? req.url : req.url.slice(0, queryAt),
    query: queryAt < 0 ? '' : req.url.slice(queryAt + 1),
    headers: signedValues,
    payload: req.body,
  });
  const expected = signature(secretKey, parsed.date, parsed.service, stringToSign(timestamp, credentialScope(parsed.date, parsed.service), canonical));
  const same = timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(parsed.signature, 'hex'));
  return same ? { ok: true, secretId: parsed.secretId } : fail('AuthFailure.SignatureFailure', '请求签名验证失败，请检查您的签名计算是否正确。');
}
