import type { ChannelResult } from '../channel-session';
import type { EnterpriseEvent } from './enterprise-machine';
import type { SessionMethod } from './enterprise-methods';

/** Why an enterprise verification failed; stored as a code, shown through enterpriseFailureText. */
export const ENTERPRISE_FAILURES = [
  'oa_name_mismatch',
  'oa_unverified',
  'mismatch',
  'no_bank_card',
  'liveness_failed',
  'face_mismatch',
  'legal_rep_not_registered',
  'enterprise_limit',
  'subject_exists',
  /** R-E-RCH 4: two transfers with a wrong amount or payer name. */
  'recharge_chances_used',
  /** R-E-RCH 2: no matching transfer within 7 business days. */
  'recharge_expired',
  /** R-E-PAY 5: two wrong amounts typed. */
  'payout_amount_wrong',
  /** R-E-PAY 5: the amount was not typed within 7 days of its arrival. */
  'payout_expired',
] as const;
export type EnterpriseFailure = (typeof ENTERPRISE_FAILURES)[number];

export type EnterpriseChannelOutcome =
  | { event: Extract<EnterpriseEvent, 'channel_declined'> }
  /** The channel confirmed; for OA the verified name still has to equal 企业名称. */
  | { event: 'channel_matched' }
  | { event: 'channel_failed'; failure: EnterpriseFailure }
  /** A result that does not belong to the method's channel: ignored. */
  | { event: null };

/**
 * What each channel result means for each method (R-E-OA, R-E-LRWX, R-E-LRFACE).
 * Exhaustive over results: a new result code is a type error here.
 */
export const ENTERPRISE_RESULT_OUTCOME: Record<SessionMethod, Record<ChannelResult, EnterpriseChannelOutcome>> = {
  oa: {
    authorized: { event: 'channel_matched' },
    declined: { event: 'channel_declined' },
    matched: { event: null },
    passed: { event: null },
    mismatch: { event: null },
    no_bank_card: { event: null },
    liveness_failed: { event: null },
    face_mismatch: { event: null },
  },
  legal_rep_wechat: {
    matched: { event: 'channel_matched' },
    declined: { event: 'channel_declined' },
    mismatch: { event: 'channel_failed', failure: 'mismatch' },
    no_bank_card: { event: 'channel_failed', failure: 'no_bank_card' },
    authorized: { event: null },
    passed: { event: null },
    liveness_failed: { event: null },
    face_mismatch: { event: null },
  },
  legal_rep_face: {
    passed: { event: 'channel_matched' },
    liveness_failed: { event: 'channel_failed', failure: 'liveness_failed' },
    face_mismatch: { event: 'channel_failed', failure: 'face_mismatch' },
    declined: { event: 'channel_declined' },
    matched: { event: null },
    authorized: { event: null },
    mismatch: { event: null },
    no_bank_card: { event: null },
  },
};

/** The reason shown to the user, in Chinese; never names another account or the registry's data. */
export function enterpriseFailureText(failure: EnterpriseFailure, limit?: number): string {
  switch (failure) {
    case 'oa_name_mismatch':
      return '公众号的认证主体名称与填写的企业名称不一致，请使用以该企业名称完成微信认证的公众号';
    case 'oa_unverified':
      return '该公众号未完成微信认证，请使用已完成企业认证的公众号';
    case 'mismatch':
      return '企业法人信息与微信支付实名信息不一致，请由法定代表人本人扫码';
    case 'no_bank_card':
      return '法定代表人的微信未绑定银行卡，请先绑定银行卡后重试';
    case 'liveness_failed':
      return '活体检测失败，请法定代表人在光线充足的环境下正对镜头重试';
    case 'face_mismatch':
      return '人像比对不一致，请由法定代表人本人完成人脸识别';
    case 'legal_rep_not_registered':
      return '工商登记系统中该企业的法定代表人与填写的企业法人信息不一致，请填写营业执照上的法定代表人';
    case 'enterprise_limit':
      return `该企业实名认证的账号数量已达上限（${limit ?? 10} 个），无法继续认证`;
    case 'subject_exists':
      return '您的账号已完成实名认证，如需变更请修改认证主体';
    case 'recharge_chances_used':
      return '两次转账的金额或付款账户名称与要求不符，验证机会已用完，款项已原路退回，请重新发起认证';
    case 'recharge_expired':
      return '在有效期（7 个工作日）内未收到符合要求的转账，请重新发起认证';
    case 'payout_amount_wrong':
      return '两次填写的收款金额均不正确，验证机会已用完，请重新发起认证';
    case 'payout_expired':
      return '打款到账后 7 天内未填写收款金额，请重新发起认证';
  }
}
