import { PAYOUT_AMOUNT_VALID_DAYS } from './payout-machine';
import { formatDateTimeLong } from '@/lib/format/date-time';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Why the bank could not pay (docs/channel-protocol.md payout.failed), as the user reads it: 打款失败. */
export const PAYOUT_BANK_FAILURES = ['holder_name_mismatch', 'account_not_found'] as const;
export type PayoutBankFailure = (typeof PAYOUT_BANK_FAILURES)[number];

export const PAYOUT_BANK_FAILURE_TEXT: Record<PayoutBankFailure, string> = {
  holder_name_mismatch: '收款账户户名与企业名称不一致',
  account_not_found: '收款账户不存在，请核对企业银行卡账号',
};

/** Why the operator check must be tried again (R-E-PAY 2). */
export function operatorFailureText(code: string | null): string | null {
  switch (code) {
    case null:
      return null;
    case 'operator_session_expired':
      return '二维码已过期，请重新发起经办人人脸识别';
    case 'operator_liveness_failed':
      return '经办人人脸识别未通过：活体检测失败，请重试';
    case 'operator_face_mismatch':
      return '经办人人脸识别未通过：人像比对不一致，请核对经办人信息后重试';
    default:
      return '经办人人脸识别未通过，请重试';
  }
}

export function isPayoutBankFailure(code: string | null): code is PayoutBankFailure {
  return code !== null && (PAYOUT_BANK_FAILURES as readonly string[]).includes(code);
}

/** R-E-PAY 5: the amount may be typed until 7 calendar days after the payout arrived. */
export function payoutAmountDeadline(arrivedAt: Date): Date {
  return new Date(arrivedAt.getTime() + PAYOUT_AMOUNT_VALID_DAYS * DAY_MS);
}

/** A moment in a message to the user, Beijing time: "2026年12月4日 10:00". */
export function formatNoticeTime(at: Date): string {
  return formatDateTimeLong(at);
}
