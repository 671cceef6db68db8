import { describe, expect, it } from 'vitest';
import { CHANNEL_RESULTS } from '../channel-session';
import { PERSONAL_RESULT_OUTCOME, personalFailureText } from './personal-outcome';

describe('channel results of a personal verification', () => {
  it('maps every result code a channel can send', () => {
    for (const r of CHANNEL_RESULTS) expect(PERSONAL_RESULT_OUTCOME[r]).toBeDefined();
  });
  it('succeeds on matched and passed, goes back on declined', () => {
    expect(PERSONAL_RESULT_OUTCOME.matched.event).toBe('channel_matched');
    expect(PERSONAL_RESULT_OUTCOME.passed.event).toBe('channel_matched');
    expect(PERSONAL_RESULT_OUTCOME.declined.event).toBe('channel_declined');
  });
  it('says exactly why a WeChat mismatch failed (R-P-WX)', () => {
    expect(personalFailureText('mismatch', 'wechat')).toEqual({ code: 'verification.personalFailure.mismatch', params: { method: 'wechat' } });
  });
  it('never names another account in the limit message: its only parameter is the method', () => {
    expect(personalFailureText('identity_limit', 'face')).toEqual({ code: 'verification.personalFailure.identity_limit', params: { method: 'face' } });
  });
});
