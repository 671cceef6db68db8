import { describe, expect, it } from 'vitest';
import { legalRepSessionFailure } from './legal-rep-outcome';

// Their words: lib/messages/zh-CN/change.test.ts.
describe('legalRepSessionFailure (R-CHG-E3)', () => {
  it('names why the new legal rep was not proven, per channel result', () => {
    expect(legalRepSessionFailure({ state: 'failed', result: 'face_mismatch' })).toBe('face_mismatch');
    expect(legalRepSessionFailure({ state: 'failed', result: 'liveness_failed' })).toBe('liveness_failed');
    expect(legalRepSessionFailure({ state: 'failed', result: 'mismatch' })).toBe('mismatch');
    expect(legalRepSessionFailure({ state: 'failed', result: 'declined' })).toBe('declined');
    expect(legalRepSessionFailure({ state: 'failed', result: 'passed' })).toBe('not_passed');
    expect(legalRepSessionFailure({ state: 'failed', result: null })).toBe('not_passed');
  });

  it('says when the code ran out, and nothing for a session still open or passed', () => {
    expect(legalRepSessionFailure({ state: 'expired', result: null })).toBe('expired');
    expect(legalRepSessionFailure({ state: 'open', result: null })).toBeNull();
    expect(legalRepSessionFailure({ state: 'completed', result: 'passed' })).toBeNull();
  });
});
