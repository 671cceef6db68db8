import { describe, expect, it } from 'vitest';
import { text } from '@/lib/messages';

describe('the privacy section (删除个人信息 and the retention sweep)', () => {
  it('names what runs when a redaction must wait', () => {
    expect(text('privacy.redaction.processRunning', { process: 'enterprise', bank: 'payout' })).toBe('该账号有进行中的企业实名认证（企业对公打款认证），请等待其结束或由用户撤销后再删除个人信息');
    expect(text('privacy.redaction.processRunning', { process: 'change', bank: '' })).toBe('该账号有进行中的认证主体变更申请，请等待其结束或由用户撤销后再删除个人信息');
    expect(text('privacy.redaction.processRunning', { process: 'other', bank: '' })).toBe('该账号有进行中的业务办理，请等待其结束或由用户撤销后再删除个人信息');
    expect(text('privacy.redaction.balanceLeft', { amount: '0.37' })).toBe('该账号余额 0.37 元尚未提现，请先由用户原路提现后再删除个人信息');
  });

  it('says what the sweep closed and after how long', () => {
    expect(text('privacy.retention.idle.personal', { days: 30 })).toBe('个人实名认证申请（30 天未操作）');
  });
});
