import { describe, expect, it } from 'vitest';
import { accountVerificationStatus } from './account-status';

describe('认证状态 of an account', () => {
  it('is 未实名 for a new account', () => {
    const s = accountVerificationStatus({ hasSubject: false, changeInProgress: false, firstVerificationInReview: false });
    expect(s).toBe('unverified');
  });
  it('is 审核中 while a first verification waits for review', () => {
    expect(accountVerificationStatus({ hasSubject: false, changeInProgress: false, firstVerificationInReview: true })).toBe('in_review');
  });
  it('stays verified but reads 变更中 while a change is in progress (R-CHG-2)', () => {
    expect(accountVerificationStatus({ hasSubject: true, changeInProgress: true, firstVerificationInReview: false })).toBe('changing');
    expect(accountVerificationStatus({ hasSubject: true, changeInProgress: false, firstVerificationInReview: false })).toBe('verified');
  });
});
