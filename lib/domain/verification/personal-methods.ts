import type { PersonalDocumentType } from '../identity/document-types';

export const PERSONAL_METHODS = ['wechat', 'face', 'qq'] as const;
export type PersonalMethod = (typeof PERSONAL_METHODS)[number];

export const PERSONAL_METHOD_LABEL: Record<PersonalMethod, string> = {
  wechat: '微信扫码（即时完成）',
  face: '人脸识别（即时完成）',
  qq: 'QQ扫码（即时完成）',
};

const DAY_MS = 24 * 60 * 60 * 1000;
/** R-LIM-7: this many failed verifications in 24 h narrow the methods. */
export const RISK_FAILURES = 3;
/** R-P-FACE: this many failed face attempts in 24 h lock face recognition. */
export const FACE_FAILURE_LIMIT = 5;

export interface MethodFacts {
  documentType: PersonalDocumentType;
  now: Date;
  /** When this account's verifications failed (any method); older than 24 h is ignored. */
  failures: readonly Date[];
  /** When this account's face attempts failed; older than 24 h is ignored. */
  faceFailures: readonly Date[];
}

export interface MethodOption {
  method: PersonalMethod;
  available: boolean;
  /** Why not, in Chinese, when unavailable. */
  reason?: string;
  /** When it becomes available again, if it will by waiting. */
  until?: Date;
}

export interface MethodOffer {
  options: MethodOption[];
  recommended: PersonalMethod | null;
  /** A notice for the whole page (R-LIM-7), in Chinese. */
  notice?: string;
  /** Nothing is available before this time. */
  blockedUntil?: Date;
}

/** Within the last 24 h, oldest first. */
function inWindow(times: readonly Date[], now: Date): Date[] {
  return times.filter((t) => now.getTime() - t.getTime() < DAY_MS && t <= now).sort((a, b) => a.getTime() - b.getTime());
}

/** The moment fewer than `limit` of `recent` (oldest first) remain inside the 24 h window. */
function releasedAt(recent: Date[], limit: number): Date {
  return new Date(recent[recent.length - limit]!.getTime() + DAY_MS);
}

/**
 * R-LIM-5…7 and R-P-FACE: the methods a person may use now, which one is 推荐, and why
 * any is withheld. Permit holders may use WeChat only (R-LIM-6).
 */
export function offerPersonalMethods(facts: MethodFacts): MethodOffer {
  const allowed: PersonalMethod[] = facts.documentType === 'resident_id' ? ['wechat', 'face', 'qq'] : ['wechat'];
  const failures = inWindow(facts.failures, facts.now);
  const faceFailures = inWindow(facts.faceFailures, facts.now);
  const risky = failures.length >= RISK_FAILURES;
  const faceLockedUntil = faceFailures.length >= FACE_FAILURE_LIMIT ? releasedAt(faceFailures, FACE_FAILURE_LIMIT) : undefined;

  const options: MethodOption[] = allowed.map((method) => {
    if (method === 'face' && faceLockedUntil) {
      return { method, available: false, reason: '24 小时内人脸识别失败次数过多，已暂时锁定', until: faceLockedUntil };
    }
    if (risky && method !== 'face') {
      const until = releasedAt(failures, RISK_FAILURES);
      return { method, available: false, reason: '24 小时内认证失败 3 次及以上，暂不可使用此方式', until };
    }
    return { method, available: true };
  });

  const available = options.filter((o) => o.available).map((o) => o.method);
  const recommended = available[0] ?? null;
  let notice: string | undefined;
  if (risky) {
    notice =
      facts.documentType === 'resident_id'
        ? '您的账号在 24 小时内认证失败 3 次及以上，为保障账号安全，仅可使用人脸识别完成认证。'
        : '您的账号在 24 小时内认证失败 3 次及以上，请在限制解除后再使用微信扫码认证。';
  }
  const blockedUntil = available.length === 0 ? new Date(Math.min(...options.map((o) => o.until?.getTime() ?? Infinity))) : undefined;
  return { options, recommended, notice, blockedUntil };
}
