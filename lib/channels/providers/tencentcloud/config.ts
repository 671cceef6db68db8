import { env, type Env } from '@/lib/env';

/** Where and how one Tencent Cloud product is called. */
export interface TencentCloudEndpoint {
  /** `https://` unless the variable names another scheme (a local fake: `http://`). */
  protocol: 'https://' | 'http://';
  /** Host and optional port; the SDK takes the signing service from its first label. */
  host: string;
}

interface CommonConfig {
  secretId: string;
  secretKey: string;
  timeoutMs: number;
}

export interface FaceConfig extends CommonConfig {
  endpoint: TencentCloudEndpoint;
  ruleId: string;
}

export interface SmsConfig extends CommonConfig {
  endpoint: TencentCloudEndpoint;
  region: string;
  sdkAppId: string;
  signName: string;
  /** Notification kind → approved TemplateId. */
  templates: Readonly<Record<string, string>>;
}

/** A variable a selected tencentcloud provider needs but does not have (its name only, never a value). */
export class TencentCloudConfigError extends Error {
  constructor(readonly missing: string[]) {
    super(`Tencent Cloud provider selected but not configured: set ${missing.join(', ')}`);
    this.name = 'TencentCloudConfigError';
  }
}

export function parseEndpoint(value: string): TencentCloudEndpoint {
  const m = /^(https?:\/\/)?([^/]+)\/?$/.exec(value);
  if (!m) throw new TencentCloudConfigError(['a valid endpoint']);
  return { protocol: m[1] === 'http://' ? 'http://' : 'https://', host: m[2]! };
}

function required<K extends keyof Env>(e: Env, keys: K[]): { [P in K]-?: NonNullable<Env[P]> } {
  const missing = keys.filter((k) => e[k] === undefined || e[k] === '');
  if (missing.length > 0) throw new TencentCloudConfigError(missing as string[]);
  // Checked just above: every key is set, which TypeScript cannot follow through `filter`.
  return e as unknown as { [P in K]-?: NonNullable<Env[P]> };
}

/** The 人脸核身 provider's configuration; throws TencentCloudConfigError naming what is missing. */
export function faceConfig(e: Env = env()): FaceConfig {
  const r = required(e, ['TENCENTCLOUD_SECRET_ID', 'TENCENTCLOUD_SECRET_KEY', 'FACEID_RULE_ID']);
  return {
    secretId: r.TENCENTCLOUD_SECRET_ID,
    secretKey: r.TENCENTCLOUD_SECRET_KEY,
    timeoutMs: e.TENCENTCLOUD_TIMEOUT_MS,
    endpoint: parseEndpoint(e.TENCENTCLOUD_FACEID_ENDPOINT),
    ruleId: r.FACEID_RULE_ID,
  };
}

/** The SMS provider's configuration; throws TencentCloudConfigError naming what is missing. */
export function smsConfig(e: Env = env()): SmsConfig {
  const r = required(e, [
    'TENCENTCLOUD_SECRET_ID',
    'TENCENTCLOUD_SECRET_KEY',
    'TENCENTCLOUD_SMS_SDK_APP_ID',
    'TENCENTCLOUD_SMS_SIGN_NAME',
    'TENCENTCLOUD_SMS_TEMPLATES',
  ]);
  return {
    secretId: r.TENCENTCLOUD_SECRET_ID,
    secretKey: r.TENCENTCLOUD_SECRET_KEY,
    timeoutMs: e.TENCENTCLOUD_TIMEOUT_MS,
    endpoint: parseEndpoint(e.TENCENTCLOUD_SMS_ENDPOINT),
    region: e.TENCENTCLOUD_REGION,
    sdkAppId: r.TENCENTCLOUD_SMS_SDK_APP_ID,
    signName: r.TENCENTCLOUD_SMS_SIGN_NAME,
    templates: r.TENCENTCLOUD_SMS_TEMPLATES,
  };
}
