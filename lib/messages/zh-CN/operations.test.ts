import { describe, expect, it } from 'vitest';
import { changeTypeLabel, channelLabel, failureLabel, INSIGHT_PERIODS, kindLabel, methodLabel, reviewKindLabel } from '@/lib/domain/insights';
import { ENTERPRISE_FAILURES } from '@/lib/domain/verification/enterprise-outcome';
import { PAYOUT_BANK_FAILURES } from '@/lib/domain/verification/payout-outcome';
import { PERSONAL_FAILURES } from '@/lib/domain/verification/personal-outcome';
import { text, textOf } from '@/lib/messages';

describe('the operations section (运营看板\'s names, lib/domain/insights)', () => {
  it('names every stored failure code, and an unknown one as itself', () => {
    for (const code of [...PERSONAL_FAILURES, ...ENTERPRISE_FAILURES, ...PAYOUT_BANK_FAILURES]) expect(textOf(failureLabel(code)), code).not.toMatch(/^其他/);
    expect(textOf(failureLabel('recharge_expired'))).toBe('充值超过有效期');
    expect(textOf(failureLabel('expired'))).toBe('超过有效期');
    expect(textOf(failureLabel('something_new'))).toBe('其他（something_new）');
    expect(text('operations.insights.funnel.failedBecause', { failure: 'recharge_expired' })).toBe('认证失败：充值超过有效期');
    expect(text('operations.insights.bank.failedBecause', { failure: 'payout_amount_wrong' })).toBe('失败：打款金额两次错误');
  });

  it('names the periods, kinds, methods, change types, review kinds and channels', () => {
    expect(INSIGHT_PERIODS.map((days) => text('operations.insights.period', { days }))).toEqual(['近7天', '近30天', '近90天']);
    expect(textOf(kindLabel('enterprise'))).toBe('企业认证');
    expect(textOf(methodLabel(null))).toBe('全部方式');
    expect(textOf(methodLabel('wechat'))).toBe('微信扫码认证');
    expect(textOf(changeTypeLabel(null))).toBe('未选择变更类型');
    expect(textOf(changeTypeLabel('enterprise_rename'))).toBe('变更企业名称');
    expect(textOf(reviewKindLabel('payout_materials'))).toBe('对公打款材料及经办人');
    expect(textOf(reviewKindLabel('later_kind'))).toBe('later_kind');
    expect(textOf(channelLabel('wechat'))).toBe('微信消息');
    expect(textOf(channelLabel('webhook'))).toBe('事件回调');
  });
});
