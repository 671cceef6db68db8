import { describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { ChannelProviderConfigError, channelPort, checkChannelProviders, notifyPort } from './resolve';

const tencentKeys = { TENCENTCLOUD_SECRET_ID: 'AKIDx', TENCENTCLOUD_SECRET_KEY: 'k' };
const smsVariables = { ...tencentKeys, TENCENTCLOUD_SMS_SDK_APP_ID: '1400000001', TENCENTCLOUD_SMS_SIGN_NAME: '云控制台', TENCENTCLOUD_SMS_TEMPLATES: { verification_succeeded: '1' } };

describe('choosing providers (CHANNEL_<NAME>_PROVIDER, CHANNEL_NOTIFY_SMS_PROVIDER)', () => {
  it('with no variable set, every channel and the SMS run on the simulator, and the start-up check passes', () => {
    const e = env();
    expect(e.CHANNEL_FACE_PROVIDER).toBe('simulator');
    expect(e.CHANNEL_NOTIFY_SMS_PROVIDER).toBeUndefined();
    expect(notifyPort('sms', e)).toBe(channelPort('notify', e));
    expect(() => checkChannelProviders(e)).not.toThrow();
  });

  it('tencentcloud serves the face channel by pull, never by push', () => {
    const face = channelPort('face', { ...env(), CHANNEL_FACE_PROVIDER: 'tencentcloud' });
    expect(typeof face.fetchResult).toBe('function');
    expect(face.receiveCallback).toBeUndefined();
  });

  it('stops the start when the chosen tencentcloud provider lacks its variables, naming them (never their values)', () => {
    expect(() => checkChannelProviders({ ...env(), CHANNEL_FACE_PROVIDER: 'tencentcloud' })).toThrow(/TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY, FACEID_RULE_ID/);
    expect(() => checkChannelProviders({ ...env(), ...tencentKeys, CHANNEL_NOTIFY_SMS_PROVIDER: 'tencentcloud' })).toThrow(/TENCENTCLOUD_SMS_SDK_APP_ID/);
    expect(() => checkChannelProviders({ ...env(), ...tencentKeys, FACEID_RULE_ID: '1', CHANNEL_FACE_PROVIDER: 'tencentcloud' })).not.toThrow();
  });

  it('sends SMS by CHANNEL_NOTIFY_SMS_PROVIDER and everything else by CHANNEL_NOTIFY_PROVIDER', () => {
    const e = { ...env(), ...smsVariables, CHANNEL_NOTIFY_SMS_PROVIDER: 'tencentcloud' };
    expect(notifyPort('sms', e)).not.toBe(channelPort('notify', e));
    expect(notifyPort('email', e)).toBe(channelPort('notify', e));
    expect(notifyPort('wechat', e)).toBe(channelPort('notify', e));
    expect(() => checkChannelProviders(e)).not.toThrow();
  });

  it('refuses tencentcloud for the whole notify channel (it sends no e-mail) and an SMS provider nobody provides', () => {
    expect(() => channelPort('notify', { ...env(), CHANNEL_NOTIFY_PROVIDER: 'tencentcloud' })).toThrow(ChannelProviderConfigError);
    expect(() => channelPort('notify', { ...env(), CHANNEL_NOTIFY_PROVIDER: 'tencentcloud' })).toThrow('CHANNEL_NOTIFY_PROVIDER=tencentcloud: channel_not_served');
    expect(() => notifyPort('sms', { ...env(), CHANNEL_NOTIFY_SMS_PROVIDER: 'nobody' })).toThrow('CHANNEL_NOTIFY_SMS_PROVIDER=nobody: unknown_provider');
  });
});
