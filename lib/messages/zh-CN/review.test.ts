import { describe, expect, it } from 'vitest';
import { REVIEW_ITEM_KEYS, validateReviewValue } from '@/lib/domain/review/items';
import { REJECTION_REASON_CODES } from '@/lib/domain/review/reasons';
import { text, textOf, type MessageCode, type MessageRef } from '@/lib/messages';
import { reviewMessages } from './review';

const today = { year: 2026, month: 12, day: 3 };

describe('the review section (words of lib/domain/review)', () => {
  it('words every item, every rejection reason and its fix hint', () => {
    for (const key of REVIEW_ITEM_KEYS) expect(`review.item.${key}` in reviewMessages, key).toBe(true);
    for (const code of REJECTION_REASON_CODES) {
      expect(text(`review.reason.${code}`).length, code).toBeGreaterThan(1);
      expect(text(`review.reason.${code}.hint`).length, code).toBeGreaterThan(5);
    }
    expect(text('review.reason.licence_unclear')).toBe('营业执照不清晰');
    expect(text('review.reason.licence_unclear.hint')).toBe('请上传清晰、完整的营业执照彩色照片');
    expect(text('review.item_hint', { item: 'business_licence', reason: 'licence_outdated' })).toBe('营业执照：请上传最新的营业执照（以登记机关最近一次核发的为准）');
  });

  it('names the item in a refused re-submitted value, as the shared field rules do', () => {
    const refusal = (key: Parameters<typeof validateReviewValue>[0], input: string) => {
      const r = validateReviewValue(key, input, today);
      if (r.ok) throw new Error(`${key} accepted ${input}`);
      if (r.refusal.code === 'shared_rule') return textOf(r.refusal.phrase as MessageRef);
      const { code, ...params } = r.refusal;
      return text(`review.value.${code}` as MessageCode, params);
    };
    expect(refusal('legal_rep_name', '')).toBe('请填写企业法人姓名');
    expect(refusal('legal_rep_name', '张')).toBe('企业法人姓名应为 2–30 个字符');
    expect(refusal('legal_rep_name', '张3')).toBe('企业法人姓名只能包含汉字、英文字母、空格和间隔号“·”');
    expect(refusal('operator_id_number', '123')).toBe('经办人身份证应为18位中国大陆居民身份证号');
    expect(refusal('operator_id_number', '81000019900101001X')).toBe('经办人身份证应为18位中国大陆居民身份证号');
    expect(refusal('operator_id_number', '110101199013010010')).toBe('经办人身份证中的出生日期无效，请检查');
    expect(refusal('operator_id_number', '110101199001010011')).toMatch(/^经办人身份证(校验位不正确，请检查|中的出生日期)/);
    expect(refusal('contact_mobile', '123')).toBe('请填写正确的企业联系人手机号（中国大陆手机号）');
    expect(refusal('bank_branch', '  ')).toBe('请填写开户支行名');
    expect(refusal('bank_branch', '支'.repeat(101))).toBe('开户支行名最多 100 个字');
    expect(refusal('bank_account_number', '12')).toBe('银行账号为8至30位数字');
  });
});
