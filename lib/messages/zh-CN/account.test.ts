import { describe, expect, it } from 'vitest';
import { accountVerificationStatus } from '@/lib/domain/account-status';
import { withdrawalFailure } from '@/lib/domain/balance';
import { cdnReadiness } from '@/lib/domain/cdn';
import { beijingMinuteParts } from '@/lib/domain/china-time';
import { entitlementsOf } from '@/lib/domain/entitlements';
import { text } from '@/lib/messages';
import { beijingMinute } from '@/lib/messages/beijing-time';

/** The words of what 账号信息, 余额 and 使用CDN服务 show (sections account-status, balance, cdn, entitlements, time). */
describe('an account\'s standing in words', () => {
  it('认证状态: 未实名, 已认证, 审核中, 变更中 (SPEC §2)', () => {
    const status = (hasSubject: boolean, changeInProgress: boolean, firstVerificationInReview: boolean) =>
      text(`accountStatus.${accountVerificationStatus({ hasSubject, changeInProgress, firstVerificationInReview })}`);
    expect(status(false, false, false)).toBe('未实名');
    expect(status(false, false, true)).toBe('审核中');
    expect(status(true, true, false)).toBe('变更中');
    expect(status(true, false, false)).toBe('已认证');
  });

  it('names every refusal of the bank in Chinese, an unknown one too', () => {
    expect(text(`balance.withdrawalFailed.${withdrawalFailure('holder_name_mismatch')}`)).toContain('户名');
    expect(text(`balance.withdrawalFailed.${withdrawalFailure('account_not_found')}`)).toBe('原付款账户不存在或已销户，银行已退回，款项已返还至余额');
    expect(text(`balance.withdrawalFailed.${withdrawalFailure('something_new')}`)).toContain('返还至余额');
    expect(text('balance.state.withdrawal.failed')).toBe('提现失败，已返还余额');
  });

  it('names the enterprise contact still missing before 使用CDN服务 (R-OWN-5)', () => {
    const { missing } = cdnReadiness({ kind: 'enterprise', contact: { contactName: '王敏', contactIdNumber: null } });
    expect(missing.map((f) => text(`cdn.contactField.${f}`))).toEqual(['企业联系人身份证号', '企业联系人手机号']);
    expect(text('cdn.contactIncomplete', { missing: missing.join(',') })).toBe('开启使用CDN服务前，请先补充企业联系人身份证号、企业联系人手机号');
  });

  it('says why no VAT special invoice (R-OWN-2)', () => {
    const why = (subject: Parameters<typeof entitlementsOf>[0]) => {
      const { specialInvoice } = entitlementsOf(subject);
      return specialInvoice.allowed ? null : text(`entitlements.specialInvoice.${specialInvoice.why}`);
    };
    expect(why(null)).toBe('完成实名认证后方可申请发票');
    expect(why({ kind: 'person', name: '张三' })).toBe('个人认证主体不能申请增值税专用发票');
    expect(text('entitlements.formerTitleNote')).toBe('企业名称或认证主体变更后，原名称不能再作为增值税专用发票抬头');
  });

  it('shows an instant as Beijing time to the minute, the day changing at Beijing midnight', () => {
    expect(beijingMinute(new Date('2026-10-14T02:00:00Z'))).toBe('2026年10月14日 10:00');
    expect(beijingMinute(new Date('2026-12-31T16:05:59Z'))).toBe('2027年01月01日 00:05');
    expect(text('time.beijingMinute', { ...beijingMinuteParts(new Date('2026-10-14T02:00:00Z')) })).toBe('2026年10月14日 10:00');
  });
});
