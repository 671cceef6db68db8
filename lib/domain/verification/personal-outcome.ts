import type { ChannelResult } from '../channel-session';
import type { PersonalEvent } from './personal-machine';
import type { PersonalMethod } from './personal-methods';

/** Why a personal verification failed; stored as a code, shown through personalFailureText. */
export const PERSONAL_FAILURES = ['mismatch', 'no_bank_card', 'liveness_failed', 'face_mismatch', 'identity_limit', 'minor', 'subject_exists'] as const;
export type PersonalFailure = (typeof PERSONAL_FAILURES)[number];

export type PersonalChannelOutcome =
  | { event: Extract<PersonalEvent, 'channel_matched' | 'channel_declined'> }
  | { event: 'channel_failed'; failure: PersonalFailure }
  | { event: null };

/**
 * What each channel result means for a personal verification (R-P-WX, R-P-QQ,
 * R-P-FACE). Exhaustive: a new result code is a type error here. `authorized` belongs
 * to the Official Account channel and never to a personal verification.
 */
export const PERSONAL_RESULT_OUTCOME: Record<ChannelResult, PersonalChannelOutcome> = {
  matched: { event: 'channel_matched' },
  passed: { event: 'channel_matched' },
  declined: { event: 'channel_declined' },
  mismatch: { event: 'channel_failed', failure: 'mismatch' },
  no_bank_card: { event: 'channel_failed', failure: 'no_bank_card' },
  liveness_failed: { event: 'channel_failed', failure: 'liveness_failed' },
  face_mismatch: { event: 'channel_failed', failure: 'face_mismatch' },
  authorized: { event: null },
};

const CHANNEL_NAME: Record<PersonalMethod, string> = { wechat: '微信支付', qq: 'QQ钱包', face: '公安部门' };

/** The reason shown to the user, in Chinese; never names another account. */
export function personalFailureText(failure: PersonalFailure, method: PersonalMethod | null): string {
  switch (failure) {
    case 'mismatch':
      return `实名信息与${CHANNEL_NAME[method ?? 'wechat']}实名信息不一致`;
    case 'no_bank_card':
      return method === 'qq' ? '手机QQ未绑定银行卡，请先绑定银行卡后重试' : '微信未绑定银行卡，请先绑定银行卡后重试';
    case 'liveness_failed':
      return '活体检测失败，请在光线充足的环境下正对镜头重试';
    case 'face_mismatch':
      return '人像比对不一致，请确认由本人完成人脸识别';
    case 'identity_limit':
      return '该证件实名认证的账号数量已达上限（3 个），无法继续认证';
    case 'minor':
      return '根据相关规定，未满 18 周岁不能进行实名认证';
    case 'subject_exists':
      return '您的账号已完成实名认证，如需变更请修改认证主体';
  }
}
