import { describe, expect, it } from 'vitest';
import { MICRO_AMOUNT_CHANCES } from '@/lib/domain/verification/micro-amount';
import { text } from '@/lib/messages';

describe('填写收款金额, refused beside the field (R-E-PAY 5)', () => {
  it('says how many chances are left after a wrong amount', () => {
    expect(text('payout.amount.wrong', { chancesLeft: 1, chances: MICRO_AMOUNT_CHANCES })).toBe('收款金额不正确，您还有1/2次验证机会');
  });

  it('says why the amount cannot be checked any more', () => {
    expect(text('payout.amount.refused.no_chances')).toBe('验证机会已用完，请重新发起认证');
    expect(text('payout.amount.refused.expired')).toBe('已超过填写期限（到账后 7 天），请重新发起认证');
    expect(text('payout.amount.refused.not_waiting')).toBe('当前无需填写收款金额，请刷新页面');
  });
});
