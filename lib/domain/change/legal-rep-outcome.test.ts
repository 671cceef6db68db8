import { describe, expect, it } from 'vitest';
import { LEGAL_REP_SESSION_EXPIRED_TEXT, legalRepSessionFailureText } from './legal-rep-outcome';

describe('legalRepSessionFailureText (R-CHG-E3)', () => {
  it('names why the new legal rep was not proven, per channel result', () => {
    expect(legalRepSessionFailureText({ state: 'failed', result: 'face_mismatch' })).toContain('人像比对不一致');
    expect(legalRepSessionFailureText({ state: 'failed', result: 'liveness_failed' })).toContain('活体检测失败');
    expect(legalRepSessionFailureText({ state: 'failed', result: 'mismatch' })).toContain('微信支付实名信息不一致');
    expect(legalRepSessionFailureText({ state: 'failed', result: 'declined' })).toContain('拒绝');
  });

  it('says when the code ran out, and nothing for a session still open or passed', () => {
    expect(legalRepSessionFailureText({ state: 'expired', result: null })).toBe(LEGAL_REP_SESSION_EXPIRED_TEXT);
    expect(legalRepSessionFailureText({ state: 'open', result: null })).toBeNull();
    expect(legalRepSessionFailureText({ state: 'completed', result: 'passed' })).toBeNull();
  });
});
