import type { ChannelResult, ChannelSessionState } from '../channel-session';

/**
 * R-CHG-E3: why the new legal rep's WeChat / face session did not prove them, in Chinese.
 * Exhaustive over the channels' results: a new result code is a type error here. A passing
 * result never reaches the data step, so it reads as a plain "not passed".
 */
const RESULT_TEXT: Record<ChannelResult, string> = {
  mismatch: '新法人信息与微信支付实名信息不一致，请由新法人本人使用微信扫码',
  no_bank_card: '新法人的微信未绑定银行卡，请先绑定银行卡后重试',
  declined: '新法人在手机上拒绝了授权',
  liveness_failed: '活体检测失败，请新法人在光线充足的环境下正对镜头重试',
  face_mismatch: '人像比对不一致，请由新法人本人完成人脸识别',
  matched: '新法人身份核验未通过',
  passed: '新法人身份核验未通过',
  authorized: '新法人身份核验未通过',
};

export const LEGAL_REP_SESSION_EXPIRED_TEXT = '二维码已过期（有效期 5 分钟），新法人未在有效期内完成认证';

/** The reason shown back at the data step after the session ended without proving the new legal rep; null when there is none to show. */
export function legalRepSessionFailureText(session: { state: ChannelSessionState; result: ChannelResult | null }): string | null {
  if (session.state === 'expired') return LEGAL_REP_SESSION_EXPIRED_TEXT;
  if (session.state === 'failed') return session.result ? RESULT_TEXT[session.result] : '新法人身份核验未通过';
  return null;
}
