import { maskIdentifier } from '@/lib/domain/mask';
import type { IdType, SessionChannel } from './schema';

/** Chinese labels the simulator's pages show. */

export const ID_TYPE_LABEL: Record<IdType, string> = {
  resident_id: '身份证',
  hk_macau_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
};

export const CHANNEL_LABEL: Record<SessionChannel, string> = {
  wechat: '微信',
  qq: 'QQ',
  face: '人脸识别',
  oa: '微信公众平台',
};

export const RESULT_LABEL: Record<string, string> = {
  matched: '实名信息一致',
  mismatch: '实名信息不一致',
  no_bank_card: '未绑定银行卡',
  declined: '已拒绝授权',
  passed: '通过',
  liveness_failed: '活体检测失败',
  face_mismatch: '人像比对不一致',
  authorized: '已授权',
};

export const STATE_LABEL: Record<string, string> = {
  pending: '等待扫码',
  bind_card: '等待绑定银行卡',
  completed: '已完成',
  expired: '已过期',
};

/**
 * A name shown to whoever holds the phone: only the last character of a Chinese name
 * (`*三`), the first letter of each word of a Latin one (`J*** S****`) — as WeChat shows it.
 */
export function maskName(name: string): string {
  if (/^[\p{Script=Han}·]+$/u.test(name)) return `${'*'.repeat(Math.max(1, name.length - 1))}${name.slice(-1)}`;
  return name
    .split(' ')
    .map((w) => (w.length <= 1 ? w : `${w[0]}${'*'.repeat(w.length - 1)}`))
    .join(' ');
}

/** An expected identity as a phone page or the session API shows it (SPEC §9 masking). */
export function maskedIdentity(e: { name: string | null; idType: IdType | null; idNumber: string | null }) {
  if (!e.name || !e.idType || !e.idNumber) return null;
  return { name: maskName(e.name), idType: e.idType, idTypeLabel: ID_TYPE_LABEL[e.idType], idNumber: maskIdentifier(e.idNumber) };
}

/** ¥ amount from integer fen, e.g. 12 → "0.12". */
export function yuan(amountFen: number): string {
  const sign = amountFen < 0 ? '-' : '';
  const abs = Math.abs(amountFen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
