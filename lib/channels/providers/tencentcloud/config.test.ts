import { describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { TencentCloudConfigError, faceConfig, parseEndpoint, smsConfig } from './config';

describe('tencentcloud configuration', () => {
  it('needs nothing until the provider is used, then names the missing variables (never their values)', () => {
    const e = env();
    expect(e.TENCENTCLOUD_FACEID_ENDPOINT).toBe('faceid.tencentcloudapi.com');
    expect(e.TENCENTCLOUD_REGION).toBe('ap-guangzhou');
    expect(() => faceConfig(e)).toThrow(TencentCloudConfigError);
    expect(() => faceConfig({ ...e, TENCENTCLOUD_SECRET_ID: 'AKIDx', TENCENTCLOUD_SECRET_KEY: 'k' })).toThrow('FACEID_RULE_ID');
    expect(() => smsConfig({ ...e, TENCENTCLOUD_SECRET_ID: 'AKIDx', TENCENTCLOUD_SECRET_KEY: 'k' })).toThrow(
      'TENCENTCLOUD_SMS_SDK_APP_ID, TENCENTCLOUD_SMS_SIGN_NAME, TENCENTCLOUD_SMS_TEMPLATES',
    );
  });

  it('takes a host (https) or an origin with its scheme (a local fake)', () => {
    expect(parseEndpoint('faceid.tencentcloudapi.com')).toEqual({ protocol: 'https://', host: 'faceid.tencentcloudapi.com' });
    expect(parseEndpoint('http://127.0.0.1:4010/')).toEqual({ protocol: 'http://', host: '127.0.0.1:4010' });
  });
});
